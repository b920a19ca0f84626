"""Ringing up sales in sync tests through the real services."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import catalog, sales
from counterpos.store.models import UtilityAccount


def first_accounts(station, n: int = 3) -> list[str]:
    with station.store.read() as s:
        return list(
            s.scalars(
                select(UtilityAccount.account_no).order_by(UtilityAccount.account_no).limit(n)
            )
        )


def sell(station, actor, drawer, *, account_no: str, pay: str = "12.34", extra: str = "") -> str:
    """A utility payment (and a misc receipt of `extra`), paid in cash; returns the receipt no."""
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": account_no}, amount_text=pay
        )
    )
    if extra:
        cart.add(
            catalog.price_line(
                station,
                "misc_receipt",
                details={"gl_account": "4810", "memo": "Copies"},
                amount_text=extra,
            )
        )
    done = sales.complete_sale(
        station, actor, drawer.session_id, cart, [Tender("cash", cart.total + Money(100))]
    )
    return done.receipt_no
