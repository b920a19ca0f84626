"""Business days: Monday to Friday, less the holidays a city names."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta


def is_business_day(day: date, holidays: Collection[date] = ()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_business_days(day: date, n: int, holidays: Collection[date] = ()) -> date:
    """The n-th business day after `day` (n >= 0; 0 is `day` itself moved to a business day)."""
    out = day
    while not is_business_day(out, holidays):
        out += timedelta(days=1)
    for _ in range(n):
        out += timedelta(days=1)
        while not is_business_day(out, holidays):
            out += timedelta(days=1)
    return out


def business_days_between(start: date, end: date, holidays: Collection[date] = ()) -> int:
    """How many business days follow `start` up to and including `end` (0 when end <= start)."""
    n, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            n += 1
    return n
