"""NACHA (ACH) files: the fixed-width 94-character records of the published layout, written for
autopay debits and prenotes, and read back from a bank's returns file.

Positions are 1-based and inclusive, as the NACHA Operating Rules print them. Numeric fields
are right-aligned and zero-filled, alphanumeric ones left-aligned and blank-filled. A file is
blocked in tens: records of all 9s fill the last block.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

RECORD = 94
BLOCKING = 10

# (field, first position, last position, numeric?)
FILE_HEADER = (
    ("record_type", 1, 1, True),
    ("priority_code", 2, 3, True),
    ("immediate_destination", 4, 13, False),
    ("immediate_origin", 14, 23, False),
    ("file_creation_date", 24, 29, True),
    ("file_creation_time", 30, 33, True),
    ("file_id_modifier", 34, 34, False),
    ("record_size", 35, 37, True),
    ("blocking_factor", 38, 39, True),
    ("format_code", 40, 40, True),
    ("destination_name", 41, 63, False),
    ("origin_name", 64, 86, False),
    ("reference_code", 87, 94, False),
)
BATCH_HEADER = (
    ("record_type", 1, 1, True),
    ("service_class_code", 2, 4, True),
    ("company_name", 5, 20, False),
    ("company_discretionary_data", 21, 40, False),
    ("company_identification", 41, 50, False),
    ("standard_entry_class", 51, 53, False),
    ("company_entry_description", 54, 63, False),
    ("company_descriptive_date", 64, 69, False),
    ("effective_entry_date", 70, 75, True),
    ("settlement_date", 76, 78, False),
    ("originator_status_code", 79, 79, False),
    ("originating_dfi", 80, 87, True),
    ("batch_number", 88, 94, True),
)
ENTRY = (
    ("record_type", 1, 1, True),
    ("transaction_code", 2, 3, True),
    ("receiving_dfi", 4, 11, True),
    ("check_digit", 12, 12, True),
    ("dfi_account_number", 13, 29, False),
    ("amount", 30, 39, True),
    ("individual_id", 40, 54, False),
    ("individual_name", 55, 76, False),
    ("discretionary_data", 77, 78, False),
    ("addenda_indicator", 79, 79, True),
    ("trace_number", 80, 94, True),
)
RETURN_ADDENDA = (
    ("record_type", 1, 1, True),
    ("addenda_type", 2, 3, True),
    ("return_reason_code", 4, 6, False),
    ("original_trace_number", 7, 21, True),
    ("date_of_death", 22, 27, False),
    ("original_receiving_dfi", 28, 35, True),
    ("addenda_information", 36, 79, False),
    ("trace_number", 80, 94, True),
)
BATCH_CONTROL = (
    ("record_type", 1, 1, True),
    ("service_class_code", 2, 4, True),
    ("entry_addenda_count", 5, 10, True),
    ("entry_hash", 11, 20, True),
    ("total_debit", 21, 32, True),
    ("total_credit", 33, 44, True),
    ("company_identification", 45, 54, False),
    ("message_authentication_code", 55, 73, False),
    ("reserved", 74, 79, False),
    ("originating_dfi", 80, 87, True),
    ("batch_number", 88, 94, True),
)
FILE_CONTROL = (
    ("record_type", 1, 1, True),
    ("batch_count", 2, 7, True),
    ("block_count", 8, 13, True),
    ("entry_addenda_count", 14, 21, True),
    ("entry_hash", 22, 31, True),
    ("total_debit", 32, 43, True),
    ("total_credit", 44, 55, True),
    ("reserved", 56, 94, False),
)
LAYOUTS = {"1": FILE_HEADER, "5": BATCH_HEADER, "6": ENTRY, "8": BATCH_CONTROL, "9": FILE_CONTROL}

# Transaction codes of the receiver's account: a live debit, and its zero-dollar prenote.
DEBIT = {"checking": "27", "savings": "37"}
PRENOTE = {"checking": "28", "savings": "38"}


class NachaError(ValueError):
    def __init__(self, line_no: int, message: str) -> None:
        super().__init__(f"Line {line_no}: {message}")
        self.line_no = line_no


def record(layout, **values: object) -> str:
    """One record: each field padded to its width; a value too long is an error, not a cut."""
    out = []
    for name, first, last, numeric in layout:
        width = last - first + 1
        raw = values.get(name, "")
        text = str(raw)
        if numeric:
            text = text.rjust(width, "0") if text else "0" * width
        else:
            text = text.upper().ljust(width) if name.endswith("name") else text.ljust(width)
        if len(text) != width:
            raise ValueError(f"{name} {raw!r} does not fit in {width} characters")
        if numeric and not text.isdigit():
            raise ValueError(f"{name} {raw!r} must be digits")
        out.append(text)
    line = "".join(out)
    assert len(line) == RECORD
    return line


def fields(layout, line: str) -> dict[str, str]:
    """The fields of a record, stripped of their padding."""
    return {name: line[first - 1 : last].strip() for name, first, last, _ in layout}


@dataclass(frozen=True, slots=True)
class Originator:
    company_name: str  # up to 16
    company_id: str  # 10, e.g. "1" + the city's federal tax id
    odfi: str  # the city's bank's routing number, 9 digits
    destination: str  # the ACH operator's or bank's routing number, 9 digits
    destination_name: str
    origin_name: str


@dataclass(frozen=True, slots=True)
class Entry:
    transaction_code: str
    routing: str  # 9 digits
    account: str  # up to 17
    cents: int
    individual_id: str  # our utility account number
    name: str
    trace: str  # 15 digits: the ODFI's 8 digits and a sequence


def entry_hash(entries: list[Entry]) -> str:
    """The sum of the receiving DFIs' 8-digit numbers, its last 10 digits."""
    return str(sum(int(e.routing[:8]) for e in entries))[-10:]


def write_file(
    orig: Originator,
    entries: list[Entry],
    *,
    effective: date,
    created: datetime,
    description: str = "UTILITY",
    file_id: str = "A",
    batch_number: int = 1,
) -> str:
    """A file of one PPD debit batch (service class 225), blocked in tens."""
    debit = sum(e.cents for e in entries)
    h = entry_hash(entries)
    lines = [
        record(
            FILE_HEADER,
            record_type=1,
            priority_code=1,
            immediate_destination=" " + orig.destination,
            immediate_origin=" " + orig.odfi,
            file_creation_date=created.strftime("%y%m%d"),
            file_creation_time=created.strftime("%H%M"),
            file_id_modifier=file_id,
            record_size=RECORD,
            blocking_factor=BLOCKING,
            format_code=1,
            destination_name=orig.destination_name[:23],
            origin_name=orig.origin_name[:23],
        ),
        record(
            BATCH_HEADER,
            record_type=5,
            service_class_code=225,
            company_name=orig.company_name[:16],
            company_identification=orig.company_id,
            standard_entry_class="PPD",
            company_entry_description=description[:10],
            company_descriptive_date=effective.strftime("%b %y").upper(),
            effective_entry_date=effective.strftime("%y%m%d"),
            originator_status_code="1",
            originating_dfi=orig.odfi[:8],
            batch_number=batch_number,
        ),
    ]
    for e in entries:
        lines.append(
            record(
                ENTRY,
                record_type=6,
                transaction_code=e.transaction_code,
                receiving_dfi=e.routing[:8],
                check_digit=e.routing[8],
                dfi_account_number=e.account,
                amount=e.cents,
                individual_id=e.individual_id[:15],
                individual_name=e.name[:22],
                addenda_indicator=0,
                trace_number=e.trace,
            )
        )
    lines.append(
        record(
            BATCH_CONTROL,
            record_type=8,
            service_class_code=225,
            entry_addenda_count=len(entries),
            entry_hash=h,
            total_debit=debit,
            total_credit=0,
            company_identification=orig.company_id,
            originating_dfi=orig.odfi[:8],
            batch_number=batch_number,
        )
    )
    records_so_far = len(lines) + 1
    blocks = -(-records_so_far // BLOCKING)
    lines.append(
        record(
            FILE_CONTROL,
            record_type=9,
            batch_count=1,
            block_count=blocks,
            entry_addenda_count=len(entries),
            entry_hash=h,
            total_debit=debit,
            total_credit=0,
        )
    )
    lines += ["9" * RECORD] * (blocks * BLOCKING - len(lines))
    return "\n".join(lines) + "\n"


@dataclass(frozen=True, slots=True)
class Return:
    line_no: int
    original_trace: str
    reason_code: str  # R01 insufficient funds, R02 account closed, ...
    cents: int
    individual_id: str


def read_returns(content: str) -> list[Return]:
    """The returned entries of a bank's returns file: each entry detail (6) with its return
    addenda (7, type 99). A record out of place or of the wrong width names its line."""
    out: list[Return] = []
    pending: tuple[int, dict[str, str]] | None = None
    seen_header = seen_control = False
    for n, raw in enumerate(content.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if len(line) != RECORD:
            raise NachaError(n, f"a record is {RECORD} characters; this one is {len(line)}")
        kind = line[0]
        if line == "9" * RECORD:
            continue
        if kind not in ("1", "5", "6", "7", "8", "9"):
            raise NachaError(n, f"{kind!r} is not a NACHA record type")
        if kind == "1":
            seen_header = True
        elif not seen_header:
            raise NachaError(n, "the file header (record type 1) must come first")
        if kind == "6":
            if pending is not None:
                raise NachaError(pending[0], "a returned entry has no return addenda after it")
            f = fields(ENTRY, line)
            if not f["amount"].isdigit() or not f["trace_number"].isdigit():
                raise NachaError(n, "the entry's amount and trace number are digits")
            pending = (n, f)
        elif kind == "7":
            if pending is None:
                raise NachaError(n, "a return addenda without its entry")
            a = fields(RETURN_ADDENDA, line)
            if a["addenda_type"] != "99":
                raise NachaError(n, f"addenda type {a['addenda_type']} is not a return (99)")
            if (
                not a["return_reason_code"].startswith("R")
                or not a["original_trace_number"].isdigit()
            ):
                raise NachaError(n, "a return names its reason (R01...) and the original trace")
            entry_line, f = pending
            out.append(
                Return(
                    entry_line,
                    a["original_trace_number"],
                    a["return_reason_code"],
                    int(f["amount"]),
                    f["individual_id"],
                )
            )
            pending = None
        elif kind == "9":
            seen_control = True
        elif kind == "8" and pending is not None:
            raise NachaError(pending[0], "a returned entry has no return addenda after it")
    if pending is not None:
        raise NachaError(pending[0], "a returned entry has no return addenda after it")
    if not seen_control:
        raise NachaError(
            len(content.splitlines()) or 1, "the file control (record type 9) is missing"
        )
    return out
