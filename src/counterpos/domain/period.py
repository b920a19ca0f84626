"""Reporting periods (a month, a quarter, the city's fiscal year) and receipt-number continuity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    first: date
    last: date  # inclusive


def month(year: int, m: int) -> Period:
    first = date(year, m, 1)
    nxt = date(year + (m == 12), m % 12 + 1, 1)
    return Period(f"{first:%B %Y}", first, nxt - timedelta(days=1))


def quarter(year: int, q: int) -> Period:
    if q not in (1, 2, 3, 4):
        raise ValueError("A quarter is 1 to 4.")
    first = date(year, 3 * q - 2, 1)
    return Period(f"Q{q} {year}", first, month(year, 3 * q).last)


def fiscal_year(ending: int, start_month: int = 7) -> Period:
    """The fiscal year that ends in `ending` (FY 2027 runs July 2026 to June 2027 by default)."""
    if start_month == 1:
        return Period(f"FY {ending}", date(ending, 1, 1), date(ending, 12, 31))
    first = date(ending - 1, start_month, 1)
    return Period(f"FY {ending}", first, date(ending, start_month, 1) - timedelta(days=1))


def parse(text: str, fiscal_start: int = 7) -> Period:
    """ "2026-11" (a month), "2026-Q4" (a quarter) or "FY2027" (a fiscal year)."""
    t = text.strip().upper()
    try:
        if t.startswith("FY"):
            return fiscal_year(int(t[2:].strip()), fiscal_start)
        year, rest = t.split("-", 1)
        if rest.startswith("Q"):
            return quarter(int(year), int(rest[1:]))
        return month(int(year), int(rest))
    except (ValueError, IndexError):
        raise ValueError(f"{text!r} is not a period: use 2026-11, 2026-Q4 or FY2027.") from None


@dataclass(frozen=True, slots=True)
class Continuity:
    station: str
    first: int
    last: int
    count: int
    gaps: tuple[tuple[int, int], ...]  # missing runs, inclusive
    duplicates: tuple[int, ...]
    before: int | None  # the last number before the period, when there is one

    @property
    def missing(self) -> int:
        return sum(b - a + 1 for a, b in self.gaps)

    @property
    def ok(self) -> bool:
        return not self.gaps and not self.duplicates


def continuity(station: str, numbers: Iterable[int], before: int | None = None) -> Continuity:
    """Every number from the one after `before` (or the first seen) to the last accounted for:
    the runs that are missing and the numbers used twice are named."""
    counts = Counter(numbers)
    if not counts:
        return Continuity(station, 0, 0, 0, (), (), before)
    seen = sorted(counts)
    start = before + 1 if before is not None else seen[0]
    gaps = []
    expect = start
    for n in seen:
        if n > expect:
            gaps.append((expect, n - 1))
        expect = max(expect, n + 1)
    dups = tuple(n for n in seen if counts[n] > 1)
    return Continuity(station, start, seen[-1], sum(counts.values()), tuple(gaps), dups, before)
