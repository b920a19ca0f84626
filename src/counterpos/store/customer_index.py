"""The customer lookup index (FTS5 `customer_search`): what goes in a row, and its rowid.

Type-ahead must list the best matches in name order without sorting every match: for "gar" a
city has tens of thousands of Garcias. So a row's rowid IS its place in name order: the high
bits encode the first letters of "last first" (5 bits a letter), the low bits number the people
who share them. FTS5 then returns matches in name order straight off its index, and
`ORDER BY rowid LIMIT 20` stops after twenty. Only people sharing the twentieth match's letters
need an exact sort (see `services/customers.py`).

Middle digits of an account or phone number are found through the `digits` table, which holds
every suffix (4 digits or more) of each number: "1361" is a prefix of the suffix "136107".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text

KEY_CHARS = 9  # letters of "last first" encoded in the rowid
TIE_BITS = 17  # people sharing those letters: up to 131,072
MIN_SUFFIX = 4  # shorter digit strings are found by the start of a number only

# The main table holds every field (what the till shows, and the "any field" search).
CREATE_FTS = (
    "CREATE VIRTUAL TABLE customer_search USING fts5("
    "customer_id UNINDEXED, sort_key UNINDEXED, name, accounts, address, phone, licenses, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', detail = column)"
)
# One narrow table per kind of match, same rowids: a surname search never wades through the
# thousands of people whose street or first name starts with the same letters.
SIDE_TABLES = {
    "customer_search_last": ("last", "1 2 3 4"),
    "customer_search_name": ("name", "2 3 4"),
    "customer_search_address": ("address", "2 3 4"),
    "customer_search_digits": ("digits", "4 5"),
}
CREATE_SIDE = tuple(
    f"CREATE VIRTUAL TABLE {table} USING fts5({column}, "
    f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefix}', detail = none)"
    for table, (column, prefix) in SIDE_TABLES.items()
)
# customer id -> its rowid in customer_search (the FTS table cannot index customer_id itself).
CREATE_KEYS = (
    "CREATE TABLE customer_search_key ("
    "customer_id VARCHAR(36) NOT NULL PRIMARY KEY, search_rowid INTEGER NOT NULL UNIQUE"
    ") WITHOUT ROWID"
)
ALL_TABLES = ("customer_search", *SIDE_TABLES, "customer_search_key")


def create(execute) -> None:
    """Create the index tables with `execute(sql)` (alembic's op.execute, or a connection's)."""
    for sql in (CREATE_FTS, *CREATE_SIDE, CREATE_KEYS):
        execute(sql)


def fold(value: str) -> str:
    """Lower case without accents: 'Peña' -> 'pena'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def sort_key(last: str, first: str, customer_no: str) -> str:
    """The order the cashier sees: last name, first name, then customer number."""
    return f"{fold(last).strip()}\x1f{fold(first).strip()}\x1f{customer_no}"


def _code(ch: str) -> int:
    """Letters 2..27; below 'a' (separator, spaces, digits) 1; above 'z' 28: never out of order."""
    if "a" <= ch <= "z":
        return 2 + ord(ch) - ord("a")
    return 1 if ch < "a" else 28


def key_prefix(key: str) -> int:
    """The sort key's first letters as a number whose order is the keys' order."""
    value = 0
    for ch in key[:KEY_CHARS].ljust(KEY_CHARS, "\x00"):
        value = value * 32 + (0 if ch == "\x00" else _code(ch))
    return value


def rowid_range(key: str) -> tuple[int, int]:
    """The rowids of everyone whose sort key starts with the same letters as `key`."""
    low = key_prefix(key) << TIE_BITS
    return low, low + (1 << TIE_BITS) - 1


def digit_suffixes(numbers: Iterable[str]) -> str:
    """Every suffix of at least MIN_SUFFIX digits of each number, space separated."""
    out: dict[str, None] = {}
    for number in numbers:
        digits = re.sub(r"\D", "", number)
        for i in range(0, len(digits) - MIN_SUFFIX + 1):
            out[digits[i:]] = None
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class IndexRow:
    customer_id: str
    sort_key: str
    name: str
    last: str
    accounts: str
    address: str
    phone: str
    licenses: str
    digits: str


def make_row(
    customer_id: str,
    customer_no: str,
    first_name: str,
    last_name: str,
    business_name: str,
    phone: str,
    mailing_address: str,
    account_nos: list[str],
    addresses: list[str],
    license_nos: list[str],
) -> IndexRow:
    person = f"{first_name} {last_name}".strip()
    name = f"{business_name} ({person})" if business_name and person else business_name or person
    last = last_name or business_name
    first = first_name if last_name else ""
    phone_digits = re.sub(r"\D", "", phone)
    return IndexRow(
        customer_id=customer_id,
        sort_key=sort_key(last, first, customer_no),
        name=name,
        last=last,
        accounts=" ".join([customer_no, *account_nos]),
        address=" · ".join(addresses or [mailing_address]),
        phone=f"{phone} {phone_digits}" if phone else "",
        licenses=" ".join(license_nos),
        digits=digit_suffixes([customer_no, *account_nos, phone, *license_nos]),
    )


_INSERT = text(
    "INSERT INTO customer_search (rowid, customer_id, sort_key, name, accounts, address, "
    "phone, licenses) VALUES (:rowid, :customer_id, :sort_key, :name, :accounts, :address, "
    ":phone, :licenses)"
)
_INSERT_SIDE = tuple(
    text(f"INSERT INTO {table} (rowid, {column}) VALUES (:rowid, :{column})")
    for table, (column, _) in SIDE_TABLES.items()
)
_INSERT_KEY = text(
    "INSERT INTO customer_search_key (customer_id, search_rowid) VALUES (:customer_id, :rowid)"
)


def _insert(conn: Connection, params) -> None:
    conn.execute(_INSERT, params)
    for statement in _INSERT_SIDE:
        conn.execute(statement, params)
    conn.execute(_INSERT_KEY, params)


def _as_params(row: IndexRow, rowid: int) -> dict:
    return {
        "rowid": rowid,
        "customer_id": row.customer_id,
        "sort_key": row.sort_key,
        "name": row.name,
        "last": row.last,
        "accounts": row.accounts,
        "address": row.address,
        "phone": row.phone,
        "licenses": row.licenses,
        "digits": row.digits,
    }


def assign_rowids(rows: list[IndexRow]) -> list[tuple[IndexRow, int]]:
    """Rowids for a whole rebuild: in exact name order, numbered within each letter group."""
    rows = sorted(rows, key=lambda r: r.sort_key)
    out: list[tuple[IndexRow, int]] = []
    group, tie = -1, 0
    for row in rows:
        prefix = key_prefix(row.sort_key)
        if prefix != group:
            group, tie = prefix, 0
        elif tie + 1 < (1 << TIE_BITS):
            tie += 1
        else:  # more than 131,072 people sharing nine letters: keep the last slot's order
            raise OverflowError(f"too many customers sort as {row.sort_key[:KEY_CHARS]!r}")
        out.append((row, (prefix << TIE_BITS) + tie))
    return out


_CUSTOMERS = """
SELECT c.id, c.customer_no, c.first_name, c.last_name, c.business_name, c.phone,
       c.mailing_address,
       (SELECT group_concat(a.account_no, char(31)) FROM utility_account a
         WHERE a.customer_id = c.id),
       (SELECT group_concat(a.service_address, char(31)) FROM utility_account a
         WHERE a.customer_id = c.id),
       (SELECT group_concat(l.license_no || char(31) || l.tag_no, char(31)) FROM license l
         WHERE l.customer_id = c.id)
FROM customer c
"""


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split("\x1f") if v]


def rebuild(conn: Connection) -> int:
    """Rebuild the whole index from the customer, account and license tables."""
    rows = [
        make_row(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _split(r[7]), _split(r[8]), _split(r[9]))
        for r in conn.execute(text(_CUSTOMERS))
    ]
    for table in ALL_TABLES:
        conn.execute(text(f"DELETE FROM {table}"))
    placed = assign_rowids(rows)
    batch = 20_000
    for i in range(0, len(placed), batch):
        _insert(conn, [_as_params(row, rowid) for row, rowid in placed[i : i + batch]])
    return len(placed)


def put(conn: Connection, row: IndexRow) -> int:
    """(Re)write one customer's row, keeping name order; returns its rowid."""
    old = conn.execute(
        text("SELECT search_rowid FROM customer_search_key WHERE customer_id = :id"),
        {"id": row.customer_id},
    ).scalar()
    low, high = rowid_range(row.sort_key)
    if old is not None:
        for table in ("customer_search", *SIDE_TABLES):
            conn.execute(text(f"DELETE FROM {table} WHERE rowid = :r"), {"r": old})
        conn.execute(
            text("DELETE FROM customer_search_key WHERE customer_id = :id"),
            {"id": row.customer_id},
        )
    if old is not None and low <= old <= high:
        rowid = old
    else:
        last = conn.execute(
            text(
                "SELECT rowid FROM customer_search WHERE rowid BETWEEN :lo AND :hi "
                "ORDER BY rowid DESC LIMIT 1"
            ),
            {"lo": low, "hi": high},
        ).scalar()
        rowid = low if last is None else last + 1
        if rowid > high:
            raise OverflowError(f"too many customers sort as {row.sort_key[:KEY_CHARS]!r}")
    _insert(conn, _as_params(row, rowid))
    return rowid
