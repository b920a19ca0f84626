"""The two read file layouts a handheld or an AMR/AMI head end sends, parsed line by line.

CSV (a header line, then one read a line; commas; UTF-8):

    meter_serial,read_date,reading,flag
    MV-000123,2026-11-28,4821,
    MV-000124,2026-11-28,0007,R

  meter_serial  the serial stamped on the meter (required)
  read_date     YYYY-MM-DD or MM/DD/YYYY (required)
  reading       whole units on the dials (required)
  flag          empty; E = estimated (not read); R = the register rolled over
  reader        optional: the reader's or the device's id

Fixed width (one record a line, 40 characters; the trailer's count guards a truncated file):

    cols  1-2   record type: HD header, RD read, TR trailer
    HD    3-10  file date YYYYMMDD; 11-40 source name
    RD    3-14  meter serial, left-aligned, blank-padded
          15-22 read date YYYYMMDD
          23-31 reading, 9 digits, zero-padded
          32    flag: blank, E (estimated) or R (rollover)
          33-40 reader id
    TR    3-11  number of RD records, 9 digits

A bad line stops the whole file: ReadFileError names the line and the reason, and nothing of
the file is taken.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

FLAGS = {"": (False, False), "E": (True, False), "R": (False, True)}
CSV_COLUMNS = ("meter_serial", "read_date", "reading")
MAX_READING = 999_999_999


class ReadFileError(ValueError):
    """A read file refused whole: `line_no` (1-based) and the reason."""

    def __init__(self, line_no: int, reason: str) -> None:
        super().__init__(f"Line {line_no}: {reason}")
        self.line_no = line_no
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ReadRecord:
    line_no: int
    meter_serial: str
    read_on: date
    value: int
    estimated: bool = False
    rollover: bool = False
    reader: str = ""


_DATES: dict[str, date] = {}  # a file holds few dates: each text parsed once


def _date(text: str, line_no: int) -> date:
    known = _DATES.get(text)
    if known is not None:
        return known
    found = _parse_date(text, line_no)
    if len(_DATES) < 4096:
        _DATES[text] = found
    return found


def _parse_date(text: str, line_no: int) -> date:
    text = text.strip()
    try:
        if len(text) == 8 and text.isdigit():
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if len(text) == 10 and text[4] == "-":
            return date.fromisoformat(text)
    except ValueError:
        raise ReadFileError(line_no, f"{text!r} is not a date (YYYY-MM-DD).") from None
    for fmt in ("%Y-%m-%d", "%m/%d/%Y", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ReadFileError(line_no, f"{text!r} is not a date (YYYY-MM-DD).")


def _reading(text: str, line_no: int) -> int:
    text = text.strip()
    if not text.isdigit() or not text.isascii():
        raise ReadFileError(line_no, f"the reading {text!r} is not a whole number.")
    value = int(text)
    if value > MAX_READING:
        raise ReadFileError(line_no, f"the reading {text} is too large.")
    return value


def _flag(text: str, line_no: int) -> tuple[bool, bool]:
    key = text.strip().upper()
    if key not in FLAGS:
        raise ReadFileError(line_no, f"flag {text.strip()!r} is not E (estimated) or R (rollover).")
    return FLAGS[key]


_PLAIN_SERIAL = re.compile(r"[A-Z0-9\-_/.]{1,20}")


def _serial(text: str, line_no: int) -> str:
    serial = text.strip().upper()
    if _PLAIN_SERIAL.fullmatch(serial):  # the usual serial: ASCII, at once
        return serial
    if not serial:
        raise ReadFileError(line_no, "the meter serial is missing.")
    if len(serial) > 20 or not all(c.isalnum() or c in "-_/." for c in serial):
        raise ReadFileError(line_no, f"{text.strip()!r} is not a meter serial.")
    return serial


def _no_repeats(records: list[ReadRecord]) -> list[ReadRecord]:
    seen: dict[str, int] = {}
    for r in records:
        if r.meter_serial in seen:
            raise ReadFileError(
                r.line_no,
                f"meter {r.meter_serial} is read twice (also on line {seen[r.meter_serial]}).",
            )
        seen[r.meter_serial] = r.line_no
    return records


def parse_csv(text: str) -> list[ReadRecord]:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise ReadFileError(1, "the file is empty; the first line names the columns.")
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower().lstrip("\ufeff") for h in next(reader)]
    missing = [c for c in CSV_COLUMNS if c not in header]
    if missing:
        raise ReadFileError(1, f"the header lacks {', '.join(missing)}.")
    col = {name: header.index(name) for name in header}
    records: list[ReadRecord] = []
    for row in reader:
        line_no = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise ReadFileError(line_no, f"{len(row)} fields where the header has {len(header)}.")
        row = row + [""] * (len(header) - len(row))
        estimated, rollover = _flag(row[col["flag"]] if "flag" in col else "", line_no)
        records.append(
            ReadRecord(
                line_no,
                _serial(row[col["meter_serial"]], line_no),
                _date(row[col["read_date"]], line_no),
                _reading(row[col["reading"]], line_no),
                estimated,
                rollover,
                row[col["reader"]].strip()[:20] if "reader" in col else "",
            )
        )
    if not records:
        raise ReadFileError(len(lines), "the file holds no reads.")
    return _no_repeats(records)


def parse_fixed(text: str) -> list[ReadRecord]:
    records: list[ReadRecord] = []
    header: date | None = None
    trailer: int | None = None
    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if trailer is not None:
            raise ReadFileError(line_no, "a record after the trailer (TR).")
        kind = line[:2]
        if kind == "HD":
            if header is not None or records:
                raise ReadFileError(line_no, "the header (HD) must be the first record, once.")
            header = _date(line[2:10], line_no)
        elif kind == "RD":
            if header is None:
                raise ReadFileError(line_no, "a read before the header (HD).")
            if len(line) < 32:
                raise ReadFileError(
                    line_no, f"a read record is 40 characters; this one has {len(line)}."
                )
            estimated, rollover = _flag(line[31:32], line_no)
            records.append(
                ReadRecord(
                    line_no,
                    _serial(line[2:14], line_no),
                    _date(line[14:22], line_no),
                    _reading(line[22:31], line_no),
                    estimated,
                    rollover,
                    line[32:40].strip(),
                )
            )
        elif kind == "TR":
            count = line[2:11]
            if not count.strip().isdigit():
                raise ReadFileError(line_no, f"the trailer's count {count!r} is not a number.")
            trailer = int(count)
            if trailer != len(records):
                raise ReadFileError(
                    line_no,
                    f"the trailer counts {trailer} reads but the file holds {len(records)}.",
                )
        else:
            raise ReadFileError(line_no, f"record type {kind!r} is not HD, RD or TR.")
    if header is None:
        raise ReadFileError(1, "the file has no header (HD) record.")
    if trailer is None:
        raise ReadFileError(
            len(text.splitlines()) or 1, "the file has no trailer (TR): it may be cut short."
        )
    return _no_repeats(records)


def sniff(text: str) -> str:
    """'fixed' when the first non-blank line is a fixed-width header, else 'csv'."""
    for line in text.splitlines():
        if line.strip():
            return "fixed" if line.startswith("HD") and "," not in line else "csv"
    return "csv"


def parse(text: str, layout: str = "auto") -> list[ReadRecord]:
    layout = sniff(text) if layout == "auto" else layout
    if layout == "csv":
        return parse_csv(text)
    if layout == "fixed":
        return parse_fixed(text)
    raise ValueError(f"unknown read file layout {layout!r}")


def fixed_line(serial: str, read_on: date, value: int, flag: str = "", reader: str = "") -> str:
    """One RD record (for the handheld simulator, tests and benchmarks)."""
    return f"RD{serial:<12.12}{read_on:%Y%m%d}{value:09d}{flag or ' ':1.1}{reader:<8.8}"


def fixed_file(records: list[tuple[str, date, int, str]], made_on: date, source: str = "") -> str:
    lines = [f"HD{made_on:%Y%m%d}{source:<30.30}"]
    lines += [fixed_line(serial, on, value, flag) for serial, on, value, flag in records]
    lines.append(f"TR{len(records):09d}")
    return "\n".join(lines) + "\n"
