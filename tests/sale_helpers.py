"""Ringing sales in tests through the real sale service."""

from __future__ import annotations

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import sales


def cart_of(*amounts: int, service: str = "misc_receipt", gl: str = "4830") -> Cart:
    """Lines as the till rings them (a misc receipt for "test" on GL `gl`), built by hand."""
    cart = Cart()
    for cents in amounts:
        cart.add(
            CartLine(
                service,
                "Miscellaneous receipt – test",
                Money(cents),
                gl,
                details={"gl_account": gl, "memo": "test"},
            )
        )
    return cart


def cash(cents: int) -> Tender:
    return Tender("cash", Money(cents))


def check(cents: int, number: str, payer: str = "Jane Payer") -> Tender:
    return Tender("check", Money(cents), reference=number, payer=payer)


def money_order(cents: int, number: str) -> Tender:
    return Tender("money_order", Money(cents), reference=number)


def card(cents: int, last4: str = "4242") -> Tender:
    return Tender("card", Money(cents), reference="A1B2C3", card_brand="visa", card_last4=last4)


def ring(station, actor, session_id, cart: Cart | int, *tenders: Tender):
    if isinstance(cart, int):
        cart = cart_of(cart)
    return sales.complete_sale(station, actor, session_id, cart, list(tenders))
