"""Finding saved sales and building their receipt documents."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from counterpos.domain.document_language import date_text, either, label
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import ReceiptDocument, ReceiptLine, ReceiptTender
from counterpos.domain.receipt_number import ReceiptNumberError, parse_receipt_no
from counterpos.domain.tenders import LABELS
from counterpos.services import settings
from counterpos.services.clock import to_local
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.catalog import line_name
from counterpos.services.station import Station
from counterpos.store.models import (
    Customer,
    IssuedDocument,
    LedgerEntry,
    Sale,
    SaleLine,
    TenderRow,
    User,
    UtilityAccount,
)
from counterpos.store.models.customer import display_name

if TYPE_CHECKING:
    from counterpos.services.sale.sales import CompletedSale


def _tender_detail(t) -> str:
    if t.kind in (TenderKind.CHECK, TenderKind.MONEY_ORDER):
        return f"No. {t.reference}" + (f", {t.payer}" if t.payer else "")
    if t.kind == TenderKind.CARD:
        if t.payer:  # a card approved earlier, attached to the sale rung again, names itself
            return t.payer + (f", auth {t.reference}" if t.reference else "")
        return f"{t.card_brand.upper()} ****{t.card_last4}" + (
            f" auth {t.reference}" if t.reference else ""
        )
    return ""


def _line_details(
    line: Any, account_no: str | None, docs: Sequence[Any], language: str = "en"
) -> tuple[str, ...]:
    """What a line says under it, in the receipt's language; a document's period with the
    month spelled ("Feb 01, 2026–Feb 28, 2026"), never 02/01/2026."""
    out = []
    if account_no:
        out.append(f"{label('Account', language)} {account_no}")
    d = line.details or {}
    for key, name in (
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
            out.append(f"{label(name, language)}: {d[key]}")
    for doc in docs:
        if doc.sale_line_id == line.id:
            period = ""
            if doc.valid_from and doc.valid_to:
                period = (
                    f" {date_text(doc.valid_from, language)}–{date_text(doc.valid_to, language)}"
                )
            out.append(f"{_doc_name(doc.doc_type, language)} {doc.doc_no}{period}")
    return tuple(out)


def _doc_name(doc_type: str, language: str) -> str:
    """ "Yard sale permit" / "Permiso de venta de garaje" for `yard_sale_permit`."""
    return label(doc_type.replace("_", " ").capitalize(), language)


def _checked_number(receipt_no: str) -> str:
    try:
        parse_receipt_no(receipt_no)
    except ReceiptNumberError as exc:
        raise InputError(exc, field="receipt_no") from exc
    return receipt_no.strip().upper()


def load_sale(session: Session, receipt_no: str) -> Sale:
    number = _checked_number(receipt_no)
    sale = session.scalar(select(Sale).where(Sale.receipt_no == number))
    if sale is None:
        raise NotFound("There is no receipt {number} at this station.", number=number)
    return sale


# The receipt is read back with a few plain queries (no ORM objects): it sits between
# "Complete" and the printer, so it must cost little more than the layout itself.
_HEAD = (
    select(
        Sale.id,
        Sale.station_code,
        Sale.receipt_no,
        Sale.kind,
        Sale.created_at,
        User.full_name,
        Customer.first_name,
        Customer.last_name,
        Customer.business_name,
        Customer.customer_no,
        Customer.preferred_language,
    )
    .outerjoin(User, User.id == Sale.user_id)
    .outerjoin(Customer, Customer.id == Sale.customer_id)
    .where(Sale.id == bindparam("sale_id"))
)
_LINES = (
    select(
        SaleLine.id,
        SaleLine.service_code,
        SaleLine.description,
        SaleLine.amount_cents,
        SaleLine.quantity,
        SaleLine.details,
        SaleLine.account_id,
        UtilityAccount.account_no,
    )
    .outerjoin(UtilityAccount, UtilityAccount.id == SaleLine.account_id)
    .where(SaleLine.sale_id == bindparam("sale_id"))
    .order_by(SaleLine.line_no)
)
_TENDERS = (
    select(TenderRow).where(TenderRow.sale_id == bindparam("sale_id")).order_by(TenderRow.position)
)
_DOCS = select(
    IssuedDocument.sale_line_id,
    IssuedDocument.doc_type,
    IssuedDocument.doc_no,
    IssuedDocument.valid_from,
    IssuedDocument.valid_to,
).where(IssuedDocument.sale_id == bindparam("sale_id"))
_VOIDED_BY = (
    select(Sale.receipt_no, Sale.created_at)
    .where(Sale.original_sale_id == bindparam("sale_id"), Sale.kind == SaleKind.VOID)
    .limit(1)
)


def voided_by(session: Session, sale_id: str, language: str = "en") -> str:
    """ "Voided by CH1-V000123 on Nov 30, 2026" ("Anulado por CH1-V000123 el 30 nov 2026" in
    Spanish, both in "both") when a void points at the sale, else ""."""
    void = session.connection().execute(_VOIDED_BY, {"sale_id": sale_id}).first()
    if void is None:
        return ""
    day = to_local(void.created_at).date()
    english = f"Voided by {void.receipt_no} on {date_text(day, 'en')}"
    spanish = f"Anulado por {void.receipt_no} el {date_text(day, 'es')}"
    return either(english, spanish, language)


# The account's balance as of this line's own ledger entry (or the sale, for a line without
# one): later payments do not change what this receipt says was left to pay.
_BALANCE_AFTER = select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
    LedgerEntry.account_id == bindparam("account_id"),
    LedgerEntry.created_at
    <= func.coalesce(
        select(LedgerEntry.created_at)
        .where(LedgerEntry.sale_line_id == bindparam("line_id"))
        .limit(1)
        .scalar_subquery(),
        bindparam("sale_at"),
    ),
    LedgerEntry.entry_type.not_in(DEPOSIT_TYPES),
)
_SALE_ID = select(Sale.id).where(Sale.receipt_no == bindparam("receipt_no"))


def sale_id_for(session: Session, receipt_no: str) -> str:
    """The id of the sale with this receipt number (checked), without loading the sale."""
    number = _checked_number(receipt_no)
    sale_id = session.execute(_SALE_ID, {"receipt_no": number}).scalar()
    if sale_id is None:
        raise NotFound("There is no receipt {number} at this station.", number=number)
    return sale_id


def document_language(setting: str, preferred: str | None) -> str:
    """The language of a customer document: `receipt.language` (customer, en, es, both); with
    "customer", the customer's preferred language, English for a sale without a customer."""
    if setting in ("en", "es", "both"):
        return setting
    return preferred if preferred in ("en", "es") else "en"


def customer_language(
    session: Session, customer_id: str | None, values: Mapping[str, str] | None = None
) -> str:
    """The language of a document for this customer (None: no customer), as `receipt.language`
    sets it: their certificates, letters and the customer display follow their receipts."""
    setting = (values or {}).get("receipt.language") or settings.get(session, "receipt.language")
    preferred = None
    if customer_id is not None and setting not in ("en", "es", "both"):
        preferred = session.scalar(
            select(Customer.preferred_language).where(Customer.id == customer_id)
        )
    return document_language(setting, preferred)


def build_document(session: Session, sale: Sale, reprint_count: int = 0) -> ReceiptDocument:
    return document_for(session, sale.id, reprint_count)


def document_for(
    session: Session,
    sale_id: str,
    reprint_count: int = 0,
    values: Mapping[str, str] | None = None,
) -> ReceiptDocument:
    """The receipt of a saved sale, read back from the store: what was saved is what prints.

    `values` are the station's settings when the caller has read them already."""
    conn = session.connection()
    key = {"sale_id": sale_id}
    head = conn.execute(_HEAD, key).one()
    docs = conn.execute(_DOCS, key).all()
    conf = values if values is not None else settings.all_values(session)  # the seven it shows
    language = document_language(conf.get("receipt.language", "customer"), head.preferred_language)
    lines = []
    balances: list[tuple[str, Money]] = []
    for line in conn.execute(_LINES, key):
        lines.append(
            ReceiptLine(
                line_name(line.service_code, line.description, language),
                Money(line.amount_cents),
                line.quantity,
                _line_details(line, line.account_no, docs, language),
            )
        )
        if line.account_no is not None and line.account_no not in [b[0] for b in balances]:
            cents = conn.execute(
                _BALANCE_AFTER,
                {"account_id": line.account_id, "line_id": line.id, "sale_at": head.created_at},
            ).scalar()
            balances.append((line.account_no, Money(int(cents or 0))))
    tenders = tuple(
        ReceiptTender(
            LABELS.get(t.kind, t.kind),
            Money(t.amount_cents),
            _tender_detail(t),
            Money(t.tendered_cents) if t.kind == TenderKind.CASH else None,
            Money(t.change_cents) if t.change_cents else None,
        )
        for t in conn.execute(_TENDERS, key)
    )
    footer = (
        (conf["receipt.footer_es"],)
        if language == "es"
        else (
            conf["receipt.footer_en"],
            conf["receipt.footer_es"],
        )
    )
    return ReceiptDocument(
        city_name=conf["city.name"],
        city_address=conf["city.address"],
        city_phone=conf["city.phone"],
        station_code=head.station_code,
        station_name=conf["station.name"],
        cashier=head.full_name or "",
        when=to_local(head.created_at),
        receipt_no=head.receipt_no,
        lines=tuple(lines),
        tenders=tenders,
        customer=display_name(
            head.first_name or "", head.last_name or "", head.business_name or ""
        ),
        customer_no=head.customer_no or "",
        balances=tuple(balances),
        footer=tuple(f for f in footer if f),
        language=language,
        title={SaleKind.SALE: "RECEIPT", SaleKind.VOID: "VOID", SaleKind.REFUND: "REFUND"}.get(
            head.kind, head.kind.upper()
        ),
        reprint_count=reprint_count,
        voided=voided_by(session, head.id, language) if head.kind == SaleKind.SALE else "",
        documents=tuple(f"{_doc_name(d.doc_type, language)} {d.doc_no}" for d in docs),
        training=conf.get("station.training") == "on",
    )


def receipt_document(station: Station, receipt_no: str, reprint_count: int = 0) -> ReceiptDocument:
    with station.store.read() as s:
        return document_for(s, sale_id_for(s, receipt_no), reprint_count)


def with_receipt(station: Station, completed: CompletedSale) -> CompletedSale:
    """The saved sale with its receipt read back from the store, once: the tender dialog shows
    it and services/devices/after_sale.py prints it as it is, without building it again."""
    if completed.receipt is not None:
        return completed
    with station.store.read() as s:
        return dataclasses.replace(completed, receipt=document_for(s, completed.sale_id))
