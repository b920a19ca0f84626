"""SB 998's low-income protections (domain/utility/low_income.py): the reconnection fee's cap
and one late charge waived in twelve months, over random times, calendars and due dates."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.arrangement import add_months
from counterpos.domain.utility.business_days import is_business_day
from counterpos.domain.utility.delinquency import PolicyError, parse_policy
from counterpos.domain.utility.low_income import (
    LowIncomePolicy,
    in_business_hours,
    reconnection_fee,
    waiver_due,
)

POLICY = LowIncomePolicy()
moments = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31))
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
fees = st.integers(min_value=0, max_value=100_000)


@given(moments, st.frozensets(days, max_size=20), fees, fees)
def test_a_qualifying_household_never_pays_above_its_cap(at, closed, fee, after):
    policy = LowIncomePolicy(reconnection_fee_cents=fee, reconnection_fee_after_hours_cents=after)
    hours = in_business_hours(at, closed, policy)
    charged = reconnection_fee(at, closed, policy, low_income=True)
    other = reconnection_fee(at, closed, policy, low_income=False)
    cap = policy.cap_cents if hours else policy.cap_after_hours_cents
    assert other.cents == (fee if hours else after) and not other.capped
    assert charged.cents == min(other.cents, cap) <= cap
    assert charged.capped == (other.cents > cap)
    assert charged.business_hours == other.business_hours == hours
    if hours:
        assert is_business_day(at.date(), closed) and time(8) <= at.time() < time(17)


def test_fifty_dollars_in_business_hours_and_the_statute_s_figure_after():
    monday = datetime(2026, 11, 2, 10, 30)
    assert reconnection_fee(monday, (), POLICY, True).cents == 5000
    assert reconnection_fee(monday, (), POLICY, False).cents == 7500
    evening = monday.replace(hour=19)
    assert reconnection_fee(evening, (), POLICY, True).cents == 15000
    assert reconnection_fee(evening, (), POLICY, False).cents == 20000
    holiday = reconnection_fee(monday, {monday.date()}, POLICY, True)
    assert (holiday.cents, holiday.business_hours) == (15000, False)
    assert reconnection_fee(monday.replace(hour=17), (), POLICY, True).cents == 15000


@given(st.lists(days, min_size=1, max_size=40, unique=True), st.integers(1, 24))
def test_one_waiver_in_any_twelve_months_and_the_next_as_soon_as_allowed(dues, months):
    policy = LowIncomePolicy(waiver_months=months)
    last: date | None = None
    waived = []
    for on in sorted(dues):
        if waiver_due(last, on, policy):
            waived.append(on)
            last = on
        else:  # refused only within `months` of the last waiver
            assert last is not None and on < add_months(last, months)
    assert waived[0] == min(dues)
    assert all(b >= add_months(a, months) for a, b in zip(waived, waived[1:], strict=False))


def test_the_figures_are_policy_data():
    p = parse_policy(
        {
            "reconnection_fee": "80.00",
            "low_income_reconnection_cap": "40.00",
            "business_hours_open": "07:30",
            "business_hours_close": "18:00",
            "low_income_waiver_months": 6,
        }
    ).low_income
    assert (p.reconnection_fee_cents, p.cap_cents, p.waiver_months) == (8000, 4000, 6)
    assert (p.opens, p.closes) == (time(7, 30), time(18))
    assert parse_policy({}).low_income == LowIncomePolicy()
    with pytest.raises(PolicyError, match="business_hours_open"):
        parse_policy({"business_hours_open": "8 am"})
    with pytest.raises(PolicyError, match="after business_hours_open"):
        parse_policy({"business_hours_open": "17:00", "business_hours_close": "08:00"})
    with pytest.raises(PolicyError, match="low_income_waiver_months"):
        parse_policy({"low_income_waiver_months": 0})
