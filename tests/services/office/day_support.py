"""A busy day at two stations, rung, corrected and closed through the real services."""

from __future__ import annotations

from counterpos.domain.money import Money
from counterpos.services.drawer import paid_in_out
from counterpos.services.sale import refunds, voids
from tests.conftest import login
from tests.sale_helpers import card, cash, check, money_order, ring
from tests.services.office.office_support import close_exactly, open_drawer, push
from tests.sync.helpers import first_accounts, sell


def busy_day(t1, t2, approval) -> dict:
    """T1: utility payments with misc receipts, a check, a card, a void, a cash refund and a
    refund to finance, a paid-out, closed $0.35 short. T2: cash and a money order, closed
    exact. Both pushed. Returns the stations' session ids."""
    maria, james = login(t1, "maria"), login(t2, "james")
    d1, d2 = open_drawer(t1, maria), open_drawer(t2, james)
    accounts = first_accounts(t1, 3)
    sell(t1, maria, d1, account_no=accounts[0], pay="45.10", extra="3.25")
    sell(t1, maria, d1, account_no=accounts[1], pay="120.00")
    ring(t1, maria, d1.session_id, 4_000, check(4_000, "1043"))
    ring(t1, maria, d1.session_id, 1_500, card(1_500))
    wrong = ring(t1, maria, d1.session_id, 777, cash(1_000))
    voids.void_sale(t1, maria, wrong.receipt_no, "Rang twice", approval(maria, "void"))
    back = ring(t1, maria, d1.session_id, 3_000, cash(3_000))
    refunds.refund_sale(
        t1,
        maria,
        d1.session_id,
        back.receipt_no,
        Money(1_000),
        "cash",
        "Overcharged",
        approval(maria, "refund"),
    )
    later = ring(t1, maria, d1.session_id, 2_000, cash(2_000))
    refunds.refund_sale(
        t1,
        maria,
        d1.session_id,
        later.receipt_no,
        Money(500),
        "finance",
        "Mailed back",
        approval(maria, "refund"),
    )
    paid_in_out.record(
        t1, maria, d1.session_id, "out", Money(1_250), "Postage", approval(maria, "paid_in_out")
    )
    sell(t2, james, d2, account_no=accounts[2], pay="60.00", extra="1.50")
    ring(t2, james, d2.session_id, 2_500, money_order(2_500, "MO-77"))
    close_exactly(t1, maria, d1.session_id, off_by=-35)
    close_exactly(t2, james, d2.session_id)
    push(t1)
    push(t2)
    return {"T1": d1.session_id, "T2": d2.session_id}
