"""Voiding a sale of the open session: a new "void" sale row that mirrors and cancels the original."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
from counterpos.domain.messages import word
from counterpos.domain.money import Money
from counterpos.domain.pan_guard import scrub
from counterpos.domain.receipt_document import ReceiptDocument
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale import receipts, service_rules
from counterpos.services.sessions import is_closed
from counterpos.services.station import Station
from counterpos.store import pan_boundary
from counterpos.store.models import (
    AuditEvent,
    IssuedDocument,
    LedgerEntry,
    Sale,
    SaleLine,
    TenderRow,
    User,
)
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import document_row, ledger_row, line_row, sale_row, tender_row

VOID_SUFFIX = "-V"


@dataclass(frozen=True)
class VoidResult:
    void_id: str
    receipt_no: str  # the original's number: a void keeps it
    total: Money  # what the original sale came to
    cash_back: Money  # cash to hand back to the customer
    documents_voided: tuple[str, ...]
    approver: str


def void_receipt_no(receipt_no: str) -> str:
    """The void row's own key: the original number with -V, so the number stays the same."""
    return f"{receipt_no}{VOID_SUFFIX}"


def void_sale(
    station: Station,
    actor: Actor,
    receipt_no: str,
    reason: str,
    approval: Approval | None = None,
) -> VoidResult:
    """Void a sale of a still-open session. Needs `void` (a supervisor, or an override)."""
    reason = reason.strip()
    if not reason:
        raise InputError("Give the reason for the void.", field="reason")
    if len(reason) > 200:
        raise InputError("Keep the reason under 200 characters.", field="reason")
    pan_boundary.check("sale", "note", reason, label="The reason")  # printed on the VOID slip
    with station.store.write() as s:
        sale = receipts.load_sale(s, receipt_no)
        if sale.kind != SaleKind.SALE:
            raise StateError(
                "{receipt_no} is a {kind}, not a sale; it cannot be voided.",
                receipt_no=sale.receipt_no,
                kind=word(sale.kind),
            )
        if s.scalar(
            select(Sale.id).where(Sale.original_sale_id == sale.id, Sale.kind == SaleKind.VOID)
        ):
            raise StateError("Receipt {receipt_no} is already voided.", receipt_no=sale.receipt_no)
        if s.scalar(
            select(Sale.id).where(Sale.original_sale_id == sale.id, Sale.kind == SaleKind.REFUND)
        ):
            raise StateError(
                "Receipt {receipt_no} has a refund; it can no longer be voided.",
                receipt_no=sale.receipt_no,
            )
        if sale.station_code != station.code:
            raise StateError("Only this station's own sales can be voided here.")
        if is_closed(s, sale.session_id):
            raise StateError(
                "Receipt {receipt_no} belongs to a closed drawer session; refund it instead.",
                receipt_no=sale.receipt_no,
            )
        approver = overrides.authorise(
            actor, "void", approval, what="void a sale", owner_user_id=sale.user_id
        )
        now = utcnow()
        void = sale_row(
            kind=SaleKind.VOID,
            receipt_no=void_receipt_no(sale.receipt_no),
            station_code=sale.station_code,
            sequence=sale.sequence,
            original_sale_id=sale.id,
            session_id=sale.session_id,
            user_id=actor.user_id,
            approver_id=approver.user_id if approver else None,
            customer_id=sale.customer_id,
            total_cents=-sale.total_cents,
            change_cents=-sale.change_cents,
            note=reason,
            created_at=now,
        )
        lines = [
            line_row(
                sale_id=void["id"],
                line_no=line.line_no,
                service_code=line.service_code,
                description=f"VOID {line.description}"[:200],
                quantity=line.quantity,
                amount_cents=-line.amount_cents,
                gl_account=line.gl_account,
                account_id=line.account_id,
                details={"voids_line_id": line.id},
            )
            for line in sale.lines
        ]
        line_map = {line.id: mirror["id"] for line, mirror in zip(sale.lines, lines, strict=True)}
        entries = []
        if line_map:
            entries = [
                ledger_row(
                    account_id=entry.account_id,
                    entry_type=EntryType.REVERSAL,
                    amount_cents=-entry.amount_cents,
                    memo=f"Void of receipt {sale.receipt_no}: {reason}"[:400],
                    sale_line_id=line_map[str(entry.sale_line_id)],  # selected by it below
                    reverses_id=entry.id,
                    station_code=station.code,
                    created_at=now,
                )
                for entry in s.scalars(
                    select(LedgerEntry).where(LedgerEntry.sale_line_id.in_(list(line_map)))
                )
            ]
        tenders = [
            tender_row(
                sale_id=void["id"],
                position=t.position,
                kind=TenderKind(t.kind),
                amount_cents=-t.amount_cents,
                tendered_cents=-t.tendered_cents,
                change_cents=-t.change_cents,
                reference=t.reference,
                payer=t.payer,
                card_brand=t.card_brand,
                card_last4=t.card_last4,
            )
            for t in sale.tenders
        ]
        cash_back = sum(t.amount_cents for t in sale.tenders if t.kind == TenderKind.CASH)
        documents = [
            document_row(
                sale_id=void["id"],
                sale_line_id=line_map[doc.sale_line_id],
                doc_type=doc.doc_type,
                doc_no=doc.doc_no,
                holder=doc.holder,
                valid_from=doc.valid_from,
                valid_to=doc.valid_to,
                details={"status": "void", "voids_document_id": doc.id, "reason": reason},
                created_at=now,
            )
            for doc in s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == sale.id))
        ]
        voided_docs = [doc["doc_no"] for doc in documents]
        event = audit.event_row(
            s,
            station.code,
            "void",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=sale.receipt_no,
            details={
                "reason": reason,
                "total_cents": sale.total_cents,
                "cashier_id": sale.user_id,
                "documents_voided": voided_docs,
            },
            at=now,
        )
        insert_synced(
            s,
            [
                (Sale, [void]),
                (SaleLine, lines),
                (LedgerEntry, entries),
                (TenderRow, tenders),
                (IssuedDocument, documents),
                (AuditEvent, [event]),
            ],
        )
        # Each service undoes its own side effects: tags back to stock, licenses voided.
        service_rules.void_sale_lines(s, station.code, sale)
    overrides.spend(approval)
    return VoidResult(
        void["id"],
        sale.receipt_no,
        Money(sale.total_cents),
        Money(cash_back),
        tuple(voided_docs),
        approver.username if approver else "",
    )


def voided_sales():
    """Ids of sales a void points at: what they issued no longer counts (a subquery)."""
    return select(Sale.original_sale_id).where(
        Sale.kind == SaleKind.VOID, Sale.original_sale_id.is_not(None)
    )


def is_voided(station: Station, receipt_no: str) -> bool:
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        return (
            s.scalar(
                select(Sale.id).where(Sale.original_sale_id == sale.id, Sale.kind == SaleKind.VOID)
            )
            is not None
        )


def void_slip(station: Station, receipt_no: str) -> ReceiptDocument:
    """The VOID slip: the original receipt under the title VOID, with who, when and why."""
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        void = s.scalar(
            select(Sale).where(Sale.original_sale_id == sale.id, Sale.kind == SaleKind.VOID)
        )
        if void is None:
            raise StateError("Receipt {receipt_no} is not voided.", receipt_no=sale.receipt_no)
        doc = receipts.build_document(s, sale)
        by = s.get(User, void.user_id)
        approver = s.get(User, void.approver_id) if void.approver_id else None
        notes = [
            f"VOIDED {to_local(void.created_at):%m/%d/%Y %I:%M %p} by {by.full_name if by else ''}",
        ]
        if approver:
            notes.append(f"Approved by {approver.full_name}")
        notes.append(f"Reason: {void.note}")
        for t in sale.tenders:
            if t.kind == TenderKind.CASH:
                notes.append(f"Hand back {Money(t.amount_cents)} in cash")
            elif t.kind in (TenderKind.CHECK, TenderKind.MONEY_ORDER):
                label = "check" if t.kind == TenderKind.CHECK else "money order"
                notes.append(f"Hand back {label} No. {t.reference} ({Money(t.amount_cents)})")
            elif t.kind == TenderKind.CARD:
                notes.append(
                    f"Reverse the card payment ****{t.card_last4} ({Money(t.amount_cents)})"
                )
        notes.extend(f"Document {d} is void" for d in doc.documents)
        # What the slip prints never carries a card number, whatever was stored before.
        return replace(doc, title="VOID", notes=tuple(scrub(n) for n in notes))
