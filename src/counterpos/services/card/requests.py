"""A card request on the terminal: recorded first, then charged, its status checked, cancelled."""

from __future__ import annotations

import logging
import time
from collections.abc import Collection, Sequence
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain import card_fee
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.hardware import card_terminal as ct
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.card.fees import CardQuote, _sale_total, ensure_fee_service, quote
from counterpos.services.card.results import CardResult, request_row, result_of
from counterpos.services.card.settings import terminal_for
from counterpos.services.card.unattached import refuse_another_card
from counterpos.services.clock import utcnow
from counterpos.services.errors import DeviceError, NotFound, StateError
from counterpos.services.sessions import require_own_open
from counterpos.services.station import Station
from counterpos.store.models import CardRequest
from counterpos.store.models.card_request import OPEN_STATUSES

log = logging.getLogger(__name__)


def _refuse_if_open(s: Session, session_id: str) -> None:
    row = s.scalar(
        select(CardRequest).where(
            CardRequest.session_id == session_id, CardRequest.status.in_(OPEN_STATUSES)
        )
    )
    if row is not None:
        raise StateError(
            "A card payment of {amount} has no answer from the terminal yet. Check its status before "
            "running a card again.",
            amount=Money(row.amount_cents),
        )


def _context(cart: Cart) -> str:
    words = ", ".join(li.description for li in cart.lines[:3])
    return f"{len(cart.lines)} line(s), {_sale_total(cart)}: {words}"[:200]


def begin_request(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    q: CardQuote,
    terminal_url: str,
    held: Collection[str] = (),
) -> str:
    """Write the pending request: after this, whatever happens, the request is known.

    Refused while another card of the session has no answer, or is approved and not on a sale
    (unless it is one of `held`, the cards of the payment being taken)."""
    with station.store.write() as s:
        require_own_open(s, station.code, actor, session_id)
        _refuse_if_open(s, session_id)
        refuse_another_card(s, session_id, held)
        ensure_fee_service(s)
        row = CardRequest(
            station_code=station.code,
            session_id=session_id,
            user_id=actor.user_id,
            terminal=terminal_url,
            context=_context(cart),
            base_cents=q.base.cents,
            fee_cents=q.fee.cents,
            amount_cents=q.charge.cents,
            status="pending",
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            station.code,
            "card_request",
            actor=actor.username,
            target=row.request_id,
            details={"amount_cents": q.charge.cents, "fee_cents": q.fee.cents},
        )
        return row.request_id


def _apply_reply(s: Session, row: CardRequest, reply: ct.TerminalReply) -> None:
    """Record the terminal's answer about a request."""
    now = utcnow()
    if reply.status == ct.APPROVED:
        approved = min(reply.approved_cents or row.amount_cents, row.amount_cents)
        fee = card_fee.fee_within(
            Money(approved), Money(row.fee_cents), Money(row.amount_cents)
        ).cents
        row.status = "approved"
        row.approved_cents = approved
        row.approved_fee_cents = fee
        row.brand = reply.brand[:20] or "other"
        row.last4 = reply.last4
        row.approval_code = reply.approval_code or reply.terminal_ref or row.request_id[-8:]
        row.terminal_ref = reply.terminal_ref
        row.reason = ""
        if not row.last4:  # a tender needs four digits; say plainly they are not the card's
            row.last4 = "0000"
            row.reason = "The terminal did not give the last four digits."
    elif reply.status in (ct.DECLINED, ct.CANCELLED, ct.NOT_FOUND):
        row.status = "declined" if reply.status == ct.DECLINED else "cancelled"
        row.reason = reply.reason or (
            "The terminal never received the request; nothing was charged."
            if reply.status == ct.NOT_FOUND
            else ""
        )
        row.approved_cents = row.approved_fee_cents = 0
    elif reply.status == ct.IN_PROGRESS:
        row.status = "unknown"
        row.reason = "The terminal is still working on this card."
        return
    else:
        row.status = "unknown"
        row.reason = f"The terminal answered {reply.status!r}."
        return
    row.resolved_at = now


def finish_request(
    station: Station, request_id: str, reply: ct.TerminalReply | None, reason: str, status: str
) -> CardResult:
    with station.store.write() as s:
        row = request_row(s, request_id)
        if reply is not None:
            _apply_reply(s, row, reply)
        else:
            row.status = status
            row.reason = reason[:120]
            if status not in OPEN_STATUSES:
                row.resolved_at = utcnow()
        audit.record(
            s,
            station.code,
            f"card_{row.status}",
            target=request_id,
            actor="terminal",
            details={
                "approved_cents": row.approved_cents,
                "brand": row.brand,
                "last4": row.last4,
                "approval_code": row.approval_code,
                "reason": row.reason,
            },
        )
        log.info(
            "card request %s: %s, approved %s cents, %s %s, %s",
            request_id,
            row.status,
            row.approved_cents,
            row.brand,
            row.last4,
            row.reason,
        )
        return result_of(row)


def charge(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    base: Money,
    *,
    terminal: ct.CardTerminal | None = None,
    on_recorded=None,
    prior: Sequence[str] = (),
    held: Collection[str] = (),
) -> CardResult:
    """Run `base` (plus its convenience fee) on the integrated terminal. Blocks: call it off the
    GUI thread. `on_recorded(request_id)` is called once the request is saved, before sending
    (the dialog uses it to be able to Cancel). `prior`: the sale's cards approved before this
    one (their fee counts: see `fees.quote`). `held`: the approved cards of the payment being
    taken (a partial approval, then another card for the rest), which do not block this one;
    the `prior` cards are among them."""
    actor.require("sell", "take payments")
    q = quote(station, cart, base, prior=prior, session_id=session_id)
    terminal = terminal or terminal_for(station)
    if not terminal.integrated:
        raise StateError(
            "This station's terminal is standalone: run the card there and key in the result."
        )
    # The sale's earlier cards (`prior`, checked by `quote`) are this payment's own as well.
    request_id = begin_request(station, actor, session_id, cart, q, terminal.url, {*held, *prior})
    if on_recorded is not None:
        on_recorded(request_id)
    with station.store.write() as s:
        request_row(s, request_id).sent_at = utcnow()
    try:
        reply = terminal.sale(request_id, q.charge.cents)
    except ct.TerminalUnreachable as exc:
        return finish_request(station, request_id, None, f"{exc} Nothing was charged.", "cancelled")
    except ct.TerminalTimeout:
        finish_request(station, request_id, None, "No answer from the terminal in time.", "unknown")
        return check_status(station, request_id, terminal=terminal)
    except ct.TerminalError as exc:
        # The terminal refused the command outright; ask it what it knows to be sure.
        finish_request(station, request_id, None, str(exc), "unknown")
        return check_status(station, request_id, terminal=terminal)
    if reply.request_id != request_id:
        finish_request(
            station, request_id, None, "The terminal answered for another request.", "unknown"
        )
        return check_status(station, request_id, terminal=terminal)
    return finish_request(station, request_id, reply, "", "")


def check_status(
    station: Station, request_id: str, *, terminal: ct.CardTerminal | None = None
) -> CardResult:
    """Ask the terminal what became of a pending or unknown request, and record its answer.

    If the terminal cannot be reached the request stays unknown: ask again later.
    """
    with station.store.read() as s:
        row = s.get(CardRequest, request_id)
        if row is None:
            raise NotFound("There is no such card request.")
        if row.status not in OPEN_STATUSES:
            return result_of(row)
        url = row.terminal
    if url == ct.STANDALONE:
        # Keyed in by hand, but not saved (the station stopped in between): key it in again.
        return finish_request(
            station,
            request_id,
            None,
            "The keyed-in card was not saved; key it in again from the terminal's slip.",
            "cancelled",
        )
    if terminal is None:
        try:
            terminal = ct.open_terminal(url) if url != ct.STANDALONE else terminal_for(station)
        except ct.TerminalError as exc:
            raise DeviceError(exc) from exc
    try:
        reply = terminal.status(request_id)
    except ct.TerminalError as exc:
        with station.store.write() as s:
            row = request_row(s, request_id)
            row.status = "unknown"
            row.reason = f"Status not known yet: {exc}"[:120]
            return result_of(row)
    if reply.status == ct.NOT_FOUND:
        with station.store.read() as s:
            sent = request_row(s, request_id).sent_at
        if sent is None:
            reply = replace(reply, reason="The card was never sent to the terminal.")
    return finish_request(station, request_id, reply, "", "")


def cancel(
    station: Station,
    request_id: str,
    *,
    terminal: ct.CardTerminal | None = None,
    patience: float = 3.0,
) -> str:
    """Ask the terminal to stop a sale waiting at the pin pad; returns what the terminal says.

    The sale's own answer records the outcome (the customer may have finished just before the
    Cancel). A Cancel pressed the instant the card was sent may reach the terminal before the
    sale does, so a "not found" is retried for a few seconds.
    """
    terminal = terminal or terminal_for(station)
    deadline = time.monotonic() + patience
    while True:
        try:
            reply = terminal.cancel(request_id)
        except ct.TerminalError as exc:
            raise DeviceError("The terminal did not take the Cancel: {exc}", exc=exc) from exc
        if reply.status != ct.NOT_FOUND or time.monotonic() >= deadline:
            return reply.status
        time.sleep(0.1)


def open_requests(station: Station, session_id: str | None = None) -> list[CardResult]:
    """Requests still waiting for an answer (pending or unknown), oldest first."""
    with station.store.read() as s:
        q = select(CardRequest).where(CardRequest.status.in_(OPEN_STATUSES))
        if session_id:
            q = q.where(CardRequest.session_id == session_id)
        return [result_of(r) for r in s.scalars(q.order_by(CardRequest.created_at))]


def resolve_pending(
    station: Station, *, terminal: ct.CardTerminal | None = None
) -> list[CardResult]:
    """At start-up: ask the terminal about every request left pending or unknown."""
    return [check_status(station, r.request_id, terminal=terminal) for r in open_requests(station)]
