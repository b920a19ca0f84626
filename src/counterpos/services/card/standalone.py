"""A card run on a standalone terminal: recorded from what that terminal printed."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.hardware import card_terminal as ct
from counterpos.services.actor import Actor
from counterpos.services.card.fees import quote
from counterpos.services.card.requests import begin_request, finish_request
from counterpos.services.card.results import CardResult
from counterpos.services.errors import InputError
from counterpos.services.station import Station

BRANDS = ct.BRANDS  # the brands a keyed card may name


def record_standalone(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    base: Money,
    *,
    approval_code: str,
    brand: str,
    last4: str,
    approved_text: str | None = None,
    prior: Sequence[str] = (),
    held: Collection[str] = (),
) -> CardResult:
    """Record a card the cashier ran on a separate terminal, from what that terminal printed.
    `prior`: the sale's cards approved before this one (see `fees.quote`); `held`: the approved
    cards of the payment being taken, which do not block this one (see `begin_request`)."""
    actor.require("sell", "take payments")
    q = quote(station, cart, base, prior=prior, session_id=session_id)
    code = approval_code.strip().upper()
    if contains_card_number(code):
        raise InputError(refusal("The approval code"), field="approval_code")
    if not re.fullmatch(r"[0-9A-Z]{2,12}", code):
        raise InputError(
            "Enter the approval code the terminal printed (2 to 12 letters or digits).",
            field="approval_code",
        )
    brand = brand.strip().lower()
    if brand not in BRANDS:
        raise InputError("Choose the card brand.", field="brand")
    last4 = last4.strip()
    if contains_card_number(last4):
        raise InputError(refusal("The last four digits"), field="last4")
    if not re.fullmatch(r"[0-9]{4}", last4):
        raise InputError("Enter only the card's last four digits.", field="last4")
    approved = q.charge
    if approved_text:
        try:
            approved = Money.parse(approved_text)
        except MoneyError as exc:
            raise InputError(exc, field="approved") from exc
        if approved.cents <= 0 or approved.cents > q.charge.cents:
            raise InputError(
                "The approved amount is between $0.01 and {charge}.",
                field="approved",
                charge=q.charge,
            )
    # The sale's earlier cards (`prior`, checked by `quote`) are this payment's own as well.
    request_id = begin_request(station, actor, session_id, cart, q, ct.STANDALONE, {*held, *prior})
    reply = ct.TerminalReply(
        request_id,
        ct.APPROVED,
        requested_cents=q.charge.cents,
        approved_cents=approved.cents,
        brand=brand,
        last4=last4,
        approval_code=code,
        terminal_ref="",
    )
    return finish_request(station, request_id, reply, "", "")
