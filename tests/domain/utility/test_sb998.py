"""SB 998 (domain/utility/sb998.py): the 60-day and 7-business-day rules over random dates."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.business_days import business_days_between, is_business_day
from counterpos.domain.utility.sb998 import (
    Sb998Policy,
    ShutoffFacts,
    earliest_shutoff,
    explain,
    posted_shutoff,
    shutoff_blockers,
)

POLICY = Sb998Policy()
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
closed_sets = st.frozensets(days, max_size=30)


def facts(**over) -> ShutoffFacts:
    base = dict(
        residential=True,
        oldest_unpaid_due=date(2026, 6, 1),
        past_due_cents=15_000,
        final_notice_on=date(2026, 7, 15),
    )
    base.update(over)
    return ShutoffFacts(**base)


def noon(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time()) + timedelta(hours=12)


def test_an_account_past_every_rule_may_be_disconnected():
    on = date(2026, 8, 4)  # a Tuesday, 64 days after the due date
    assert shutoff_blockers(facts(), on, noon(on), set(), POLICY) == ()


def test_each_rule_blocks_on_its_own():
    on = date(2026, 8, 4)
    assert "not_60_days" in shutoff_blockers(
        facts(oldest_unpaid_due=date(2026, 6, 10)), on, noon(on), set(), POLICY
    )
    assert "no_notice" in shutoff_blockers(facts(final_notice_on=None), on, noon(on), set(), POLICY)
    assert "notice_too_recent" in shutoff_blockers(
        facts(final_notice_on=date(2026, 7, 28)), on, noon(on), set(), POLICY
    )
    assert "not_business_day" in shutoff_blockers(facts(), on, noon(on), {on}, POLICY)
    assert "not_business_day" in shutoff_blockers(
        facts(), date(2026, 8, 8), noon(on), set(), POLICY
    )
    assert "arrangement_kept" in shutoff_blockers(
        facts(arrangement="kept"), on, noon(on), set(), POLICY
    )
    three = facts(medical_certified=True, cannot_pay=True, willing_to_arrange=True)
    assert "three_conditions" in shutoff_blockers(three, on, noon(on), set(), POLICY)
    two = facts(medical_certified=True, cannot_pay=True)
    assert shutoff_blockers(two, on, noon(on), set(), POLICY) == ()
    returned = facts(notice_returned=True)
    assert "no_door_hanger" in shutoff_blockers(returned, on, noon(on), set(), POLICY)
    hung = facts(notice_returned=True, door_hanger_at=noon(on) - timedelta(hours=47))
    assert "door_hanger_too_recent" in shutoff_blockers(hung, on, noon(on), set(), POLICY)
    hung = facts(notice_returned=True, door_hanger_at=noon(on) - timedelta(hours=48))
    assert shutoff_blockers(hung, on, noon(on), set(), POLICY) == ()
    assert "nothing_past_due" in shutoff_blockers(
        facts(past_due_cents=0), on, noon(on), set(), POLICY
    )
    assert explain(("not_60_days", "notice_too_recent"), POLICY) == [
        "the oldest unpaid bill is not yet 60 days delinquent",
        "the final notice was given fewer than 7 business days ago",
    ]


@given(days, st.integers(0, 80), closed_sets)
def test_the_shutoff_date_keeps_both_rules_and_is_a_business_day(due, notice_after, closed):
    notice_on = due + timedelta(days=notice_after)
    day = earliest_shutoff(due, notice_on, closed, POLICY)
    assert (day - due).days >= 60
    assert business_days_between(notice_on, day, closed) >= 7
    assert is_business_day(day, closed)
    # and it is the earliest such day
    before = day - timedelta(days=1)
    assert (
        (before - due).days < 60
        or business_days_between(notice_on, before, closed) < 7
        or not is_business_day(before, closed)
    )


@given(days, st.integers(0, 80), closed_sets, st.integers(-5, 30))
def test_the_blockers_agree_with_the_calendar(due, notice_after, closed, shift):
    notice_on = due + timedelta(days=notice_after)
    day = earliest_shutoff(due, notice_on, closed, POLICY) + timedelta(days=shift)
    f = facts(oldest_unpaid_due=due, final_notice_on=notice_on)
    blocked = shutoff_blockers(f, day, noon(day), closed, POLICY)
    allowed = (
        (day - due).days >= 60
        and business_days_between(notice_on, day, closed) >= 7
        and is_business_day(day, closed)
    )
    assert (blocked == ()) == allowed
    if shift < 0:
        assert blocked


@given(days, closed_sets)
def test_a_posted_notice_waits_five_business_days(posted, closed):
    day = posted_shutoff(posted, closed, POLICY)
    assert business_days_between(posted, day, closed) == 5 and is_business_day(day, closed)
    f = facts(arrangement="broken", posted_notice_on=posted)
    assert shutoff_blockers(f, day, noon(day), closed, POLICY) == ()
    earlier = day - timedelta(days=1)
    assert shutoff_blockers(f, earlier, noon(earlier), closed, POLICY) != ()


@given(days, st.integers(0, 80), closed_sets, st.integers(0, 90), st.integers(0, 10))
def test_the_remembered_shutoff_date_is_the_one_computed(due, notice_after, closed, days_, n):
    """A run asks with the calendar as a frozenset, and gets remembered answers: the same as
    the calendar given as a plain list (never remembered), under any policy."""
    policy = Sb998Policy(min_days_delinquent=days_, notice_business_days=n)
    notice_on = due + timedelta(days=notice_after)
    first = earliest_shutoff(due, notice_on, closed, policy)
    assert first == earliest_shutoff(due, notice_on, sorted(closed), policy)
    assert earliest_shutoff(due, notice_on, closed, policy) == first
