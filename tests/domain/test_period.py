"""Periods and receipt-number continuity (domain/period.py)."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.period import continuity, fiscal_year, parse, quarter


def test_periods():
    assert parse("2026-02").last == date(2026, 2, 28)
    assert parse("2026-12").last == date(2026, 12, 31)
    assert quarter(2026, 4).first == date(2026, 10, 1) and quarter(2026, 4).last.day == 31
    fy = fiscal_year(2027)
    assert (fy.first, fy.last) == (date(2026, 7, 1), date(2027, 6, 30))
    assert parse("fy2027") == fy
    with pytest.raises(ValueError, match="not a period"):
        parse("November")


def test_gaps_and_duplicates_are_named():
    c = continuity("CH1", [3, 4, 4, 7, 8, 10], before=1)
    assert c.gaps == ((2, 2), (5, 6), (9, 9)) and c.duplicates == (4,)
    assert c.missing == 4 and not c.ok and c.first == 2
    assert continuity("CH1", [1, 2, 3]).ok
