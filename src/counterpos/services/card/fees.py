"""The card convenience fee at the till: the quote shown before a card runs, and the fee line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain import card_fee
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import MAX_COUNTER_CENTS, Money
from counterpos.services import settings
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, Service

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
        raise StateError(
            "The card fee setting is wrong ({exc}); ask a supervisor.", exc=exc
        ) from exc


def _category_amounts(session: Session, cart: Cart) -> dict[str, Money]:
    codes = {line.service_code for line in cart.lines if line.service_code != FEE_SERVICE}
    query = select(Service.code, Service.category).where(Service.code.in_(codes))
    categories = {code: category for code, category in session.connection().execute(query)}
    out: dict[str, Money] = {}
    for line in cart.lines:
        if line.service_code == FEE_SERVICE:
            continue
        category = categories.get(line.service_code, "misc")
        out[category] = out.get(category, Money(0)) + line.amount
    return out


def _sale_total(cart: Cart) -> Money:
    return Money(sum(li.amount.cents for li in cart.lines if li.service_code != FEE_SERVICE))


def earlier_cards(
    session: Session, session_id: str | None, request_ids: Sequence[str]
) -> tuple[Money, Money]:
    """(base, fee) the sale's cards approved so far carry: approved, of this drawer session,
    not yet on a sale. Anything else named is refused: it is not this sale's card."""
    base = fee = 0
    for request_id in request_ids:
        row = session.get(CardRequest, request_id)
        if (
            row is None
            or row.status != "approved"
            or row.sale_id is not None
            or (session_id is not None and row.session_id != session_id)
        ):
            raise StateError("An earlier card of this payment is not an approved card of it.")
        base += row.approved_cents - row.approved_fee_cents
        fee += row.approved_fee_cents
    return Money(base), Money(fee)


def quote(
    station: Station,
    cart: Cart,
    base: Money,
    *,
    prior: Sequence[str] = (),
    session_id: str | None = None,
) -> CardQuote:
    """The fee and the amount to run for paying `base` of this cart by card.

    `prior` are the request ids of the cards already approved for this sale: the sale's fee is
    a function of its whole card total (domain/card_fee.py `sale_fee`), so this card carries
    only what the fee grows by, and a flat fee is charged once however many cards pay it.
    """
    if base.cents <= 0:
        raise InputError("The card amount must be more than $0.00.", field="amount")
    with station.store.read() as s:
        paid, carried = earlier_cards(s, session_id, prior)
        if base.cents + paid.cents > _sale_total(cart).cents:
            raise InputError(
                "The card amount {base} is more than the sale's total {total} less the {paid} its "
                "other cards paid."
                if paid.cents
                else "The card amount {base} is more than the sale's total {total}.",
                field="amount",
                base=base,
                total=_sale_total(cart),
                paid=paid,
            )
        fee = card_fee.fee_for(
            fee_policy(s), _category_amounts(s, cart), base, prior_base=paid, prior_fee=carried
        )
    charge = base + fee
    if charge.cents > MAX_COUNTER_CENTS:
        raise InputError(
            "The card amount is over {max_counter}.",
            field="amount",
            max_counter=Money(MAX_COUNTER_CENTS),
        )
    return CardQuote(base, fee, charge)


def check_fee_charged(session: Session, cart: Cart, bases: Money, fees: Money) -> None:
    """Refuse a sale whose cards carried more fee than the rule gives for their total (a card
    run without naming the ones before it, each charging a flat fee again): never saved as if
    it were the city's fee. One cent a card is allowed for a partial approval's rounding."""
    if fees.cents <= 0:
        return
    rule = card_fee.sale_fee(fee_policy(session), _category_amounts(session, cart), bases)
    if fees.cents > rule.cents + 1:
        raise StateError(
            "The cards carry {fees} of convenience fee where the fee for a card total of "
            "{bases} is {rule}: void the card payments and run them again.",
            fees=fees,
            bases=bases,
            rule=rule,
        )


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
