"""Closing a drawer (services/drawer/close.py): known days exact to the cent, the lock after."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer import paid_in_out
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.sale import refunds, voids
from tests.sale_helpers import card, cash, check, money_order, ring


def test_float_only_balances(station, cashier, drawer):
    result = balancing.count_drawer(
        station, cashier, drawer.session_id, ClosingCount({"bill_100": 1})
    )
    assert result.expected == Money(10_000)
    assert result.over_short == Money(0)
    assert not result.needs_approval


def test_known_day_is_exact_to_the_cent(station, cashier, supervisor, drawer, approval):
    sid = drawer.session_id
    # $100.00 float
    ring(station, cashier, sid, 2_345, cash(5_000))  # +23.45 (50.00 taken, 26.55 change)
    ring(station, cashier, sid, 1_999, cash(2_000))  # +19.99 (0.01 change)
    ring(station, cashier, sid, 4_000, check(4_000, "1043"))  # check, not cash
    ring(station, cashier, sid, 1_500, card(1_500))  # card, not cash
    voided = ring(station, cashier, sid, 777, cash(1_000))  # voided below: 0 net
    paid_in_out.record(
        station,
        cashier,
        sid,
        "out",
        Money(1_250),
        "Postage",
        approval(cashier, "paid_in_out"),
    )
    voids.void_sale(station, cashier, voided.receipt_no, "Rang twice", approval(cashier, "void"))
    earlier = ring(station, cashier, sid, 3_000, cash(3_000))  # +30.00
    refunds.refund_sale(
        station,
        cashier,
        sid,
        earlier.receipt_no,
        Money(1_000),
        "cash",
        "Overcharged",
        approval(cashier, "refund"),
    )  # -10.00
    expected = 10_000 + 2_345 + 1_999 - 1_250 + 3_000 - 1_000
    assert expected == 15_094
    sheet = balancing.closing_sheet(station, cashier, sid)
    assert [i.number for i in sheet.items] == ["1043"]
    assert sheet.card_count == 1
    counts = {
        "bill_100": 1,
        "bill_20": 2,
        "bill_10": 1,
        "coin_50": 1,
        "coin_25": 1,
        "coin_10": 1,
        "coin_5": 1,
        "coin_1": 4,
    }
    # 100 + 40 + 10 + .50 + .25 + .10 + .05 + .04 = 150.94
    count = ClosingCount(counts, frozenset(i.tender_id for i in sheet.items), Money(1_500))
    result = balancing.count_drawer(station, cashier, sid, count)
    assert result.expected == Money(expected)
    assert result.counted == Money(15_094)
    assert result.over_short == Money(0)
    assert not result.needs_approval
    closed = balancing.close_session(station, cashier, sid, count)
    assert closed.closed and closed.over_short == Money(0)
    assert sessions.current_session(station, cashier) is None


def test_seven_dollar_short_needs_a_supervisor_with_a_note(station, cashier, drawer, approval):
    sid = drawer.session_id
    ring(station, cashier, sid, 2_000, cash(2_000))  # expected 120.00
    count = ClosingCount({"bill_100": 1, "bill_10": 1, "bill_1": 3})  # 113.00: short 7.00
    result = balancing.count_drawer(station, cashier, sid, count)
    assert result.over_short == Money(-700)
    assert result.needs_approval
    with pytest.raises(PermissionDenied, match=r"short \$7\.00"):
        balancing.close_session(station, cashier, sid, count)
    accepted = approval(cashier, "accept_over_short")
    with pytest.raises(InputError, match="note"):
        balancing.close_session(station, cashier, sid, count, approval=accepted)
    assert not accepted.used  # a refused close does not spend the approval
    closed = balancing.close_session(
        station, cashier, sid, count, approval=accepted, note="Recounted twice; short stands"
    )
    assert closed.approver == "sofia"
    with station.store.read() as s:
        from sqlalchemy import select

        from counterpos.store.models import AuditEvent, DrawerClose

        row = s.scalar(select(DrawerClose).where(DrawerClose.session_id == sid))
        assert row.over_short_cents == -700 and row.note.startswith("Recounted")
        ev = s.scalar(select(AuditEvent).where(AuditEvent.action == "over_short_accepted"))
        assert (ev.actor, ev.approver) == ("maria", "sofia")


def test_within_limit_closes_without_approval(station, cashier, drawer):
    count = ClosingCount({"bill_50": 1, "bill_20": 2, "bill_5": 1, "coin_1": 1})  # 95.01
    result = balancing.close_session(station, cashier, drawer.session_id, count)
    assert result.over_short == Money(-499) and result.closed and result.approver == ""


def test_missing_check_and_card_mismatch_need_approval(station, cashier, drawer):
    sid = drawer.session_id
    ring(station, cashier, sid, 2_500, money_order(2_500, "MO-77"))
    ring(station, cashier, sid, 1_000, card(1_000))
    count = ClosingCount({"bill_100": 1}, frozenset(), Money(900))
    result = balancing.count_drawer(station, cashier, sid, count)
    assert result.needs_approval
    assert [i.number for i in result.missing_items] == ["MO-77"]
    assert result.card_difference == Money(-100)
    with pytest.raises(PermissionDenied, match="MO-77"):
        balancing.close_session(station, cashier, sid, count)


def test_closed_session_is_locked(station, cashier, drawer, approval):
    sid = drawer.session_id
    sale = ring(station, cashier, sid, 500, cash(500))
    balancing.close_session(station, cashier, sid, ClosingCount({"bill_100": 1, "bill_5": 1}))
    with pytest.raises(StateError):
        ring(station, cashier, sid, 500, cash(500))
    with pytest.raises(StateError, match="closed"):
        voids.void_sale(station, cashier, sale.receipt_no, "late", approval(cashier, "void"))
    with pytest.raises(StateError, match="closed"):
        paid_in_out.record(
            station, cashier, sid, "in", Money(100), "x", approval(cashier, "paid_in_out")
        )
    with pytest.raises(StateError, match="already closed"):
        balancing.close_session(station, cashier, sid, ClosingCount({}))


def test_bad_count_is_refused_plainly(station, cashier, drawer):
    with pytest.raises(InputError, match="negative"):
        balancing.count_drawer(station, cashier, drawer.session_id, ClosingCount({"bill_5": -1}))
    with pytest.raises(InputError, match="Unknown denomination"):
        balancing.count_drawer(station, cashier, drawer.session_id, ClosingCount({"bill_3": 1}))


def test_cashier_may_not_close_another_cashiers_session(station, cashier, drawer):
    from tests.conftest import login

    james = login(station, "james")
    with pytest.raises(PermissionDenied):
        balancing.closing_sheet(station, james, drawer.session_id)
    sofia = login(station, "sofia")
    result = balancing.close_session(
        station, sofia, drawer.session_id, ClosingCount({"bill_100": 1})
    )
    assert result.closed
