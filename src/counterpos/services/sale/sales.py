"""Completing a sale: one transaction holding the sale, its lines, tenders, ledger, documents, audit and outbox."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace

from sqlalchemy import event, text
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartError
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_document import ReceiptDocument
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.domain.tenders import DRAWER_KINDS, Settlement, Tender, TenderError, settle
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.central import continuity
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.approved_lines import check_ceiling
from counterpos.services.sale.catalog import (
    CARD_FEE_CATEGORY,
    cached_for_the_sale,
    reprice_cart,
    service_rows,
    utility_account,
)
from counterpos.services.sale.service_rules import SaleContext, rules_for
from counterpos.services.sessions import require_own_open
from counterpos.services.station import Station
from counterpos.store import plain_read
from counterpos.store.models import (
    AuditEvent,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
)
from counterpos.store.rows import line_row, sale_row, tender_row


@dataclass(frozen=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total: Money
    change: Money
    opens_drawer: bool
    documents: tuple[str, ...]
    # The receipt as read back from the store once the sale is saved (receipts.with_receipt):
    # the screen shows it and the printer prints it, so it is built once per sale.
    receipt: ReceiptDocument | None = None
    # permission -> the supervisor who approved it on the spot, for what the seller's role lacks
    approved_by: dict[str, str] = field(default_factory=dict)


_NEXT_RECEIPT = text(
    "UPDATE receipt_sequence SET last_value = last_value + 1 WHERE station_code = :c "
    "RETURNING last_value"
)


def next_receipt_no(session: Session, station_code: str) -> tuple[int, str]:
    """Take the next number inside the caller's transaction: it rolls back with a failed sale.

    The counter is moved on the driver's cursor (store/plain_read.py): every sale takes one,
    and SQLAlchemy's execution machinery costs more than SQLite's update. It writes only the
    station's code and an integer, nothing the card-number guard would have to look at."""
    seq = plain_read.scalar(session, _NEXT_RECEIPT, {"c": station_code})
    if seq is None:
        session.add(ReceiptSequence(station_code=station_code, last_value=1))
        session.flush()
        seq = 1
    continuity.check_next(session, station_code, seq)  # behind the centre: a restored store
    return seq, format_receipt_no(station_code, seq)


def validate(cart: Cart, tenders: list[Tender]) -> Settlement:
    try:
        cart.check_sellable()
    except (CartError, MoneyError) as exc:
        raise InputError(exc, field="cart") from exc
    try:
        return settle(cart.total, tenders)
    except TenderError as exc:
        raise InputError(exc, field="tender") from exc


def complete_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    tenders: list[Tender],
    *,
    in_transaction: Callable[[Session, Sale], None] | None = None,
    approvals: Sequence[Approval] = (),
) -> CompletedSale:
    """Save the sale. Validates everything first; on any error nothing is written.

    `in_transaction(session, sale)`, if given, runs inside the sale's own transaction after
    everything else is written (card payments link their requests to the sale there): if it
    raises, the sale is not saved either.

    `approvals` are supervisors' on-the-spot approvals of what a line's rules need beyond
    "sell" (a business license or passport rung by a cashier): each is checked like any
    override, named in the sale's audit event and its row, and spent once the sale is saved."""
    actor.require("sell", "take payments")
    settlement = validate(cart, tenders)
    with station.store.write() as s:
        done = write_sale(
            s,
            station.code,
            actor,
            session_id,
            cart,
            settlement,
            in_transaction=in_transaction,
            approvals=approvals,
        )
    for approval in approvals:
        if approval.permission in done.approved_by:
            overrides.spend(approval)
    return done


def rule_approvers(
    actor: Actor, cart: Cart, approvals: Sequence[Approval] = ()
) -> dict[str, Actor]:
    """Who authorises each permission the cart's lines need beyond "sell": nobody for what the
    actor's own role holds, else the supervisor whose approval is among `approvals`.
    Raises PermissionDenied (with the permission, so a screen can ask a supervisor) when a
    line needs a permission that neither the actor nor a valid approval gives."""
    by_permission = {a.permission: a for a in approvals}
    approvers: dict[str, Actor] = {}
    for line in cart.lines:
        rules = rules_for(line.service_code)
        if rules is None or not rules.permission or rules.permission in approvers:
            continue
        if actor.can(rules.permission):
            continue
        approver = overrides.authorise(
            actor,
            rules.permission,
            by_permission.get(rules.permission),
            what=rules.permission_what,
        )
        if approver is not None:
            approvers[rules.permission] = approver
    return approvers


def write_sale(
    s: Session,
    station_code: str,
    actor: Actor,
    session_id: str,
    cart: Cart,
    settlement: Settlement,
    at: datetime | None = None,
    *,
    in_transaction: Callable[[Session, Sale], None] | None = None,
    approvals: Sequence[Approval] = (),
) -> CompletedSale:
    """Write a validated sale inside the caller's write transaction.

    `complete_sale` is the till's way in; the demo history calls this with a past time `at`
    (naive UTC) so that its sales are written exactly as the till writes them, service rules
    included. Every line is first priced again from the fee rules in force at that moment
    (`catalog.reprice_cart`): a line whose price changed refuses the sale with both amounts
    named (InputError, field `catalog.PRICES_CHANGED`), and what is written is the rules' line,
    not the caller's. Only amounts entered by design (a bill payment, a misc receipt) come from
    the cart.
    """
    with cached_for_the_sale(s):  # the catalog's rows read once for the whole sale
        return _write_sale(
            s,
            station_code,
            actor,
            session_id,
            cart,
            settlement,
            at,
            in_transaction=in_transaction,
            approvals=approvals,
        )


def _write_sale(
    s: Session,
    station_code: str,
    actor: Actor,
    session_id: str,
    cart: Cart,
    settlement: Settlement,
    at: datetime | None = None,
    *,
    in_transaction: Callable[[Session, Sale], None] | None = None,
    approvals: Sequence[Approval] = (),
) -> CompletedSale:
    conn = s.connection()  # reads and the sale's own rows skip the ORM's unit of work
    require_own_open(s, station_code, actor, session_id)
    now = at or utcnow()
    cart = reprice_cart(s, cart, to_local(now).date())
    _check_limits(s, cart, settlement)
    approvers = rule_approvers(actor, cart, approvals)
    for index, line in enumerate(cart.lines):
        rules = rules_for(line.service_code)
        if rules is not None:
            rules.validate(s, line, cart, index)
    wanted = {line.account_no for line in cart.lines if line.account_no}
    accounts: dict[str, str] = {}  # account number -> account id
    for number in sorted(wanted):  # read when the lines were priced again, above
        if (found := utility_account(s, number)) is not None:
            accounts[number] = found.id
    for number in sorted(wanted - accounts.keys()):
        raise NotFound("There is no utility account {number}.", number=number)
    seq, receipt_no = next_receipt_no(s, station_code)
    stamp = None
    if at is not None:  # rows the service rules add through the ORM get the past time too
        stamp = _stamp(at)
        event.listen(s, "before_flush", stamp)
    try:
        sale = SimpleNamespace(
            **sale_row(
                kind=SaleKind.SALE,
                receipt_no=receipt_no,
                station_code=station_code,
                sequence=seq,
                session_id=session_id,
                user_id=actor.user_id,
                customer_id=cart.customer_id,
                total_cents=cart.total.cents,
                change_cents=settlement.change.cents,
                created_at=now,
                approver_id=next(iter(approvers.values())).user_id if approvers else None,
            )
        )
        ctx = SaleContext(s, station_code, actor, sale, receipt_no, cart, at=now)
        ctx.insert(Sale, vars(sale))
        for no, line in enumerate(cart.lines, start=1):
            # A namespace, so that a service's rules can set the account or details it belongs to.
            row = SimpleNamespace(
                **line_row(
                    sale_id=sale.id,
                    line_no=no,
                    service_code=line.service_code,
                    description=line.description,
                    quantity=line.quantity,
                    amount_cents=line.amount.cents,
                    gl_account=line.gl_account,
                    account_id=accounts.get(line.account_no) if line.account_no else None,
                    details=line.details,
                )
            )
            rules = rules_for(line.service_code)
            if rules is None:
                ctx.insert(SaleLine, vars(row))
                continue
            if not rules.insert_only:
                ctx.write_queued()  # what the rules may read is in the database
            rules.before_line(ctx, line, row)
            ctx.insert(SaleLine, vars(row))
            if not rules.insert_only:
                ctx.write_queued()
            rules.on_sale(ctx, line, row)
            if not rules.insert_only:
                ctx.write_queued()
            if s.new:
                s.flush()  # the service's own rows follow their line, in the outbox too
        tenders = [
            tender_row(
                sale_id=sale.id,
                position=pos,
                kind=TenderKind(applied.tender.kind),
                amount_cents=applied.applied.cents,
                tendered_cents=applied.tender.amount.cents,
                change_cents=applied.change.cents,
                reference=applied.tender.reference.strip(),
                payer=applied.tender.payer.strip(),
                card_brand=applied.tender.card_brand,
                card_last4=applied.tender.card_last4,
            )
            for pos, applied in enumerate(settlement.applied, start=1)
        ]
        event_row = audit.event_row(
            conn,
            station_code,
            "sale",
            actor=actor.username,
            approver=", ".join(sorted({a.username for a in approvers.values()})),
            target=receipt_no,
            details={
                "total_cents": cart.total.cents,
                "lines": len(cart.lines),
                "tenders": [a.tender.kind for a in settlement.applied],
                **(
                    {"approved": {p: a.username for p, a in sorted(approvers.items())}}
                    if approvers
                    else {}
                ),
            },
            at=now,
        )
        ctx.insert(TenderRow, *tenders)
        ctx.insert(AuditEvent, event_row)
        ctx.write_queued()
        if in_transaction is not None:
            in_transaction(s, s.get_one(Sale, sale.id))  # the saved sale, as the ORM sees it
            s.flush()
    finally:
        if stamp is not None:
            event.remove(s, "before_flush", stamp)
    opens = any(a.tender.kind in DRAWER_KINDS for a in settlement.applied)
    return CompletedSale(
        sale.id,
        receipt_no,
        cart.total,
        settlement.change,
        opens,
        tuple(ctx.documents),
        approved_by={p: a.username for p, a in approvers.items()},
    )


def _check_limits(s: Session, cart: Cart, settlement: Settlement) -> None:
    """A line above its service's ceiling needs a supervisor's confirmation; a card fee line
    only comes with the card tenders that carried it."""
    services = service_rows(s, {line.service_code for line in cart.lines})
    card_cents = sum(
        a.applied.cents for a in settlement.applied if a.tender.kind == TenderKind.CARD
    )
    fees = 0
    for line in cart.lines:
        svc = services[line.service_code]
        check_ceiling(s, line, svc.confirm_above_cents)
        if svc.category == CARD_FEE_CATEGORY:
            fees += line.amount.cents
    if fees and fees > card_cents:
        raise InputError(
            "A card convenience fee of {fees} comes only with the cards that carried it; "
            "take the card payment again.",
            field="cart",
            fees=Money(fees),
        )


def _stamp(at: datetime) -> Callable:
    """A before_flush hook giving every row the service rules add through the ORM (licenses,
    tag movements, ...) the sale's past time before it is first written; the rows built by
    store/rows.py get it from `SaleContext.insert`. Only the demo history writes past sales."""

    def hook(session: Session, _context, _instances) -> None:
        for obj in session.new:
            if hasattr(obj, "created_at"):
                obj.created_at = at

    return hook
