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
from counterpos.store import customer_index
from counterpos.store.models import Customer, LedgerEntry, License, UtilityAccount


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
_FIELDS = "rowid, customer_id, sort_key, name, address, phone, accounts"


def _tokens(user_text: str) -> list[str]:
    return [customer_index.fold(t) for t in _TOKEN.findall(user_text)]


def _all(tokens: list[str]) -> str:
    return " AND ".join(f'"{t}"*' for t in tokens)


def fts_query(user_text: str) -> str | None:
    """Every word of what the cashier typed as an FTS5 prefix query (any column)."""
    tokens = _tokens(user_text)
    return (
        f"{{name last accounts address phone licenses digits}} : ({_all(tokens)})"
        if tokens
        else None
    )


def lookup_tiers(user_text: str) -> list[str]:
    """FTS5 queries from the best kind of match to the loosest; each tier lists in name order.

    Words: surname first (a surname or business name starts with one of the words and the whole
    name holds them all), then name anywhere, then service address, then any field. Numbers: the
    start of an account, customer, phone or license number, then a house number, then the
    digits anywhere inside an account, customer, phone or license number.
    """
    tokens = _tokens(user_text)
    if not tokens:
        return []
    words = [t for t in tokens if not t.isdigit()]
    every = _all(tokens)
    if words:
        surname = " OR ".join(f'"{t}"*' for t in words)
        return [
            f"{{last}} : ({surname}) AND {{name}} : ({every})",
            f"{{name}} : ({every})",
            f"{{address}} : ({every})",
            f"{{name last accounts address phone licenses}} : ({every})",
        ]
    digits = "".join(tokens)
    tiers = [f"{{accounts phone licenses}} : ({every})", f"{{address}} : ({every})"]
    if len(digits) >= customer_index.MIN_SUFFIX:
        tiers.append(f'{{digits}} : ("{digits}"*)')
    return tiers


def search(station: Station, user_text: str, limit: int = 20) -> list[CustomerHit]:
    """Type-ahead: the `limit` best matches, by tier (see `lookup_tiers`), then in name order."""
    tiers = lookup_tiers(user_text)
    if not tiers:
        return []
    with station.store.read() as s:
        return search_in(s, tiers, limit)


def search_in(session: Session, tiers: list[str] | str, limit: int) -> list[CustomerHit]:
    if isinstance(tiers, str):
        tiers = [tiers]
    conn = session.connection()
    hits: list[CustomerHit] = []
    seen: set[str] = set()
    for query in tiers:
        need = limit - len(hits)
        if need <= 0:
            break
        rows = conn.execute(
            text(
                f"SELECT {_FIELDS} FROM customer_search WHERE customer_search MATCH :q "
                "ORDER BY rowid LIMIT :n"
            ),
            {"q": query, "n": need + len(seen)},
        ).all()
        fresh = [r for r in rows if r.customer_id not in seen]
        if len(fresh) >= need:
            # Rowids are in name order only down to the first letters of the name: everyone
            # who shares the last hit's letters is fetched and sorted exactly.
            low, high = customer_index.rowid_range(fresh[need - 1].sort_key)
            group = conn.execute(
                text(
                    f"SELECT {_FIELDS} FROM customer_search WHERE customer_search MATCH :q "
                    "AND rowid BETWEEN :lo AND :hi"
                ),
                {"q": query, "lo": low, "hi": high},
            ).all()
            fresh = [r for r in fresh if r.rowid < low] + [
                r for r in group if r.customer_id not in seen
            ]
        fresh.sort(key=lambda r: r.sort_key)
        for r in fresh[:need]:
            seen.add(r.customer_id)
            hits.append(CustomerHit(r.customer_id, r.name, r.address, r.phone, r.accounts))
    return hits


def index_customer(session: Session, customer_id: str) -> None:
    """(Re)write one customer's row of the search index from the tables."""
    cust = session.get(Customer, customer_id)
    if cust is None:
        return
    accounts = session.scalars(
        select(UtilityAccount)
        .where(UtilityAccount.customer_id == customer_id)
        .order_by(UtilityAccount.account_no)
    ).all()
    licenses = session.scalars(select(License).where(License.customer_id == customer_id)).all()
    row = customer_index.make_row(
        cust.id,
        cust.customer_no,
        cust.first_name,
        cust.last_name,
        cust.business_name,
        cust.phone,
        cust.mailing_address,
        [a.account_no for a in accounts],
        [a.service_address for a in accounts],
        [n for x in licenses for n in (x.license_no, x.tag_no) if n],
    )
    customer_index.put(session.connection(), row)


def account_balance(session: Session, account_id: str) -> Money:
    cents = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
            LedgerEntry.account_id == account_id
        )
    )
    return Money(int(cents))


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
