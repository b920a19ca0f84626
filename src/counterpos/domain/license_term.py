"""License and pass terms, as the ordinance counts them: start and term give the end.

One rule for every license and pass (animal, business, bus pass, the demo's): a term of years,
months or days runs from its first day up to the day before its anniversary, the same day of
the month that many months later. A day the later month lacks (29 February in a common year,
31 January plus a month) makes the anniversary the first day of the next month, so the term
takes every day up to the end of the shorter month and no day is lost or counted twice.
A renewal is due on the anniversary (the day after the last day); renewed early, a term
extends from the current expiry, never from the day it was paid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


class TermError(ValueError):
    """A term that cannot be: nothing, or a negative length."""


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later; a day that month lacks is the next month's 1st."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    try:
        return date(year, month + 1, day.day)
    except ValueError:  # the month is too short: its next month's first day
        year, month = divmod(index + 1, 12)
        return date(year, month + 1, 1)


@dataclass(frozen=True, slots=True)
class Term:
    """A length of time a license or pass runs: whole years, months and days."""

    years: int = 0
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if min(self.years, self.months, self.days) < 0:
            raise TermError("A term cannot be negative.")
        if not (self.years or self.months or self.days):
            raise TermError("A term runs at least one day.")

    def anniversary(self, start: date) -> date:
        """The first day after the term: when a term starting on `start` is due again."""
        return add_months(start, self.years * 12 + self.months) + timedelta(days=self.days)

    def end(self, start: date) -> date:
        """The last day of the term that starts on `start`."""
        return self.anniversary(start) - ONE_DAY


def term_end(start: date, years: int = 0, *, months: int = 0, days: int = 0) -> date:
    """The last day of a term starting on `start` (the day before its anniversary)."""
    return Term(years, months, days).end(start)


def renewal_due(expires_on: date) -> date:
    """The day a renewal falls due: the anniversary, the first day the old term no longer covers."""
    return expires_on + ONE_DAY


def renewal_period(
    expires_on: date, term: Term, on: date, *, keep_anniversary: bool
) -> tuple[date, date]:
    """First and last day of the term a renewal paid on `on` buys for a license to `expires_on`.

    Renewed early or on time, the new term starts the day after the current expiry. Renewed
    late, a license that keeps its anniversary (a business license) takes the period that
    covers `on`, counted on from the old expiry; one that does not (an animal license) starts
    on the day it is paid.
    """
    start = renewal_due(expires_on)
    if on > start and not keep_anniversary:
        start = on
    end = term.end(start)
    while keep_anniversary and end < on:
        start = end + ONE_DAY
        end = term.end(start)
    return start, end


__all__ = ["Term", "TermError", "add_months", "renewal_due", "renewal_period", "term_end"]
