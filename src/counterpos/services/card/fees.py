"""The card convenience fee at the till: the quote shown before a card runs, and the fee line."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from counterpos.domain import card_fee
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import MAX_COUNTER_CENTS, Money
from counterpos.services import settings
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.store.models import Service

FEE_SERVICE = "card_convenience_fee"
FEE_GL = "4990"
FEE_NAME = "Card convenience fee"


@dataclass(frozen=True)
class CardQuote:
    """What will be run on the card, shown to the customer before it is run."""

    base: Money  # the part of the sale the card pays
    fee: Money  # the convenience fee on top
    charge: Money  # base + fee: the amount sent to the terminal


def fee_policy(session: Session) -> card_fee.FeePolicy:
    try:
        return card_fee.parse_policy(settings.get(session, "card.convenience_fee"))
    except card_fee.CardFeeError as exc:
        raise StateError(f"The card fee setting is wrong ({exc}); ask a supervisor.") from exc


def _category_amounts(session: Session, cart: Cart) -> dict[str, Money]:
    out: dict[str, Money] = {}
    for line in cart.lines:
        if line.service_code == FEE_SERVICE:
            continue
        svc = session.get(Service, line.service_code)
        category = svc.category if svc else "misc"
        out[category] = out.get(category, Money(0)) + line.amount
    return out


def _sale_total(cart: Cart) -> Money:
    return Money(sum(li.amount.cents for li in cart.lines if li.service_code != FEE_SERVICE))


def quote(station: Station, cart: Cart, base: Money) -> CardQuote:
    """The fee and the amount to run for paying `base` of this cart by card."""
    if base.cents <= 0:
        raise InputError("The card amount must be more than $0.00.", field="amount")
    if base.cents > _sale_total(cart).cents:
        raise InputError(
            f"The card amount {base} is more than the sale's total {_sale_total(cart)}.",
            field="amount",
        )
    with station.store.read() as s:
        fee = card_fee.fee_for(fee_policy(s), _category_amounts(s, cart), base)
    charge = base + fee
    if charge.cents > MAX_COUNTER_CENTS:
        raise InputError(f"The card amount is over {Money(MAX_COUNTER_CENTS)}.", field="amount")
    return CardQuote(base, fee, charge)


def ensure_fee_service(session: Session) -> None:
    """The catalog entry fee lines point at (GL 4990); hidden from the till's service buttons.

    New stores get it from db/seed/catalog.json ("active": false); this only adds it to a store
    seeded before that entry existed, and is a no-op otherwise."""
    if session.get(Service, FEE_SERVICE) is None:
        session.add(
            Service(
                code=FEE_SERVICE,
                name=FEE_NAME,
                category="card_fee",
                gl_account=FEE_GL,
                sort_order=9999,
                active=False,  # rung by card payments only, never by hand
                fields=[],
            )
        )


def cart_with_fee(cart: Cart, fee: Money) -> Cart:
    """A copy of the cart with its fee line (if any) set to `fee`."""
    lines = [li for li in cart.lines if li.service_code != FEE_SERVICE]
    if fee.cents > 0:
        lines.append(CartLine(FEE_SERVICE, FEE_NAME, fee, FEE_GL))
    return Cart(lines=lines, customer_id=cart.customer_id)
