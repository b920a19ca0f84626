"""Customer lookup (type-ahead over the FTS5 index) and the customer panel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from counterpos.domain.money import Money
from counterpos.services.errors import NotFound
from counterpos.services.station import Station
from counterpos.store.models import (
    CentralLedgerEntry,
    Customer,
    LedgerEntry,
    License,
    UtilityAccount,
)


@dataclass(frozen=True)
class CustomerHit:
    customer_id: str
    name: str
    address: str
    phone: str
    accounts: str


@dataclass(frozen=True)
class AccountView:
    account_id: str
    account_no: str
    service_address: str
    customer_class: str
    status: str
    balance: Money
    due_date: date | None


@dataclass(frozen=True)
class LicenseView:
    kind: str
    license_no: str
    tag_no: str
    description: str
    expires_on: date | None


@dataclass(frozen=True)
class CustomerPanel:
    customer_id: str
    customer_no: str
    name: str
    phone: str
    mailing_address: str
    accounts: tuple[AccountView, ...]
    licenses: tuple[LicenseView, ...]


_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+")


def fts_query(user_text: str) -> str | None:
    """Turn what the cashier typed into an FTS5 prefix query: every word must match."""
    tokens = _TOKEN.findall(user_text)
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def search(station: Station, user_text: str, limit: int = 20) -> list[CustomerHit]:
    query = fts_query(user_text)
    if query is None:
        return []
    with station.store.read() as s:
        return search_in(s, query, limit)


def search_in(session: Session, query: str, limit: int) -> list[CustomerHit]:
    rows = session.execute(
        text(
            "SELECT customer_id, name, address, phone, accounts FROM customer_search "
            "WHERE customer_search MATCH :q ORDER BY rank LIMIT :n"
        ),
        {"q": query, "n": limit},
    ).all()
    return [CustomerHit(r.customer_id, r.name, r.address, r.phone, r.accounts) for r in rows]


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def index_customer(session: Session, customer_id: str) -> None:
    """(Re)write one customer's row of the search index from the tables."""
    cust = session.get(Customer, customer_id)
    if cust is None:
        return
    accounts = session.scalars(
        select(UtilityAccount).where(UtilityAccount.customer_id == customer_id)
    ).all()
    licenses = session.scalars(select(License).where(License.customer_id == customer_id)).all()
    addresses = [a.service_address for a in accounts] or [cust.mailing_address]
    phone = cust.phone
    session.execute(
        text("DELETE FROM customer_search WHERE customer_id = :id"), {"id": customer_id}
    )
    session.execute(
        text(
            "INSERT INTO customer_search (customer_id, name, accounts, address, phone, licenses) "
            "VALUES (:id, :name, :accounts, :address, :phone, :licenses)"
        ),
        {
            "id": customer_id,
            "name": cust.display_name,
            "accounts": " ".join([cust.customer_no] + [a.account_no for a in accounts]),
            "address": " · ".join(addresses),
            "phone": f"{phone} {_digits(phone)}" if phone else "",
            "licenses": " ".join(
                filter(None, [x.license_no for x in licenses] + [x.tag_no for x in licenses])
            ),
        },
    )


# Entries that move the deposit the city holds, not the balance due (services/utility_service.py).
DEPOSIT_TYPES = ("deposit", "deposit_applied", "deposit_refund", "deposit_transfer")


def account_balance(session: Session, account_id: str) -> Money:
    """This station's ledger plus the entries made elsewhere that sync pulled down, each once."""
    cents = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
            LedgerEntry.account_id == account_id,
            LedgerEntry.entry_type.not_in(DEPOSIT_TYPES),
        )
    )
    elsewhere = session.scalar(
        select(func.coalesce(func.sum(CentralLedgerEntry.amount_cents), 0)).where(
            CentralLedgerEntry.account_id == account_id,
            ~select(LedgerEntry.id).where(LedgerEntry.id == CentralLedgerEntry.id).exists(),
        )
    )
    return Money(int(cents) + int(elsewhere))


def panel(station: Station, customer_id: str) -> CustomerPanel:
    with station.store.read() as s:
        cust = s.get(Customer, customer_id)
        if cust is None:
            raise NotFound("That customer is no longer on file.")
        accounts = tuple(
            AccountView(
                a.id,
                a.account_no,
                a.service_address,
                a.customer_class,
                a.status,
                account_balance(s, a.id),
                a.due_date,
            )
            for a in s.scalars(
                select(UtilityAccount)
                .where(UtilityAccount.customer_id == customer_id)
                .order_by(UtilityAccount.account_no)
            )
        )
        licenses = tuple(
            LicenseView(x.kind, x.license_no, x.tag_no, x.description, x.expires_on)
            for x in s.scalars(
                select(License)
                .where(License.customer_id == customer_id)
                .order_by(License.expires_on.desc())
            )
        )
        return CustomerPanel(
            cust.id,
            cust.customer_no,
            cust.display_name,
            cust.phone,
            cust.mailing_address,
            accounts,
            licenses,
        )


def account_by_number(station: Station, account_no: str) -> AccountView:
    with station.store.read() as s:
        a = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no.strip()))
        if a is None:
            raise NotFound(f"There is no utility account {account_no.strip()}.")
        return AccountView(
            a.id,
            a.account_no,
            a.service_address,
            a.customer_class,
            a.status,
            account_balance(s, a.id),
            a.due_date,
        )
