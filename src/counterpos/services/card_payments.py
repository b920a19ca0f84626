"""Card payments through a terminal: record first, then ask; resolve unknowns; void; totals.

The order that keeps a card payment from being lost or charged twice:
1. the request (amount, what it is for) is written to `card_request` as `pending`;
2. only then is the terminal asked; its answer updates the row;
3. no answer in time makes the row `unknown` and the station asks the terminal for the status
   of that same request id before anything else happens (the terminal never charges one request
   id twice); while a request is pending or unknown, no new card request starts in the session;
4. approved requests become card tenders of the sale (`finish_sale`), and are linked to it in
   the same transaction that saves the sale.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain import card_fee
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.domain.tenders import CARD, Tender
from counterpos.hardware import card_terminal as ct
from counterpos.services import audit, sales, settings
from counterpos.services.actor import Actor
from counterpos.services.card_fees import (  # noqa: F401  (re-exported for the till)
    FEE_GL,
    FEE_NAME,
    FEE_SERVICE,
    CardQuote,
    _sale_total,
    cart_with_fee,
    ensure_fee_service,
    fee_policy,
    quote,
)
from counterpos.services.clock import utcnow
from counterpos.services.drawer_sessions import is_closed
from counterpos.services.errors import DeviceError, InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, DrawerSession, Sale, TenderRow
from counterpos.store.models.card_request import OPEN_STATUSES

log = logging.getLogger(__name__)

BRANDS = ct.BRANDS  # the brands a keyed (standalone) card may name
CardTerminal = ct.CardTerminal  # re-exported so the UI need not import hardware/


# -- what the till sees ------------------------------------------------------------------------
@dataclass(frozen=True)
class CardResult:
    request_id: str
    status: str  # pending, unknown, approved, declined, cancelled, voided, refunded
    requested: Money
    approved: Money
    base: Money  # part of `approved` that pays the sale
    fee: Money  # part of `approved` that is the convenience fee
    brand: str = ""
    last4: str = ""
    approval_code: str = ""
    terminal_ref: str = ""
    reason: str = ""
    sale_id: str | None = None

    @property
    def is_approved(self) -> bool:
        return self.status == "approved"

    @property
    def is_partial(self) -> bool:
        return self.is_approved and self.approved.cents < self.requested.cents

    @property
    def is_unknown(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def tender(self) -> Tender:
        """The card tender for `sales.complete_sale` (approved requests only)."""
        return Tender(
            kind=CARD,
            amount=self.approved,
            reference=self.approval_code,
            card_brand=self.brand,
            card_last4=self.last4,
        )

    def message(self) -> str:
        """One plain sentence for the cashier."""
        if self.status == "approved":
            if self.is_partial:
                return (
                    f"Partly approved: {self.approved} of {self.requested}. "
                    "Take the rest another way."
                )
            return f"Approved: {self.approved}, {self.brand.upper()} ending {self.last4}."
        if self.status in OPEN_STATUSES:
            return (
                "The terminal has not said whether the card was charged. Do not run the card "
                "again: check the terminal's status first."
            )
        if self.status == "declined":
            return f"Declined: {self.reason or 'the card was not accepted'}."
        if self.status == "cancelled":
            return f"Cancelled: {self.reason or 'nothing was charged'}."
        return f"{self.status.capitalize()}."


def _result(row: CardRequest) -> CardResult:
    return CardResult(
        request_id=row.request_id,
        status=row.status,
        requested=Money(row.amount_cents),
        approved=Money(row.approved_cents),
        base=Money(row.approved_cents - row.approved_fee_cents),
        fee=Money(row.approved_fee_cents),
        brand=row.brand,
        last4=row.last4,
        approval_code=row.approval_code,
        terminal_ref=row.terminal_ref,
        reason=row.reason,
        sale_id=row.sale_id,
    )


# -- settings ------------------------------------------------------------------------------
def check_setting(key: str, value: str) -> None:
    """Refuse a card setting that would not work (called by config_service.set_value)."""
    if key == "card.convenience_fee":
        try:
            card_fee.parse_policy(value)
        except card_fee.CardFeeError as exc:
            raise InputError(str(exc), field=key) from exc
    elif key == "card.terminal":
        v = value.strip()
        if v != ct.STANDALONE and not re.fullmatch(r"tcp://[A-Za-z0-9.\-]+:[0-9]{1,5}", v):
            raise InputError(
                "card.terminal is 'standalone' or tcp://HOST:PORT (like tcp://127.0.0.1:9400).",
                field=key,
            )
    elif key.endswith("_seconds") and not (value.isdigit() and 0 < int(value) <= 600):
        raise InputError(f"{key} takes a whole number of seconds from 1 to 600.", field=key)


def terminal_for(station: Station) -> ct.CardTerminal:
    """The terminal named by the station's `card.terminal` setting."""
    with station.store.read() as s:
        url = settings.get(s, "card.terminal")
        sale_timeout = float(settings.get_int(s, "card.sale_timeout_seconds"))
        call_timeout = float(settings.get_int(s, "card.status_timeout_seconds"))
    try:
        return ct.open_terminal(url, sale_timeout=sale_timeout, call_timeout=call_timeout)
    except ct.TerminalError as exc:
        raise DeviceError(str(exc)) from exc


# -- running a card ------------------------------------------------------------------------
def _check_session(s: Session, station: Station, actor: Actor, session_id: str) -> None:
    drawer = s.get(DrawerSession, session_id)
    if drawer is None or drawer.station_code != station.code or drawer.user_id != actor.user_id:
        raise StateError("Open your drawer session before taking payments.")
    if is_closed(s, session_id):
        raise StateError("This drawer session is closed; open a new session to take payments.")


def _refuse_if_open(s: Session, session_id: str) -> None:
    row = s.scalar(
        select(CardRequest).where(
            CardRequest.session_id == session_id, CardRequest.status.in_(OPEN_STATUSES)
        )
    )
    if row is not None:
        raise StateError(
            f"A card payment of {Money(row.amount_cents)} has no answer from the terminal yet. "
            "Check its status before running a card again."
        )


def _context(cart: Cart) -> str:
    words = ", ".join(li.description for li in cart.lines[:3])
    return f"{len(cart.lines)} line(s), {_sale_total(cart)}: {words}"[:200]


def _begin(
    station: Station, actor: Actor, session_id: str, cart: Cart, q: CardQuote, terminal_url: str
) -> str:
    """Write the pending request: after this, whatever happens, the request is known."""
    with station.store.write() as s:
        _check_session(s, station, actor, session_id)
        _refuse_if_open(s, session_id)
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


def _finish(
    station: Station, request_id: str, reply: ct.TerminalReply | None, reason: str, status: str
) -> CardResult:
    with station.store.write() as s:
        row = s.get(CardRequest, request_id)
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
        return _result(row)


def charge(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    base: Money,
    *,
    terminal: ct.CardTerminal | None = None,
    on_recorded=None,
) -> CardResult:
    """Run `base` (plus its convenience fee) on the integrated terminal. Blocks: call it off the
    GUI thread. `on_recorded(request_id)` is called once the request is saved, before sending
    (the dialog uses it to be able to Cancel)."""
    actor.require("sell", "take payments")
    q = quote(station, cart, base)
    terminal = terminal or terminal_for(station)
    if not terminal.integrated:
        raise StateError(
            "This station's terminal is standalone: run the card there and key in the result."
        )
    request_id = _begin(station, actor, session_id, cart, q, terminal.url)
    if on_recorded is not None:
        on_recorded(request_id)
    with station.store.write() as s:
        s.get(CardRequest, request_id).sent_at = utcnow()
    try:
        reply = terminal.sale(request_id, q.charge.cents)
    except ct.TerminalUnreachable as exc:
        return _finish(station, request_id, None, f"{exc} Nothing was charged.", "cancelled")
    except ct.TerminalTimeout:
        _finish(station, request_id, None, "No answer from the terminal in time.", "unknown")
        return check_status(station, request_id, terminal=terminal)
    except ct.TerminalError as exc:
        # The terminal refused the command outright; ask it what it knows to be sure.
        _finish(station, request_id, None, str(exc), "unknown")
        return check_status(station, request_id, terminal=terminal)
    if reply.request_id != request_id:
        _finish(station, request_id, None, "The terminal answered for another request.", "unknown")
        return check_status(station, request_id, terminal=terminal)
    return _finish(station, request_id, reply, "", "")


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
            return _result(row)
        url = row.terminal
    if url == ct.STANDALONE:
        # Keyed in by hand, but not saved (the station stopped in between): key it in again.
        return _finish(
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
            raise DeviceError(str(exc)) from exc
    try:
        reply = terminal.status(request_id)
    except ct.TerminalError as exc:
        with station.store.write() as s:
            row = s.get(CardRequest, request_id)
            row.status = "unknown"
            row.reason = f"Status not known yet: {exc}"[:120]
            return _result(row)
    if reply.status == ct.NOT_FOUND:
        with station.store.read() as s:
            sent = s.get(CardRequest, request_id).sent_at
        if sent is None:
            reply = replace(reply, reason="The card was never sent to the terminal.")
    return _finish(station, request_id, reply, "", "")


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
            raise DeviceError(f"The terminal did not take the Cancel: {exc}") from exc
        if reply.status != ct.NOT_FOUND or time.monotonic() >= deadline:
            return reply.status
        time.sleep(0.1)


def open_requests(station: Station, session_id: str | None = None) -> list[CardResult]:
    """Requests still waiting for an answer (pending or unknown), oldest first."""
    with station.store.read() as s:
        q = select(CardRequest).where(CardRequest.status.in_(OPEN_STATUSES))
        if session_id:
            q = q.where(CardRequest.session_id == session_id)
        return [_result(r) for r in s.scalars(q.order_by(CardRequest.created_at))]


def resolve_pending(
    station: Station, *, terminal: ct.CardTerminal | None = None
) -> list[CardResult]:
    """At start-up: ask the terminal about every request left pending or unknown."""
    return [check_status(station, r.request_id, terminal=terminal) for r in open_requests(station)]


def relink(session: Session, session_id: str) -> int:
    """Link approved requests to the sale that already holds their tender.

    `finish_sale` links the requests in the sale's own transaction; this repairs a sale saved
    with a card tender some other way (directly through `sales.complete_sale`, or by a station
    from before the link was atomic): the sale's card tender (same session, approval code, last
    four and amount, not yet claimed) names the request. Returns how many were linked.
    """
    rows = session.scalars(
        select(CardRequest).where(
            CardRequest.session_id == session_id,
            CardRequest.status.in_(("approved", "voided", "refunded")),
            CardRequest.sale_id.is_(None),
        )
    ).all()
    linked = 0
    for row in rows:
        claimed = select(CardRequest.sale_id).where(CardRequest.sale_id.is_not(None))
        sale_id = session.scalar(
            select(Sale.id)
            .join(TenderRow, TenderRow.sale_id == Sale.id)
            .where(
                Sale.session_id == session_id,
                Sale.kind == "sale",
                TenderRow.kind == CARD,
                TenderRow.reference == row.approval_code,
                TenderRow.card_last4 == row.last4,
                TenderRow.amount_cents == row.approved_cents,
                Sale.id.not_in(claimed),
            )
            .order_by(Sale.created_at)
            .limit(1)
        )
        if sale_id is not None:
            row.sale_id = sale_id
            session.flush()
            linked += 1
    return linked


def unattached_approvals(station: Station, session_id: str) -> list[CardResult]:
    """Approved card payments not yet on a sale: carry them into the sale or void them."""
    with station.store.write() as s:
        if relink(s, session_id):
            log.warning("card requests relinked to their sales in session %s", session_id)
    with station.store.read() as s:
        rows = s.scalars(
            select(CardRequest)
            .where(
                CardRequest.session_id == session_id,
                CardRequest.status == "approved",
                CardRequest.sale_id.is_(None),
            )
            .order_by(CardRequest.created_at)
        )
        return [_result(r) for r in rows]


# -- standalone terminal ---------------------------------------------------------------------
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
) -> CardResult:
    """Record a card the cashier ran on a separate terminal, from what that terminal printed."""
    actor.require("sell", "take payments")
    q = quote(station, cart, base)
    code = approval_code.strip().upper()
    if contains_card_number(code):
        raise InputError(refusal("The approval code"), field="approval_code")
    if not re.fullmatch(r"[0-9A-Z]{2,12}", code):
        raise InputError(
            "Enter the approval code the terminal printed (2 to 12 letters or digits).",
            field="approval_code",
        )
    brand = brand.strip().lower()
    if brand not in ct.BRANDS:
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
            raise InputError(str(exc), field="approved") from exc
        if approved.cents <= 0 or approved.cents > q.charge.cents:
            raise InputError(
                f"The approved amount is between $0.01 and {q.charge}.", field="approved"
            )
    request_id = _begin(station, actor, session_id, cart, q, ct.STANDALONE)
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
    return _finish(station, request_id, reply, "", "")


# -- the sale ------------------------------------------------------------------------------
def finish_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    tenders: list[Tender],
    request_ids: list[str],
) -> sales.CompletedSale:
    """Complete the sale with the other tenders plus the approved card requests.

    Adds the convenience fee line (what the approved cards carried) and one card tender per
    approved request, and links the requests to the sale in the sale's own transaction.
    """
    with station.store.write() as s:
        relink(s, session_id)  # a sale saved before a crash keeps its card
    with station.store.read() as s:
        results = []
        for rid in request_ids:
            row = s.get(CardRequest, rid)
            if row is None or row.session_id != session_id:
                raise NotFound("That card payment does not belong to this drawer session.")
            if row.status != "approved":
                raise StateError(f"The card payment of {Money(row.amount_cents)} is {row.status}.")
            if row.sale_id is not None:
                raise StateError("That card payment is already on a sale.")
            results.append(_result(row))
    fee = Money(sum(r.fee.cents for r in results))
    full_cart = cart_with_fee(cart, fee)

    def link(s: Session, sale: Sale) -> None:
        # In the sale's own transaction: a sale is never saved without its card requests
        # pointing at it, nor a request linked to a sale that was not saved.
        for r in results:
            row = s.get(CardRequest, r.request_id)
            if row.sale_id is not None:
                raise StateError("That card payment is already on a sale.")
            row.sale_id = sale.id

    return sales.complete_sale(
        station,
        actor,
        session_id,
        full_cart,
        [t for t in tenders if t.kind != CARD] + [r.tender for r in results],
        in_transaction=link,
    )


# -- reversals and totals live in their own modules; these are the names others call ---------
def reverse_card_tenders(
    station: Station,
    sale_id: str,
    *,
    actor: Actor | None = None,
    terminal: ct.CardTerminal | None = None,
):
    """Void (same day) or refund each card payment of a sale at the terminal; call it BEFORE
    marking the sale void. See `card_reversals.reverse_card_tenders`."""
    from counterpos.services import card_reversals  # noqa: PLC0415 (it imports this module)

    return card_reversals.reverse_card_tenders(station, sale_id, actor=actor, terminal=terminal)


def void_request(
    station: Station, actor: Actor, request_id: str, *, terminal: ct.CardTerminal | None = None
) -> CardResult:
    """Void an approved card payment that never became part of a sale."""
    from counterpos.services import card_reversals  # noqa: PLC0415

    return card_reversals.void_request(station, actor, request_id, terminal=terminal)


def card_totals_by_brand(station: Station, session_id: str):
    """The session's card totals by brand, for end of day. See `card_totals`."""
    from counterpos.services import card_totals  # noqa: PLC0415

    return card_totals.card_totals_by_brand(station, session_id)


def terminal_batch_total(station: Station, *, terminal: ct.CardTerminal | None = None):
    """The terminal's own batch totals by brand. See `card_totals`."""
    from counterpos.services import card_totals  # noqa: PLC0415

    return card_totals.terminal_batch_total(station, terminal=terminal)
