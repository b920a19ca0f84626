"""Finding saved sales and building their receipt documents."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import ReceiptDocument, ReceiptLine, ReceiptTender
from counterpos.domain.receipt_number import ReceiptNumberError, parse_receipt_no
from counterpos.domain.tenders import LABELS
from counterpos.services import settings
from counterpos.services.clock import to_local
from counterpos.services.customers import DEPOSIT_TYPES
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import (
    Customer,
    IssuedDocument,
    LedgerEntry,
    Sale,
    User,
    UtilityAccount,
)


def _tender_detail(t) -> str:
    if t.kind in ("check", "money_order"):
        return f"No. {t.reference}" + (f", {t.payer}" if t.payer else "")
    if t.kind == "card":
        return f"{t.card_brand.upper()} ****{t.card_last4}" + (
            f" auth {t.reference}" if t.reference else ""
        )
    return ""


def _line_details(line, account_no: str | None, docs: list[IssuedDocument]) -> tuple[str, ...]:
    out = []
    if account_no:
        out.append(f"Account {account_no}")
    d = line.details or {}
    for key, label in (
        ("citation_no", "Citation"),
        ("license_no", "License"),
        ("tag_no", "Tag"),
        ("memo", "For"),
        ("animal_name", "Animal"),
        ("business_name", "Business"),
        ("card_no", "Card"),
        ("applicants", "Applicants"),
        ("state_fee", "Application fee"),
    ):
        if d.get(key):
            out.append(f"{label}: {d[key]}")
    for doc in docs:
        if doc.sale_line_id == line.id:
            period = ""
            if doc.valid_from and doc.valid_to:
                period = f" {doc.valid_from:%m/%d/%Y}–{doc.valid_to:%m/%d/%Y}"
            label = doc.doc_type.replace("_", " ").capitalize()
            out.append(f"{label} {doc.doc_no}{period}")
    return tuple(out)


def load_sale(session: Session, receipt_no: str) -> Sale:
    try:
        parse_receipt_no(receipt_no)
    except ReceiptNumberError as exc:
        raise InputError(str(exc), field="receipt_no") from exc
    sale = session.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip().upper()))
    if sale is None:
        raise NotFound(f"There is no receipt {receipt_no.strip().upper()} at this station.")
    return sale


def build_document(session: Session, sale: Sale, reprint_count: int = 0) -> ReceiptDocument:
    cashier = session.get(User, sale.user_id)
    customer = session.get(Customer, sale.customer_id) if sale.customer_id else None
    docs = list(session.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == sale.id)))
    lines = []
    balances: list[tuple[str, Money]] = []
    for line in sale.lines:
        account = session.get(UtilityAccount, line.account_id) if line.account_id else None
        lines.append(
            ReceiptLine(
                line.description,
                Money(line.amount_cents),
                line.quantity,
                _line_details(line, account.account_no if account else None, docs),
            )
        )
        if account is not None and account.account_no not in [b[0] for b in balances]:
            own = session.scalar(select(LedgerEntry).where(LedgerEntry.sale_line_id == line.id))
            cutoff = own.created_at if own else sale.created_at
            cents = session.scalar(
                select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                    LedgerEntry.account_id == account.id,
                    LedgerEntry.created_at <= cutoff,
                    LedgerEntry.entry_type.not_in(DEPOSIT_TYPES),
                )
            )
            balances.append((account.account_no, Money(int(cents))))
    tenders = tuple(
        ReceiptTender(
            LABELS.get(t.kind, t.kind),
            Money(t.amount_cents),
            _tender_detail(t),
            Money(t.tendered_cents) if t.kind == "cash" else None,
            Money(t.change_cents) if t.change_cents else None,
        )
        for t in sale.tenders
    )
    conf = settings.all_values(session)  # one query for the six settings a receipt shows
    return ReceiptDocument(
        city_name=conf["city.name"],
        city_address=conf["city.address"],
        city_phone=conf["city.phone"],
        station_code=sale.station_code,
        station_name=conf["station.name"],
        cashier=cashier.full_name if cashier else "",
        when=to_local(sale.created_at),
        receipt_no=sale.receipt_no,
        lines=tuple(lines),
        tenders=tenders,
        customer=customer.display_name if customer else "",
        customer_no=customer.customer_no if customer else "",
        balances=tuple(balances),
        footer=tuple(f for f in (conf["receipt.footer_en"], conf["receipt.footer_es"]) if f),
        title={"sale": "RECEIPT", "void": "VOID", "refund": "REFUND"}.get(
            sale.kind, sale.kind.upper()
        ),
        reprint_count=reprint_count,
        documents=tuple(f"{d.doc_type.replace('_', ' ')} {d.doc_no}" for d in docs),
    )


def receipt_document(station: Station, receipt_no: str, reprint_count: int = 0) -> ReceiptDocument:
    with station.store.read() as s:
        return build_document(s, load_sale(s, receipt_no), reprint_count)
