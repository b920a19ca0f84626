"""Business days: Monday to Friday, less the holidays and days the office is closed (data)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


def is_business_day(day: date, closed: Collection[date]) -> bool:
    return day.weekday() < 5 and day not in closed


def next_business_day(day: date, closed: Collection[date]) -> date:
    """`day` itself when it is a business day, else the first one after it."""
    while not is_business_day(day, closed):
        day += ONE_DAY
    return day


def add_business_days(day: date, count: int, closed: Collection[date]) -> date:
    """The `count`-th business day after `day` (`day` itself is not counted)."""
    if count < 0:
        raise ValueError("count business days forward only")
    while count:
        day += ONE_DAY
        if is_business_day(day, closed):
            count -= 1
    return day


def business_days_between(start: date, end: date, closed: Collection[date]) -> int:
    """Business days after `start` up to and including `end` (0 when end <= start)."""
    count, day = 0, start
    while day < end:
        day += ONE_DAY
        if is_business_day(day, closed):
            count += 1
    return count
