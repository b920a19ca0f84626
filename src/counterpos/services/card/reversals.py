"""Reversing card payments: a void (same day) or a refund sent to the terminal before a sale is voided."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counterpos.domain.messages import word
from counterpos.domain.money import Money
from counterpos.hardware import card_terminal as ct
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.card.results import CardResult, request_row, result_of
from counterpos.services.clock import local_today, to_local, utcnow
from counterpos.services.errors import DeviceError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, Sale


def void_request(
    station: Station, actor: Actor, request_id: str, *, terminal: ct.CardTerminal | None = None
) -> CardResult:
    """Void the card just approved for the payment on screen (the customer changed their mind).

    A card found approved and not on a sale after the payment that took it was gone (an orphan:
    services/card/unattached.py) is voided only with a supervisor's approval:
    `unattached.void_unattached`."""
    actor.require("sell", "take payments")
    with station.store.read() as s:
        row = s.get(CardRequest, request_id)
        if row is None:
            raise NotFound("There is no such card request.")
        if row.sale_id is not None:
            raise StateError("That card payment is on a sale; void the sale instead.")
        if row.status != "approved":
            return result_of(row)
        if row.orphaned_at is not None:
            raise StateError(
                "This card payment was approved earlier and is not on a sale: a supervisor "
                "approves its void."
            )
    return reverse_request(station, request_id, actor.username, terminal)


@dataclass(frozen=True)
class Reversal:
    request_id: str
    kind: str  # void, refund, manual (standalone: the cashier reverses it on that terminal)
    amount: Money
    brand: str
    last4: str
    message: str


def reverse_request(
    station: Station,
    request_id: str,
    who: str,
    terminal: ct.CardTerminal | None,
    *,
    approver: str = "",
) -> CardResult:
    """Send the void (same day) or refund of one approved request to its terminal and record
    it; the caller has checked who may. DeviceError when the terminal does not confirm."""
    return _reverse_one(station, request_id, who, terminal, approver)[0]


def _reverse_one(
    station: Station,
    request_id: str,
    who: str,
    terminal: ct.CardTerminal | None,
    approver: str = "",
) -> tuple[CardResult, Reversal]:
    with station.store.read() as s:
        row = request_row(s, request_id)
        url, approved_at, amount = (
            row.terminal,
            row.resolved_at or row.created_at,
            row.approved_cents,
        )
        brand, last4 = row.brand, row.last4
    same_day = to_local(approved_at).date() == local_today()
    kind = "void" if same_day else "refund"
    if url == ct.STANDALONE:
        kind = "manual"
        msg = (
            f"{'Void' if same_day else 'Refund'} {Money(amount)} on the standalone terminal "
            f"({brand.upper()} ending {last4})."
        )
    else:
        term = terminal or ct.open_terminal(url)
        try:
            reply = term.void(request_id) if same_day else term.refund(request_id, amount)
        except ct.TerminalError as exc:
            raise DeviceError(
                "The card terminal did not take the {kind}: {exc} Nothing was changed; try again when "
                "the terminal answers.",
                kind=word(kind),
                exc=exc,
            ) from exc
        if reply.status not in (ct.VOIDED, ct.REFUNDED):
            raise DeviceError(
                "The card terminal did not confirm the {kind} (it says {status}).",
                kind=word(kind),
                status=word(reply.status),
            )
        msg = f"{kind.capitalize()} of {Money(amount)} sent to the card terminal."
    with station.store.write() as s:
        row = request_row(s, request_id)
        row.status = "refunded" if kind == "refund" else "voided"
        row.reversed_at = utcnow()
        audit.record(
            s,
            station.code,
            f"card_{kind}",
            actor=who,
            approver=approver,
            target=request_id,
            details={"amount_cents": amount, "brand": brand, "last4": last4},
        )
        result = result_of(row)
    return result, Reversal(request_id, kind, Money(amount), brand, last4, msg)


def reverse_card_tenders(
    station: Station,
    sale_id: str,
    *,
    actor: Actor | None = None,
    terminal: ct.CardTerminal | None = None,
) -> list[Reversal]:
    """Send a void (same day) or a refund to the terminal for each card payment of a sale.

    Call it BEFORE marking the sale void: it raises DeviceError when the terminal does not
    confirm, and then the sale must stay as it is. Already reversed payments are skipped, so a
    retry after a partial failure is safe. Standalone payments come back as kind "manual" with
    the instruction to show the cashier.
    """
    with station.store.read() as s:
        if s.get(Sale, sale_id) is None:
            raise NotFound("There is no such sale.")
        ids = [
            r.request_id
            for r in s.scalars(
                select(CardRequest)
                .where(CardRequest.sale_id == sale_id, CardRequest.status == "approved")
                .order_by(CardRequest.created_at)
            )
        ]
    who = actor.username if actor else "system"
    return [_reverse_one(station, rid, who, terminal)[1] for rid in ids]
