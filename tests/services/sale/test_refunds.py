"""Refunds: linked to the original, own number, never more than paid minus earlier refunds."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale import refunds, voids
from counterpos.store.models import Sale, TenderRow
from tests.sale_helpers import cash, check, ring


def test_refund_of_an_earlier_session_sale(station, cashier, drawer, approval):
    sale = ring(station, cashier, drawer.session_id, 5_000, check(5_000, "881"))
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount(
            {"bill_100": 1},
            frozenset(
                i.tender_id for i in close.closing_sheet(station, cashier, drawer.session_id).items
            ),
        ),
    )
    new = sessions.open_session(station, cashier, {"bill_100": 1})
    r1 = refunds.refund_sale(
        station,
        cashier,
        new.session_id,
        sale.receipt_no,
        Money(2_000),
        "finance",
        "Duplicate payment",
        approval(cashier, "refund"),
    )
    assert r1.receipt_no == f"T1-{int(sale.receipt_no[-6:]) + 1:06d}"
    assert r1.still_refundable == Money(3_000)
    with pytest.raises(InputError, match=r"At most \$30\.00"):
        refunds.refund_sale(
            station,
            cashier,
            new.session_id,
            sale.receipt_no,
            Money(3_001),
            "cash",
            "More",
            approval(cashier, "refund"),
        )
    r2 = refunds.refund_sale(
        station,
        cashier,
        new.session_id,
        sale.receipt_no,
        Money(3_000),
        "cash",
        "Rest",
        approval(cashier, "refund"),
    )
    assert r2.still_refundable == Money(0)
    assert refunds.refundable(station, sale.receipt_no) == Money(0)
    with station.store.read() as s:
        rows = s.scalars(select(Sale).where(Sale.kind == "refund").order_by(Sale.sequence)).all()
        assert all(r.original_sale_id == sale.sale_id for r in rows)
        kinds = [s.scalar(select(TenderRow.kind).where(TenderRow.sale_id == r.id)) for r in rows]
        assert kinds == ["refund_request", "cash"]
    # Only the cash refund leaves the drawer.
    result = close.count_drawer(
        station, cashier, new.session_id, ClosingCount({"bill_50": 1, "bill_20": 1})
    )
    assert result.expected == Money(7_000)


def test_refund_input_errors(station, cashier, drawer, approval):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    sid = drawer.session_id

    def refund(amount: Money, how: str, reason: str):
        ok = approval(cashier, "refund")
        return refunds.refund_sale(station, cashier, sid, sale.receipt_no, amount, how, reason, ok)

    with pytest.raises(InputError, match="reason"):
        refund(Money(100), "cash", "")
    with pytest.raises(InputError, match="more than"):
        refund(Money(0), "cash", "x")
    with pytest.raises(InputError, match="cash or"):
        refund(Money(100), "bitcoin", "x")


def test_voided_sale_cannot_be_refunded(station, cashier, drawer, approval):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    voids.void_sale(station, cashier, sale.receipt_no, "x", approval(cashier, "void"))
    with pytest.raises(StateError, match="voided"):
        refunds.refund_sale(
            station,
            cashier,
            drawer.session_id,
            sale.receipt_no,
            Money(100),
            "cash",
            "x",
            approval(cashier, "refund"),
        )


def test_a_refund_of_one_line_goes_back_to_that_line_only(station, cashier, drawer, approval):
    """A $100.00 utility payment and a $2.25 misc receipt on one sale: refunding the misc
    receipt credits its GL line, not the customer's utility account."""
    from sqlalchemy import func, text

    from counterpos.domain.cart import CartLine
    from counterpos.store.models import LedgerEntry, SaleLine
    from tests.sale_helpers import cart_of

    with station.store.read() as s:
        account_no = s.execute(text("SELECT account_no FROM utility_account LIMIT 1")).scalar()
    cart = cart_of()
    cart.add(
        CartLine(
            "utility_payment",
            "Utility bill payment",
            Money(10_000),
            "2100",
            account_no=account_no,
            details={"account_no": account_no},
        )
    )
    for line in cart_of(225).lines:
        cart.add(line)
    sale = ring(station, cashier, drawer.session_id, cart, cash(10_225))
    lines = refunds.refundable_lines(station, sale.receipt_no)
    assert [(x.line_no, x.service_code, x.left) for x in lines] == [
        (1, "utility_payment", Money(10_000)),
        (2, "misc_receipt", Money(225)),
    ]

    def entries() -> int:
        with station.store.read() as s:
            return s.scalar(select(func.count()).select_from(LedgerEntry))

    def refund_line(cents: int, line_no: int) -> refunds.RefundResult:
        return refunds.refund_sale(
            station,
            cashier,
            drawer.session_id,
            sale.receipt_no,
            Money(cents),
            "cash",
            "Wrong fee",
            approval(cashier, "refund"),
            line_no=line_no,
        )

    before = entries()
    with pytest.raises(InputError, match=r"At most \$2\.25 of line 2") as over:
        refund_line(300, 2)
    assert over.value.field == "amount"
    with pytest.raises(InputError, match="has no line 3"):
        refund_line(225, 3)
    done = refund_line(225, 2)
    with station.store.read() as s:
        refunded = s.execute(
            select(SaleLine.service_code, SaleLine.gl_account, SaleLine.amount_cents)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(Sale.receipt_no == done.receipt_no)
        ).all()
    assert refunded == [("misc_receipt", "4830", -225)]
    assert entries() == before  # the customer's account was not touched
    assert [(x.line_no, x.left) for x in refunds.refundable_lines(station, sale.receipt_no)] == [
        (1, Money(10_000))
    ]
