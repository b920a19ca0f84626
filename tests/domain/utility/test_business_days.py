"""Business days (domain/utility/business_days.py) over random dates and holiday sets."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.business_days import (
    add_business_days,
    business_days_between,
    is_business_day,
    next_business_day,
)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
closed_sets = st.frozensets(days, max_size=40)


def test_weekends_and_holidays_are_not_business_days():
    thanksgiving = date(2026, 11, 26)
    closed = {thanksgiving, thanksgiving + timedelta(days=1)}
    assert not is_business_day(date(2026, 11, 28), closed)  # a Saturday
    assert not is_business_day(thanksgiving, closed)
    assert next_business_day(thanksgiving, closed) == date(2026, 11, 30)
    # from Wednesday before Thanksgiving: Mon 30, Tue 1, ..., seven business days on
    assert add_business_days(date(2026, 11, 25), 7, closed) == date(2026, 12, 8)


@given(days, st.integers(0, 40), closed_sets)
def test_adding_then_counting_gives_the_count_back(start, n, closed):
    end = add_business_days(start, n, closed)
    assert business_days_between(start, end, closed) == n
    assert n == 0 or is_business_day(end, closed)


@given(days, days, closed_sets)
def test_the_count_never_exceeds_the_weekdays(a, b, closed):
    n = business_days_between(a, b, closed)
    weekdays = sum(1 for i in range(1, (b - a).days + 1) if (a + timedelta(days=i)).weekday() < 5)
    assert 0 <= n <= weekdays


@given(days, closed_sets)
def test_the_next_business_day_is_the_first_one(day, closed):
    nxt = next_business_day(day, closed)
    assert is_business_day(nxt, closed) and nxt >= day
    assert all(
        not is_business_day(day + timedelta(days=i), closed) for i in range((nxt - day).days)
    )
