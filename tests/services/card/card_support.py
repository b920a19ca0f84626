"""What the card tests share: a cart to pay, and what the store and the terminal hold after."""

from __future__ import annotations

from sqlalchemy import func, select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.card.standalone import record_standalone
from counterpos.services.sale import catalog
from counterpos.store.models import CardRequest, Sale, TenderRow

ACCOUNT = "10000000"


def utility_cart(station, amount="50.00") -> Cart:
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": ACCOUNT}, amount_text=amount
        )
    )
    return cart


def key_in(station, actor, drawer, cart: Cart, amount: Money, **keyed):
    """A standalone card payment as the cashier keys it: approval_code, brand and last4."""
    return record_standalone(station, actor, drawer.session_id, cart, amount, **keyed)


def stored(station):
    """(number of sales, card tender cents, cash tender applied cents, card requests by status)."""
    with station.store.read() as s:
        n_sales = s.scalar(select(func.count()).select_from(Sale))
        card = s.scalar(
            select(func.coalesce(func.sum(TenderRow.amount_cents), 0)).where(
                TenderRow.kind == "card"
            )
        )
        cash = s.scalar(
            select(func.coalesce(func.sum(TenderRow.amount_cents), 0)).where(
                TenderRow.kind == "cash"
            )
        )
        reqs = {}
        for r in s.scalars(select(CardRequest)):
            reqs[r.status] = reqs.get(r.status, 0) + 1
    return n_sales, card, cash, reqs


def charged(sim) -> int:
    """What the simulated terminal holds as charged (approved, not reversed)."""
    return sum(r.approved_cents for r in sim.records.values() if r.status == "approved")
