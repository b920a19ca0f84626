"""A report for a period as printer-independent tables: what the PDF, CSV and XLSX show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from counterpos.domain.money import Money

Cell = str | int | Money | date | None


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str = ""

    def total(self, column: str) -> Money:
        i = self.columns.index(column)
        cents = 0
        for r in self.rows:
            value = r[i]
            if isinstance(value, Money):
                cents += value.cents
        return Money(cents)


@dataclass(frozen=True, slots=True)
class PeriodReport:
    city_name: str
    title: str
    period: str
    first: date
    last: date
    printed_at: datetime
    printed_by: str
    sections: tuple[Section, ...]

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)


def cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return value.plain()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_rows(report: PeriodReport) -> list[tuple[str, ...]]:
    """One CSV for the whole report: `section` first, then that section's columns by name as
    c1..cN under a header row per section (its column names)."""
    out: list[tuple[str, ...]] = [("section", "row", "columns...")]
    for s in report.sections:
        out.append((s.title, "header", *s.columns))
        for n, r in enumerate(s.rows, start=1):
            out.append((s.title, str(n), *(cell_text(c) for c in r)))
    return out
