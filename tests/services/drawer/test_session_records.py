"""A drawer session's records and totals by tender (services/drawer/session_records.py)."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer import paid_in_out
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.drawer.session_records import drawer_totals, session_records
from counterpos.services.errors import PermissionDenied
from counterpos.services.sale import refunds, voids
from tests.conftest import login
from tests.sale_helpers import card, cash, check, ring


@pytest.fixture
def day(station, cashier, drawer, approval):
    """Maria's session: two cash sales (one voided, one refunded in part), a check, a card,
    and a paid-out."""
    sid = drawer.session_id
    first = ring(station, cashier, sid, 2_345, cash(5_000))
    voided = ring(station, cashier, sid, 777, cash(1_000))
    by_check = ring(station, cashier, sid, 4_000, check(4_000, "1043"))
    ring(station, cashier, sid, 1_500, card(1_500))
    voids.void_sale(station, cashier, voided.receipt_no, "wrong amount", approval(cashier, "void"))
    refund = refunds.refund_sale(
        station,
        cashier,
        sid,
        first.receipt_no,
        Money(345),
        refunds.CASH,
        "fee waived",
        approval(cashier, "refund"),
    )
    paid = paid_in_out.record(
        station, cashier, sid, "out", Money(1_250), "Postage", approval(cashier, "paid_in_out")
    )
    return dict(first=first, voided=voided, check=by_check, refund=refund, paid=paid)


def test_every_number_of_the_session_newest_first(station, cashier, drawer, day):
    records = session_records(station, cashier, drawer.session_id)
    numbers = [r.receipt_no for r in records]
    assert numbers[0] == day["paid"].receipt_no and numbers[-1] == day["first"].receipt_no
    by_no = {r.receipt_no: r for r in records}
    assert len(by_no) == 6  # four sales, the refund and the paid-out; the void keeps its number
    assert by_no[day["voided"].receipt_no].voided and not by_no[day["voided"].receipt_no].can_void
    first = by_no[day["first"].receipt_no]
    assert (first.kind, first.amount, first.refunded, first.tenders) == (
        "sale",
        Money(2_345),
        Money(345),
        "Cash",
    )
    assert first.can_void and first.reprints
    refund = by_no[day["refund"].receipt_no]
    assert (refund.kind, refund.amount, refund.can_void) == ("refund", Money(-345), False)
    paid = by_no[day["paid"].receipt_no]
    assert (paid.kind, paid.amount, paid.customer, paid.reprints) == (
        "paid_out",
        Money(-1_250),
        "Postage",
        False,
    )


def test_totals_by_tender_hide_the_cash_from_its_cashier_until_the_close(
    station, cashier, supervisor, drawer, day
):
    mine = drawer_totals(station, cashier, drawer.session_id)
    by_kind = {t.kind: t for t in mine.tenders}
    assert mine.cash_blind and by_kind["cash"].amount is None and by_kind["cash"].count == 1
    assert (by_kind["check"].count, by_kind["check"].amount) == (1, Money(4_000))
    assert (by_kind["card"].count, by_kind["card"].amount) == (1, Money(1_500))
    assert (by_kind["money_order"].count, by_kind["money_order"].amount) == (0, Money(0))
    assert (mine.sales, mine.refunds, mine.paid_out) == (3, 1, Money(1_250))
    seen = drawer_totals(station, supervisor, drawer.session_id)  # not hers: nothing is blind
    assert not seen.cash_blind
    assert {t.kind: t.amount for t in seen.tenders}["cash"] == Money(2_345 - 345)
    # Float $100.00 + $23.45 - $3.45 refunded - $12.50 paid out: counted, then shown to her.
    count = ClosingCount(
        {"bill_100": 1, "bill_5": 1, "bill_1": 2, "coin_50": 1}, frozenset(), Money(0)
    )
    ticked = frozenset(
        i.tender_id for i in balancing.closing_sheet(station, cashier, drawer.session_id).items
    )
    balancing.close_session(
        station, cashier, drawer.session_id, ClosingCount(count.counts, ticked, Money(1_500))
    )
    after = drawer_totals(station, cashier, drawer.session_id)
    assert not after.cash_blind
    assert {t.kind: t.amount for t in after.tenders}["cash"] == Money(2_000)


def test_another_cashiers_drawer_is_refused(station, drawer):
    james = login(station, "james")
    with pytest.raises(PermissionDenied):
        session_records(station, james, drawer.session_id)
    with pytest.raises(PermissionDenied):
        drawer_totals(station, james, drawer.session_id)
