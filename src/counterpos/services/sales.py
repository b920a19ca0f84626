"""Completing a sale: one transaction holding the sale, its lines, tenders, ledger, documents, audit and outbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartError
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.domain.tenders import DRAWER_KINDS, Settlement, Tender, TenderError, settle
from counterpos.services import audit, yard_sale
from counterpos.services.actor import Actor
from counterpos.services.clock import utcnow
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.store.models import (
    AuditEvent,
    DrawerClose,
    DrawerSession,
    IssuedDocument,
    LedgerEntry,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
    UtilityAccount,
    new_id,
)
from counterpos.store.outbox import full_row, insert_synced


@dataclass(frozen=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total: Money
    change: Money
    opens_drawer: bool
    documents: tuple[str, ...]


def next_receipt_no(session: Session, station_code: str) -> tuple[int, str]:
    """Take the next number inside the caller's transaction: it rolls back with a failed sale."""
    seq = session.execute(
        text(
            "UPDATE receipt_sequence SET last_value = last_value + 1 WHERE station_code = :c RETURNING last_value"
        ),
        {"c": station_code},
    ).scalar()
    if seq is None:
        session.add(ReceiptSequence(station_code=station_code, last_value=1))
        session.flush()
        seq = 1
    return seq, format_receipt_no(station_code, seq)


def validate(cart: Cart, tenders: list[Tender]) -> Settlement:
    try:
        cart.check_sellable()
    except (CartError, MoneyError) as exc:
        raise InputError(str(exc), field="cart") from exc
    try:
        return settle(cart.total, tenders)
    except TenderError as exc:
        raise InputError(str(exc), field="tender") from exc


def complete_sale(
    station: Station, actor: Actor, session_id: str, cart: Cart, tenders: list[Tender]
) -> CompletedSale:
    """Save the sale. Validates everything first; on any error nothing is written."""
    actor.require("sell", "take payments")
    settlement = validate(cart, tenders)
    with station.store.write() as s:
        return write_sale(s, station.code, actor, session_id, cart, settlement)


def write_sale(
    s: Session,
    station_code: str,
    actor: Actor,
    session_id: str,
    cart: Cart,
    settlement: Settlement,
    at: datetime | None = None,
) -> CompletedSale:
    """Write a validated sale inside the caller's write transaction.

    `complete_sale` is the till's way in; the demo history calls this with a past time `at`
    (naive UTC) so that its sales are written exactly as the till writes them.
    """
    at = at or utcnow()
    drawer = s.execute(
        select(DrawerSession.station_code, DrawerSession.user_id, DrawerClose.id)
        .outerjoin(DrawerClose, DrawerClose.session_id == DrawerSession.id)
        .where(DrawerSession.id == session_id)
    ).first()
    if drawer is None or drawer[0] != station_code or drawer[1] != actor.user_id:
        raise StateError("Open your drawer session before taking payments.")
    if drawer[2] is not None:
        raise StateError("This drawer session is closed; open a new session to take payments.")
    permits_in_cart: list[dict] = []
    for line in cart.lines:
        if line.service_code == yard_sale.DOC_TYPE:
            yard_sale.check_permit(s, line.details, permits_in_cart)
            permits_in_cart.append(line.details)
    wanted = {line.account_no for line in cart.lines if line.account_no}
    accounts: dict[str, str] = {}  # account number -> account id
    if wanted:
        accounts = dict(
            s.execute(
                select(UtilityAccount.account_no, UtilityAccount.id).where(
                    UtilityAccount.account_no.in_(wanted)
                )
            ).all()
        )
    for number in sorted(wanted - accounts.keys()):
        raise NotFound(f"There is no utility account {number}.")
    seq, receipt_no = next_receipt_no(s, station_code)
    # Plain inserts with their outbox rows (store/outbox.py `insert_synced`): the rows and
    # payloads the ORM would write, without its per-object bookkeeping on the till's hot path.
    rows: dict[type, list[dict]] = {}

    def put(model: type, **values) -> dict:
        row = full_row(model, values)
        rows.setdefault(model, []).append(row)
        return row

    sale = put(
        Sale,
        id=new_id(),
        receipt_no=receipt_no,
        station_code=station_code,
        sequence=seq,
        kind="sale",
        session_id=session_id,
        user_id=actor.user_id,
        customer_id=cart.customer_id,
        total_cents=cart.total.cents,
        change_cents=settlement.change.cents,
        created_at=at,
    )
    documents: list[str] = []
    for no, line in enumerate(cart.lines, start=1):
        account_id = accounts.get(line.account_no) if line.account_no else None
        row = put(
            SaleLine,
            id=new_id(),
            sale_id=sale["id"],
            line_no=no,
            service_code=line.service_code,
            description=line.description,
            quantity=line.quantity,
            amount_cents=line.amount.cents,
            gl_account=line.gl_account,
            account_id=account_id,
            details=dict(line.details),
        )
        if line.service_code == "utility_payment" and account_id is not None:
            put(
                LedgerEntry,
                account_id=account_id,
                entry_type="payment",
                amount_cents=-line.amount.cents,
                memo=f"Payment, receipt {receipt_no}",
                sale_line_id=row["id"],
                station_code=station_code,
                created_at=at,
            )
        if line.service_code == yard_sale.DOC_TYPE:
            start = date.fromisoformat(line.details["start_date"])
            doc_no = f"YS-{receipt_no}" + (f"-{no}" if len(cart.lines) > 1 else "")
            put(
                IssuedDocument,
                sale_id=sale["id"],
                sale_line_id=row["id"],
                doc_type=yard_sale.DOC_TYPE,
                doc_no=doc_no,
                holder=line.details["address"],
                valid_from=start,
                valid_to=start + timedelta(days=int(line.details.get("days", 1)) - 1),
                details=dict(line.details),
                created_at=at,
            )
            documents.append(doc_no)
    for pos, applied in enumerate(settlement.applied, start=1):
        t = applied.tender
        put(
            TenderRow,
            sale_id=sale["id"],
            position=pos,
            kind=t.kind,
            amount_cents=applied.applied.cents,
            tendered_cents=t.amount.cents,
            change_cents=applied.change.cents,
            reference=t.reference.strip(),
            payer=t.payer.strip(),
            card_brand=t.card_brand,
            card_last4=t.card_last4,
        )
    event = audit.event_row(
        s,
        station_code,
        "sale",
        actor=actor.username,
        target=receipt_no,
        details={
            "total_cents": cart.total.cents,
            "lines": len(cart.lines),
            "tenders": [a.tender.kind for a in settlement.applied],
        },
        at=at,
    )
    insert_synced(
        s,
        [
            (model, rows.get(model, []))
            for model in (Sale, SaleLine, LedgerEntry, IssuedDocument, TenderRow)
        ]
        + [(AuditEvent, [event])],
    )
    opens = any(a.tender.kind in DRAWER_KINDS for a in settlement.applied)
    return CompletedSale(
        sale["id"], receipt_no, cart.total, settlement.change, opens, tuple(documents)
    )
