"""Payment arrangements (domain/utility/arrangement.py): instalments, kept, missed, broken."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.arrangement import (
    ArrangementError,
    Instalment,
    add_months,
    plan,
    standing,
)


def test_instalments_share_the_arrears_odd_cents_first():
    p = plan(10_001, 3, date(2026, 1, 31), 12)
    assert [i.cents for i in p] == [3335, 3333, 3333]
    assert [i.due_on for i in p] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]


@given(st.integers(1, 10_000_000), st.integers(1, 12))
def test_a_plan_always_sums_to_the_arrears(total, count):
    if total < count:
        with pytest.raises(ArrangementError):
            plan(total, count, date(2026, 1, 1), 12)
        return
    assert sum(i.cents for i in plan(total, count, date(2026, 1, 1), 12)) == total


def test_plan_limits():
    with pytest.raises(ArrangementError, match="1 to 12"):
        plan(1000, 13, date(2026, 1, 1), 12)
    with pytest.raises(ArrangementError, match="no arrears"):
        plan(0, 2, date(2026, 1, 1), 12)


P = (Instalment(date(2026, 1, 10), 5000), Instalment(date(2026, 2, 10), 5000))


def test_kept_missed_broken_and_completed():
    assert standing(P, [], 0, date(2026, 1, 15), 5, 60).state == "kept"  # within grace
    missed = standing(P, [], 0, date(2026, 1, 16), 5, 60)
    assert missed.state == "missed" and missed.behind_since == date(2026, 1, 16)
    assert standing(P, [], 0, date(2026, 3, 17), 5, 60).state == "broken"
    assert standing(P, [], 5000, date(2026, 2, 20), 5, 60).state == "missed"
    assert standing(P, [], 10_000, date(2026, 2, 20), 5, 60).state == "completed"


def test_new_bills_must_be_paid_too():
    bill = [Instalment(date(2026, 1, 20), 7000)]
    assert standing(P, bill, 5000, date(2026, 1, 30), 5, 60).state == "missed"
    assert standing(P, bill, 12_000, date(2026, 1, 30), 5, 60).state == "kept"


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 40))
def test_add_months_stays_in_its_month(day, months):
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day
