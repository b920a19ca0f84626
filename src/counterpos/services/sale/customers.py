"""Customer lookup (type-ahead over the FTS5 index) and the customer panel."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store import customer_index, plain_read
from counterpos.store.balances import account_balance
from counterpos.store.models import (
    Customer,
    License,
    UtilityAccount,
)
from counterpos.store.outbox import enqueue


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
    preferred_language: str = "en"  # their receipts' and documents' language


_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÿ]+")
_FIELDS = "rowid, customer_id, sort_key, name, address, phone, accounts"
_ANY = "{name accounts address phone licenses}"


@dataclass(frozen=True)
class Tier:
    """One kind of match: an FTS5 query on one of the index tables, and `licenses`, when the
    kind of match covers license numbers, the query on the license documents (their owners
    are listed with the table's matches, in name order)."""

    table: str
    match: str
    licenses: str | None = None


# What the lookup reads of a query: a pasted page of text or digits is cut to this before any
# index is asked (no name, number or address the index holds comes near these lengths).
MAX_QUERY_CHARS = 100
MAX_WORDS = 8
MAX_WORD_CHARS = 40


def _tokens(user_text: str) -> list[str]:
    words = _TOKEN.findall(user_text[:MAX_QUERY_CHARS])[:MAX_WORDS]
    return [customer_index.fold(t[:MAX_WORD_CHARS]) for t in words]


def _all(tokens: list[str]) -> str:
    return " AND ".join(f'"{t}"*' for t in tokens)


def fts_query(user_text: str) -> str | None:
    """Every word of what the cashier typed as one FTS5 prefix query on `customer_search`."""
    tokens = _tokens(user_text)
    return f"{_ANY} : ({_all(tokens)})" if tokens else None


def lookup_tiers(user_text: str) -> list[Tier]:
    """The kinds of match, best first; each tier lists its customers in name order.

    One word: surname or business name first, then a name holding it anywhere (a first name),
    then service address, then any field. Several words: a name holding them all (in name
    order that lists "maria lopez" under Lopez), then address, then any field. Numbers: the start of
    an account, customer, phone or license number, then a house number, then the digits
    anywhere inside one of those numbers.
    """
    tokens = _tokens(user_text)
    if not tokens:
        return []
    words = [t for t in tokens if not t.isdigit()]
    every = _all(tokens)
    if words:
        tiers = [
            Tier("customer_search_name", every),
            Tier("customer_search_address", every),
            Tier("customer_search", f"{_ANY} : ({every})", f"{{licenses}} : ({every})"),
        ]
        if len(tokens) == 1:  # one word: surnames (and business names) come first
            tiers.insert(0, Tier("customer_search_last", every))
        return tiers
    digits = "".join(tokens)
    tiers = [
        Tier(
            "customer_search",
            f"{{accounts phone licenses}} : ({every})",
            f"{{licenses}} : ({every})",
        ),
        Tier("customer_search_address", every),
    ]
    if len(digits) >= customer_index.MIN_SUFFIX:
        tiers.append(Tier("customer_search_digits", f'"{digits}"*', f'{{digits}} : "{digits}"*'))
    return tiers


def search(station: Station, user_text: str, limit: int = 20) -> list[CustomerHit]:
    """Type-ahead: the `limit` best matches, by tier (see `lookup_tiers`), then in name order."""
    tiers = lookup_tiers(user_text)
    if not tiers:
        return []
    with station.store.read() as s:
        return search_in(s, tiers, limit)


def _rows(conn, rowids: list[int]) -> list:
    if not rowids:
        return []
    marks = ",".join(str(int(r)) for r in rowids)
    return conn.execute(
        text(f"SELECT {_FIELDS} FROM customer_search WHERE rowid IN ({marks}) ORDER BY rowid")
    ).all()


def search_in(session: Session, tiers: list[Tier], limit: int) -> list[CustomerHit]:
    conn = session.connection()
    hits: list[CustomerHit] = []
    seen: set[str] = set()
    for tier in tiers:
        need = limit - len(hits)
        if need <= 0:
            break
        wanted = need + len(seen)
        rowids = list(
            conn.execute(
                text(
                    f"SELECT rowid FROM {tier.table} WHERE {tier.table} MATCH :q "
                    "ORDER BY rowid LIMIT :n"
                ),
                {"q": tier.match, "n": wanted},
            ).scalars()
        )
        if tier.licenses is not None:
            owners = _license_owners(conn, tier.licenses, wanted)
            rowids = sorted(set(rowids).union(owners))[:wanted]
        # Rowids are in name order (store/customer_index.py): no sorting here.
        fresh = [r for r in _rows(conn, rowids) if r.customer_id not in seen]
        for r in fresh[:need]:
            seen.add(r.customer_id)
            hits.append(CustomerHit(r.customer_id, r.name, r.address, r.phone, r.accounts))
    return hits


_LICENSE_MATCH = (
    f"SELECT rowid FROM {customer_index.LICENSE_TABLE} "
    f"WHERE {customer_index.LICENSE_TABLE} MATCH ? ORDER BY rowid"
)


def _license_owners(conn, match: str, wanted: int) -> list[int]:
    """The first `wanted` customers (their rowids, in name order) holding a license that
    matches: the documents come in rowid order, a customer's together, so the reading stops
    as soon as there are enough (on the driver's cursor, which reads them as they come)."""
    owners: list[int] = []
    cursor = conn.connection.driver_connection.cursor()
    try:
        for (rowid,) in cursor.execute(_LICENSE_MATCH, (match,)):
            owner = customer_index.owner_of(rowid)
            if not owners or owners[-1] != owner:
                owners.append(owner)
                if len(owners) >= wanted:
                    break
    except conn.dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
        raise DBAPIError.instance(
            _LICENSE_MATCH, (match,), exc, conn.dialect.loaded_dbapi.Error
        ) from exc
    finally:
        cursor.close()
    return owners


def rebuild_search_index(session: Session) -> None:
    """Rebuild the whole customer search index from the tables (see store/customer_index.py)."""
    customer_index.rebuild(session.connection())


_INDEX_CUSTOMER = select(
    Customer.id,
    Customer.customer_no,
    Customer.first_name,
    Customer.last_name,
    Customer.business_name,
    Customer.phone,
    Customer.mailing_address,
).where(Customer.id == bindparam("id"))
_INDEX_ACCOUNTS = (
    select(UtilityAccount.account_no, UtilityAccount.service_address)
    .where(UtilityAccount.customer_id == bindparam("id"))
    .order_by(UtilityAccount.account_no)
)
_INDEX_LICENSES = select(License.license_no, License.tag_no).where(
    License.customer_id == bindparam("id")
)


def index_customer(session: Session, customer_id: str) -> None:
    """(Re)write one customer's row of the search index from the tables (only the columns
    it shows; a sale that issues a license calls this, so it reads no whole records)."""
    session.flush()  # what this transaction changed is what the index reads
    conn = session.connection()
    cust = plain_read.first(conn, _INDEX_CUSTOMER, {"id": customer_id})
    if cust is None:
        return
    accounts = plain_read.rows(conn, _INDEX_ACCOUNTS, {"id": customer_id})
    licenses = plain_read.rows(conn, _INDEX_LICENSES, {"id": customer_id})
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
        [f"{x.license_no} {x.tag_no or ''}" for x in licenses],
    )
    customer_index.put(conn, row)


def index_new_license(session: Session, customer_id: str, license_no: str, tag_no: str) -> bool:
    """A license just issued to `customer_id` is found by the lookup at once: its document is
    added to the customer's (store/customer_index.add_license), without reading the license
    table. False when the customer has no row in the index yet: then index them whole
    (`index_customer`) once the license is in the tables."""
    conn = plain_read.connection_of(session)
    return customer_index.add_license(conn, customer_id, license_no, tag_no)


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
            cust.preferred_language or "en",
        )


def account_by_number(station: Station, account_no: str) -> AccountView:
    with station.store.read() as s:
        a = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no.strip()))
        if a is None:
            raise NotFound(
                "There is no utility account {account_no}.", account_no=account_no.strip()
            )
        return AccountView(
            a.id,
            a.account_no,
            a.service_address,
            a.customer_class,
            a.status,
            account_balance(s, a.id),
            a.due_date,
        )


def set_preferred_language(
    station: Station, actor: Actor, customer_id: str, language: str
) -> CustomerPanel:
    """The customer asked for their receipts and documents in `language` ("en", "es")."""
    from counterpos.services.language import LANGUAGES  # noqa: PLC0415

    actor.require("sell", "take payments")
    if language not in LANGUAGES:
        raise InputError("Choose English or Spanish.", field="language")
    with station.store.write() as s:
        cust = s.get(Customer, customer_id)
        if cust is None:
            raise NotFound("That customer is no longer on file.")
        if cust.preferred_language != language:
            audit.record(
                s,
                station.code,
                "customer_language",
                actor=actor.username,
                target=cust.customer_no,
                details={"from": cust.preferred_language, "to": language},
            )
            cust.preferred_language = language
            enqueue(s, cust)  # to the centre, and from there to every counter (c0008)
    return panel(station, customer_id)
