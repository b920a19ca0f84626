"""Who gets which notice (domain/utility/delinquency.py): unpaid charges and the calendar."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.delinquency import (
    AccountFacts,
    Charge,
    PolicyError,
    choose_notice,
    late_fee_cents,
    parse_policy,
    past_due,
    unpaid,
)
from counterpos.resources_path import data_path

SEED = json.loads((data_path("db") / "seed" / "utility.json").read_text(encoding="utf-8"))
POLICY = parse_policy(next(x["body"] for x in SEED["schedules"] if x["kind"] == "delinquency"))
ON = date(2026, 11, 30)


def bills(*dues_and_cents) -> list[Charge]:
    return [Charge(f"b{i}", d, c) for i, (d, c) in enumerate(dues_and_cents)]


def test_domains_late_fee_is_ten_percent_of_the_past_due_balance():
    assert late_fee_cents(7270, POLICY) == 727
    assert late_fee_cents(7275, POLICY) == 728  # half a cent rounds up
    assert late_fee_cents(99, POLICY) == 0  # under the $1.00 minimum


def test_payments_pay_the_oldest_charges_first():
    charges = bills(
        (date(2026, 9, 15), 5000), (date(2026, 10, 15), 6000), (date(2026, 11, 15), 7000)
    )
    left = unpaid(charges, 9000)
    assert [(u.charge.ref, u.cents) for u in left] == [("b1", 2000), ("b2", 7000)]
    assert past_due(left, ON) == 9000
    assert past_due(left, date(2026, 11, 10)) == 2000


@given(
    st.lists(st.tuples(st.integers(0, 400), st.integers(1, 50_000)), min_size=1, max_size=12),
    st.integers(-10_000, 400_000),
)
def test_what_is_unpaid_never_exceeds_the_balance_nor_a_charge(items, balance):
    charges = [
        Charge(f"c{i}", date(2026, 1, 1) + timedelta(days=d), c) for i, (d, c) in enumerate(items)
    ]
    left = unpaid(charges, balance)
    assert sum(u.cents for u in left) == max(0, min(balance, sum(c.cents for c in charges)))
    assert all(0 < u.cents <= u.charge.cents for u in left)
    assert [u.charge.due_on for u in left] == sorted(u.charge.due_on for u in left)


def account(*charges, balance, active=True, sent=(), arrangement="") -> AccountFacts:
    return AccountFacts(
        "a1", active, True, unpaid(list(charges), balance), frozenset(sent), arrangement, "arr1"
    )


def test_the_calendar_late_then_final_then_collection():
    bill = Charge("b1", date(2026, 9, 1), 8000)
    late = choose_notice(account(bill, balance=8000), date(2026, 9, 2), set(), POLICY)
    assert late.kind == "late" and late.key == "late:b1"
    assert (
        choose_notice(
            account(bill, balance=8000, sent={"late:b1"}), date(2026, 9, 20), set(), POLICY
        )
        is None
    )
    final = choose_notice(
        account(bill, balance=8000, sent={"late:b1"}), date(2026, 10, 16), set(), POLICY
    )
    assert final.kind == "final" and final.shutoff_on >= date(2026, 10, 31)
    assert (final.shutoff_on - bill.due_on).days >= 60
    done = {"late:b1", "final:b1"}
    assert (
        choose_notice(account(bill, balance=8000, sent=done), date(2026, 11, 1), set(), POLICY)
        is None
    )
    coll = choose_notice(account(bill, balance=8000, sent=done), date(2026, 11, 30), set(), POLICY)
    assert coll.kind == "collection"


def test_no_collection_notice_before_the_final_notice_s_shut_off_date():
    """An account that fell far behind gets its final notice first; the collection notice
    waits for the shut-off date that notice gave, never the same day."""
    bill = Charge("b1", date(2026, 8, 1), 8000)
    final = choose_notice(account(bill, balance=8000), ON, set(), POLICY)
    assert final.kind == "final"
    facts = AccountFacts(
        "a1",
        True,
        True,
        unpaid([bill], 8000),
        frozenset({"final:b1"}),
        sent_on={"final:b1": ON},
    )
    assert choose_notice(facts, ON, set(), POLICY) is None
    assert choose_notice(facts, final.shutoff_on - timedelta(days=1), set(), POLICY) is None
    assert choose_notice(facts, final.shutoff_on, set(), POLICY).kind == "collection"


def test_no_notice_under_the_minimum_or_while_an_arrangement_is_kept():
    bill = Charge("b1", date(2026, 9, 1), 900)
    assert choose_notice(account(bill, balance=900), ON, set(), POLICY) is None
    bill = Charge("b1", date(2026, 9, 1), 9000)
    assert choose_notice(account(bill, balance=9000, arrangement="kept"), ON, set(), POLICY) is None
    broken = choose_notice(account(bill, balance=9000, arrangement="broken"), ON, set(), POLICY)
    assert broken.kind == "posted" and broken.key == "posted:arr1"


def test_a_closed_account_left_owing_goes_to_collection():
    bill = Charge("b1", date(2026, 7, 1), 9000)
    coll = choose_notice(account(bill, balance=9000, active=False), ON, set(), POLICY)
    assert coll.kind == "collection" and coll.key == "collection:b1"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"late_fee_percent": 10.0}, "late_fee_percent"),
        ({"shutoff_min_days_delinquent": 30}, "shutoff_min_days_delinquent"),
        ({"shutoff_notice_business_days": 5}, "shutoff_notice_business_days"),
        ({"min_notice_balance": "ten"}, "min_notice_balance"),
    ],
)
def test_policy_data_below_the_law_or_malformed_is_refused(change, message):
    body = {**next(x["body"] for x in SEED["schedules"] if x["kind"] == "delinquency"), **change}
    with pytest.raises(PolicyError, match=message):
        parse_policy(body)


def test_the_seed_policy_is_domains():
    assert POLICY.late_fee_percent == Decimal(10)
    assert POLICY.sb998.min_days_delinquent == 60 and POLICY.sb998.notice_business_days == 7
