"""NACHA records (domain/nacha.py) at the positions of the published fixed-width layout."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from counterpos.domain.nacha import (
    ENTRY,
    Entry,
    NachaError,
    Originator,
    read_returns,
    record,
    write_file,
)
from tests.services.office.bank_files import nacha_returns as returns_file

ORIG = Originator(
    "CITY MISSION VST",
    "1953000123",
    "121000248",
    "011000015",
    "FEDERAL RESERVE",
    "CITY OF MISSION VISTA",
)
E1 = Entry("27", "111000025", "123456789", 12_345, "10000007", "Ann Lee", "121000240000001")
E2 = Entry("28", "021000021", "987654321", 0, "10000014", "Bo Chan", "121000240000002")


def at(line: str, first: int, last: int) -> str:
    """Positions as the NACHA rules print them: 1-based, inclusive."""
    return line[first - 1 : last]


def test_the_file_follows_the_published_layout_field_by_field():
    text = write_file(
        ORIG, [E1, E2], effective=date(2026, 12, 1), created=datetime(2026, 11, 30, 14, 5)
    )
    lines = text.splitlines()
    assert all(len(ln) == 94 for ln in lines)
    assert len(lines) % 10 == 0 and lines[-1] == "9" * 94  # blocked in tens
    h, b, d1, d2, bc, fc = lines[:6]
    # File header (1)
    assert at(h, 1, 1) == "1" and at(h, 2, 3) == "01"
    assert at(h, 4, 13) == " 011000015" and at(h, 14, 23) == " 121000248"
    assert at(h, 24, 29) == "261130" and at(h, 30, 33) == "1405" and at(h, 34, 34) == "A"
    assert at(h, 35, 37) == "094" and at(h, 38, 39) == "10" and at(h, 40, 40) == "1"
    assert at(h, 41, 63).rstrip() == "FEDERAL RESERVE"
    assert at(h, 64, 86).rstrip() == "CITY OF MISSION VISTA"
    # Batch header (5)
    assert at(b, 1, 1) == "5" and at(b, 2, 4) == "225" and at(b, 5, 20) == "CITY MISSION VST"
    assert at(b, 41, 50) == "1953000123" and at(b, 51, 53) == "PPD"
    assert at(b, 54, 63).rstrip() == "UTILITY" and at(b, 70, 75) == "261201"
    assert at(b, 79, 79) == "1" and at(b, 80, 87) == "12100024" and at(b, 88, 94) == "0000001"
    # Entry detail (6)
    assert at(d1, 1, 1) == "6" and at(d1, 2, 3) == "27"
    assert at(d1, 4, 11) == "11100002" and at(d1, 12, 12) == "5"
    assert at(d1, 13, 29) == "123456789        " and at(d1, 30, 39) == "0000012345"
    assert at(d1, 40, 54).rstrip() == "10000007" and at(d1, 55, 76).rstrip() == "ANN LEE"
    assert at(d1, 79, 79) == "0" and at(d1, 80, 94) == "121000240000001"
    assert at(d2, 2, 3) == "28" and at(d2, 30, 39) == "0000000000"  # the prenote: zero dollars
    # Batch control (8): count, hash of the RDFIs' 8 digits, debits, credits
    assert at(bc, 1, 1) == "8" and at(bc, 2, 4) == "225" and at(bc, 5, 10) == "000002"
    assert at(bc, 11, 20) == f"{11100002 + 2100002:010d}"
    assert at(bc, 21, 32) == "000000012345" and at(bc, 33, 44) == "000000000000"
    assert at(bc, 45, 54) == "1953000123" and at(bc, 80, 87) == "12100024"
    # File control (9)
    assert at(fc, 1, 1) == "9" and at(fc, 2, 7) == "000001" and at(fc, 8, 13) == "000001"
    assert at(fc, 14, 21) == "00000002" and at(fc, 22, 31) == f"{13200004:010d}"
    assert at(fc, 32, 43) == "000000012345" and at(fc, 44, 55) == "000000000000"


def test_a_field_that_does_not_fit_is_an_error_not_a_cut():
    with pytest.raises(ValueError, match="does not fit"):
        record(ENTRY, dfi_account_number="1" * 18)
    with pytest.raises(ValueError, match="must be digits"):
        record(ENTRY, amount="12.34")


def test_a_returns_file_is_read_back_and_a_broken_one_names_its_line():
    got = read_returns(returns_file((E1, "R01")))
    assert [(r.original_trace, r.reason_code, r.cents, r.line_no) for r in got] == [
        ("121000240000001", "R01", 12_345, 2)
    ]
    broken = returns_file((E1, "R01")).splitlines()
    with pytest.raises(NachaError, match="Line 2: a returned entry has no return addenda"):
        read_returns("\n".join([broken[0], broken[1], broken[3]]) + "\n")
    with pytest.raises(NachaError, match="Line 3: a record is 94 characters; this one is 93"):
        read_returns("\n".join([broken[0], broken[1], broken[2][:-1], broken[3]]))
