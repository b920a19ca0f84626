"""A sale that writes to every table a sale touches, and the row counts of those tables."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.sale import catalog, sales
from counterpos.store.models import (
    AuditEvent,
    IssuedDocument,
    LedgerEntry,
    OutboxRow,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
    UtilityAccount,
)

# The synced tables a sale writes a row to (the outbox aside).
SYNCED_BY_A_SALE = {"sale", "sale_line", "tender", "ledger_entry", "issued_document", "audit_event"}
WRITTEN_BY_A_SALE = (Sale, SaleLine, TenderRow, LedgerEntry, IssuedDocument, AuditEvent, OutboxRow)


def counts(station) -> dict[str, int]:
    with station.store.read() as s:
        out = {
            m.__tablename__: s.scalar(select(func.count()).select_from(m))
            for m in WRITTEN_BY_A_SALE
        }
        seq = s.get(ReceiptSequence, station.code)
        out["receipt_sequence"] = seq.last_value if seq else 0
        return out


def an_account(station) -> str:
    with station.store.read() as s:
        return s.scalar(select(UtilityAccount.account_no).order_by(UtilityAccount.account_no))


def full_cart(station, address: str = "77 Durable Way", days: str = "2") -> Cart:
    """A sale touching every table: a $45.10 payment to the first account (ledger) and a yard
    sale permit at `address` from three days on (document)."""
    start = date.today() + timedelta(days=3)
    return Cart(
        [
            catalog.price_line(
                station,
                "utility_payment",
                details={"account_no": an_account(station)},
                amount_text="45.10",
            ),
            catalog.price_line(
                station,
                "yard_sale_permit",
                details={"address": address, "start_date": start, "days": days},
            ),
        ]
    )


def two_tenders() -> list[Tender]:
    return [
        Tender("check", Money(4000), reference="2231", payer="Ana Reyes"),
        Tender("cash", Money(3000)),
    ]


def sell(station, cashier, drawer) -> sales.CompletedSale:
    return sales.complete_sale(
        station, cashier, drawer.session_id, full_cart(station), two_tenders()
    )
