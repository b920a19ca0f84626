"""Deposits with custody (services/office/deposits.py): itemised from real closes, verified by a
second person, banked; the exceptions the office's first screen shows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.office import audit, deposits
from counterpos.store.models.base import new_id, utcnow
from tests.conftest import login
from tests.sale_helpers import card, cash, check, money_order, ring
from tests.services.office.office_support import close_exactly, office_as, open_drawer, push

pytestmark = pytest.mark.pg


@pytest.fixture
def closed_day(joined, second):
    """T1 and T2 each ring a day of cash, checks and card and close it; both pushed."""
    maria, james = login(joined, "maria"), login(second, "james")
    d1, d2 = open_drawer(joined, maria), open_drawer(second, james)
    ring(joined, maria, d1.session_id, 2_345, cash(5_000))
    ring(joined, maria, d1.session_id, 4_000, check(4_000, "1043", "Ann Lee"))
    ring(joined, maria, d1.session_id, 1_500, card(1_500))
    ring(second, james, d2.session_id, 6_000, cash(6_000))
    ring(second, james, d2.session_id, 2_500, money_order(2_500, "MO-77"))
    close_exactly(joined, maria, d1.session_id)
    close_exactly(second, james, d2.session_id, off_by=-25)
    push(joined)
    push(second)
    return [d1.session_id, d2.session_id]


def test_a_day_deposit_is_itemised_from_the_counts_verified_and_banked(closed_day, clerk, boss):
    dep = deposits.prepare(clerk, bag_no="B-20931", day=local_today())
    assert set(dep.session_ids) == set(closed_day)
    assert dep.state == "prepared" and dep.prepared_by == "Fiona Park"
    # cash: T1 kept its $100 float and deposits 23.45; T2 deposits 60.00 less 0.25 short.
    assert dep.expected_cash == Money(2_345 + 6_000 - 25)
    assert dep.cash == dep.expected_cash
    assert [(i.kind, i.number, i.amount) for i in dep.items] == [
        ("check", "1043", Money(4_000)),
        ("money_order", "MO-77", Money(2_500)),
    ]
    assert dep.total == Money(2_345 + 6_000 - 25 + 4_000 + 2_500)
    assert sum(a.cents for _, _, a in dep.currency) + sum(a.cents for _, _, a in dep.coin) == (
        dep.cash.cents
    )
    with pytest.raises(StateError, match="verified before"):
        deposits.bank(clerk, dep.id)
    done = deposits.verify(boss, dep.id)
    assert done.state == "verified" and done.verified_by == "Felix Ortega"
    banked = deposits.bank(clerk, dep.id)
    assert banked.state == "banked" and banked.banked_on == local_today()
    actions = [e["action"] for e in audit.events(clerk)]
    assert actions == ["deposit_prepare", "deposit_verify", "deposit_bank"]
    assert audit.verify(clerk)[0]


def test_a_deposit_verified_by_its_own_preparer_is_refused(closed_day, joined, centre, boss):
    dep = deposits.prepare(boss, bag_no="B-1", session_ids=closed_day[:1])
    with pytest.raises(PermissionDenied, match="another person must verify"):
        deposits.verify(boss, dep.id)
    # ... and the database refuses it too, whoever asks.
    with pytest.raises(DBAPIError, match="other than its preparer"), boss.write() as conn:
        conn.execute(
            text(
                "INSERT INTO office_deposit_event (id, deposit_id, state, by_user, by_name, at) "
                "VALUES (:i, :d, 'verified', :u, 'x', :t)"
            ),
            {"i": new_id(), "d": dep.id, "u": boss.actor.user_id, "t": utcnow()},
        )
    assert deposits.get(boss, dep.id).state == "prepared"
    other = office_as(joined, centre.logins["supervisor"], "frank")
    centre.opened.append(other)
    assert deposits.verify(other, dep.id).verified_by == "Frank Osei"


def test_a_clerk_may_not_verify_and_a_session_goes_in_one_deposit(closed_day, clerk):
    dep = deposits.prepare(clerk, bag_no="B-2", session_ids=closed_day)
    with pytest.raises(PermissionDenied):
        deposits.verify(clerk, dep.id)
    with pytest.raises(StateError, match="already in another deposit"):
        deposits.prepare(clerk, bag_no="B-3", session_ids=closed_day[:1])
    with pytest.raises(InputError, match="bag number"):
        deposits.prepare(clerk, bag_no=" ", session_ids=closed_day[:1])


def test_an_open_session_cannot_be_deposited(joined, clerk):
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 1_000, cash(1_000))
    push(joined)
    with pytest.raises(StateError, match="not closed"):
        deposits.prepare(clerk, bag_no="B-4", session_ids=[d.session_id])


def test_exceptions_name_a_late_deposit_a_bag_that_differs_and_a_session_not_deposited(
    closed_day, clerk, boss
):
    today = local_today()
    dep = deposits.prepare(
        clerk, bag_no="B-5", session_ids=closed_day[:1], recount={"bill_20": 1, "bill_1": 3}
    )
    later = today + timedelta(days=7)
    found = {(e.kind, e.key) for e in deposits.exceptions(clerk, later)}
    assert ("not_banked", dep.id) in found
    assert ("differs", dep.id) in found  # $23.00 in the bag against $23.45 counted
    assert ("not_deposited", closed_day[1]) in found
    assert deposits.exceptions(clerk, today) == [
        e for e in deposits.exceptions(clerk, today) if e.kind == "differs"
    ]
    deposits.verify(boss, dep.id)
    deposits.bank(clerk, dep.id)
    found = {(e.kind, e.key) for e in deposits.exceptions(clerk, later)}
    assert ("not_banked", dep.id) not in found
