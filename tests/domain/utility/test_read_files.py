"""Read file layouts (domain/utility/read_files.py): CSV and fixed width, refused at a bad line."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.utility.read_files import (
    ReadFileError,
    fixed_file,
    fixed_line,
    parse,
    parse_csv,
    parse_fixed,
    sniff,
)

CSV = """meter_serial,read_date,reading,flag,reader
MV-000001,2026-11-20,1012,,H7
mv-000002,11/20/2026,0013,E,H7
MV-000003,2026-11-20,0004,R,H7
"""


def test_csv_reads_with_flags():
    reads = parse_csv(CSV)
    assert [(r.line_no, r.meter_serial, r.value, r.estimated, r.rollover) for r in reads] == [
        (2, "MV-000001", 1012, False, False),
        (3, "MV-000002", 13, True, False),
        (4, "MV-000003", 4, False, True),
    ]
    assert reads[1].read_on == date(2026, 11, 20) and reads[0].reader == "H7"


def test_fixed_width_round_trip_and_sniffing():
    text = fixed_file(
        [("MV-000001", date(2026, 11, 20), 1012, ""), ("MV-000002", date(2026, 11, 20), 7, "E")],
        date(2026, 11, 21),
        "AMR head end",
    )
    assert len(fixed_line("MV-1", date(2026, 1, 2), 5)) == 40
    assert sniff(text) == "fixed" and sniff(CSV) == "csv"
    reads = parse(text)
    assert [(r.meter_serial, r.value, r.estimated) for r in reads] == [
        ("MV-000001", 1012, False),
        ("MV-000002", 7, True),
    ]


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("meter,date\n", 1, "lacks meter_serial, read_date, reading"),
        ("meter_serial,read_date,reading\nA1,2026-13-01,5\n", 2, "not a date"),
        (
            "meter_serial,read_date,reading\nA1,2026-11-01,5\nA2,2026-11-01,-5\n",
            3,
            "not a whole number",
        ),
        ("meter_serial,read_date,reading,flag\nA1,2026-11-01,5,X\n", 2, "flag 'X'"),
        ("meter_serial,read_date,reading\nA1,2026-11-01,5\nA1,2026-11-02,6\n", 3, "read twice"),
        ("meter_serial,read_date,reading\n,2026-11-01,5\n", 2, "serial is missing"),
        ("meter_serial,read_date,reading\nA1,2026-11-01,5,9\n", 2, "4 fields"),
        ("meter_serial,read_date,reading\n", 1, "no reads"),
    ],
)
def test_a_bad_csv_line_refuses_the_file_with_its_number(text, line, reason):
    with pytest.raises(ReadFileError, match=reason) as caught:
        parse_csv(text)
    assert caught.value.line_no == line and str(caught.value).startswith(f"Line {line}:")


def test_a_fixed_width_file_cut_short_or_miscounted_is_refused():
    good = fixed_file([("MV-1", date(2026, 11, 20), 1, "")], date(2026, 11, 21))
    cut = good.rsplit("TR", 1)[0]
    with pytest.raises(ReadFileError, match="no trailer"):
        parse_fixed(cut)
    with pytest.raises(ReadFileError, match="counts 2 reads but the file holds 1") as caught:
        parse_fixed(good.replace("TR000000001", "TR000000002"))
    assert caught.value.line_no == 3
    with pytest.raises(ReadFileError, match="record type 'XX'") as caught:
        parse_fixed(good.replace("RD", "XX"))
    assert caught.value.line_no == 2
    with pytest.raises(ReadFileError, match="before the header"):
        parse_fixed(good.split("\n", 1)[1])
    short = good.replace(fixed_line("MV-1", date(2026, 11, 20), 1), "RDMV-1")
    with pytest.raises(ReadFileError, match="40 characters"):
        parse_fixed(short)
