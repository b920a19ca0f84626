"""The customer lookup index (FTS5 `customer_search`): what goes in a row, and its rowid.

Type-ahead must list the best matches in name order without sorting every match: for "gar" a
city has tens of thousands of Garcias. So a row's rowid IS its place in name order (last name,
first name, customer number), spaced 2**20 apart: FTS5 returns matches in rowid order straight
off its index, and `ORDER BY rowid LIMIT 20` stops after twenty. A customer added later takes
the midpoint between its neighbours; when neighbours sit too close, a small window of rows
around it is spread out again (`put`).

Middle digits of an account or phone number are found through the `digits` table, which holds
every suffix (4 digits or more) of each number: "1361" is a prefix of the suffix "136107".

A customer's licenses are documents of their own, one per license (its number and tag, and
their digit suffixes), in `customer_search_license`, under rowids that keep the customer's
place: `(customer's rowid << 16) + n`, so they too come off the index in name order and
`rowid >> 16` is the customer's row. A sale that issues a tag then adds one small document
instead of rewriting the customer's row, whose text would grow with every license they hold
(an FTS5 update deletes and re-adds every token of the row). Older schemas (before migration
0017_s4_14) keep the licenses in the customer's row; `rebuild` writes whichever the store has.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, text

from counterpos.store import plain_read

GAP = 1 << 20  # rowid spacing after a rebuild: room for 20 halvings between neighbours
MIN_SUFFIX = 4  # shorter digit strings are found by the start of a number only
_NOT_DIGIT = re.compile(r"\D")  # compiled once: a customer's every number passes through it

# The main table holds every field (what the till shows, and the "any field" search).
CREATE_FTS = (
    "CREATE VIRTUAL TABLE customer_search USING fts5("
    "customer_id UNINDEXED, sort_key UNINDEXED, name, accounts, address, phone, licenses, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6', detail = column)"
)
# One narrow table per kind of match, same rowids: a surname search never wades through the
# thousands of people whose street or first name starts with the same letters.
# Prefix indexes up to ten letters: a typed word is then one stored doclist that FTS5 walks
# lazily in rowid order, instead of a merge of every term it starts (100 ms for "james" in a
# million customers, 0.1 ms with the index).
_WORDS = "1 2 3 4 5 6 7 8 9 10"
SIDE_TABLES = {
    "customer_search_last": ("last", _WORDS),
    "customer_search_name": ("name", _WORDS),
    "customer_search_address": ("address", _WORDS),
    "customer_search_digits": ("digits", "4 5 6"),
}
CREATE_SIDE = tuple(
    f"CREATE VIRTUAL TABLE {table} USING fts5({column}, "
    f"tokenize = 'unicode61 remove_diacritics 2', prefix = '{prefix}', detail = none)"
    for table, (column, prefix) in SIDE_TABLES.items()
)
# customer id -> its rowid and sort key (FTS tables cannot index either).
CREATE_KEYS = (
    "CREATE TABLE customer_search_key ("
    "customer_id VARCHAR(36) NOT NULL PRIMARY KEY, search_rowid INTEGER NOT NULL UNIQUE, "
    "sort_key TEXT NOT NULL UNIQUE) WITHOUT ROWID"
)
ALL_TABLES = ("customer_search", *SIDE_TABLES, "customer_search_key")
# One document per license: its number and tag, and their digit suffixes (migration 0017_s4_14).
LICENSE_TABLE = "customer_search_license"
CREATE_LICENSES = (
    f"CREATE VIRTUAL TABLE {LICENSE_TABLE} USING fts5(licenses, digits, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6', detail = column)"
)
LICENSE_SHIFT = 16  # a customer's license documents: rowid << 16 up to that + 65535
_LICENSE_SLOTS = 1 << LICENSE_SHIFT


def create(execute) -> None:
    """Create the index tables with `execute(sql)` (alembic's op.execute, or a connection's),
    as migration 0007 made them; `create_licenses` adds the license documents' table."""
    for sql in (CREATE_FTS, *CREATE_SIDE, CREATE_KEYS):
        execute(sql)


def create_licenses(execute) -> None:
    execute(CREATE_LICENSES)


def owner_of(license_rowid: int) -> int:
    """The customer's rowid a license document belongs to."""
    return license_rowid >> LICENSE_SHIFT


def fold(value: str) -> str:
    """Lower case without accents: 'Peña' -> 'pena'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def sort_key(last: str, first: str, customer_no: str) -> str:
    """The order the cashier sees: last name, first name, then customer number."""
    return f"{fold(last).strip()}\x1f{fold(first).strip()}\x1f{customer_no}"


@lru_cache(maxsize=8192)
def _suffixes(number: str) -> tuple[str, ...]:
    digits = _NOT_DIGIT.sub("", number)
    return tuple(digits[i:] for i in range(0, len(digits) - MIN_SUFFIX + 1))


def digit_suffixes(numbers: Iterable[str]) -> str:
    """Every suffix of at least MIN_SUFFIX digits of each number, space separated (each
    number's own remembered: a customer's row is rebuilt from the same numbers at every
    license sold to them)."""
    out: dict[str, None] = {}
    for number in numbers:
        out.update(dict.fromkeys(_suffixes(number)))
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
    licenses: tuple[str, ...]  # one text per license: its number and tag
    digits: str  # the customer's own numbers' suffixes (not the licenses')


def license_digits(doc: str) -> str:
    """The digit suffixes of a license document's numbers."""
    return digit_suffixes(doc.split())


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
    licenses: list[str],
) -> IndexRow:
    """`licenses`: each license's number and tag, as one text per license."""
    person = f"{first_name} {last_name}".strip()
    name = f"{business_name} ({person})" if business_name and person else business_name or person
    last = last_name or business_name
    first = first_name if last_name else ""
    phone_digits = _NOT_DIGIT.sub("", phone)
    return IndexRow(
        customer_id=customer_id,
        sort_key=sort_key(last, first, customer_no),
        name=name,
        last=last,
        accounts=" ".join([customer_no, *account_nos]),
        address=" · ".join(addresses or [mailing_address]),
        phone=f"{phone} {phone_digits}" if phone else "",
        licenses=tuple(dict.fromkeys(doc for x in licenses if (doc := " ".join(x.split())))),
        digits=digit_suffixes([customer_no, *account_nos, phone]),
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
    "INSERT INTO customer_search_key (customer_id, search_rowid, sort_key) "
    "VALUES (:customer_id, :rowid, :sort_key)"
)


_INSERT_LICENSE = text(
    f"INSERT INTO {LICENSE_TABLE} (rowid, licenses, digits) VALUES (:rowid, :licenses, :digits)"
)
_LICENSES_OF = text(
    f"SELECT rowid, licenses FROM {LICENSE_TABLE} WHERE rowid BETWEEN :low AND :high"
)
_DELETE_LICENSES = text(f"DELETE FROM {LICENSE_TABLE} WHERE rowid BETWEEN :low AND :high")
_DELETE_LICENSE = text(f"DELETE FROM {LICENSE_TABLE} WHERE rowid = :rowid")


def _range(rowid: int) -> dict:
    low = rowid << LICENSE_SHIFT
    return {"low": low, "high": low + _LICENSE_SLOTS - 1}


def has_license_table(conn: Connection) -> bool:
    """Whether the store has the license documents' table (migration 0017_s4_14)."""
    return (
        conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (LICENSE_TABLE,)).first()
        is not None
    )


def _license_params(params: dict) -> list[dict]:
    base = params["rowid"] << LICENSE_SHIFT
    return [
        {"rowid": base + n, "licenses": doc, "digits": license_digits(doc)}
        for n, doc in enumerate(params["license_docs"])
    ]


def _insert(conn: Connection, params) -> None:
    conn.execute(_INSERT, params)
    for statement in _INSERT_SIDE:
        conn.execute(statement, params)
    conn.execute(_INSERT_KEY, params)
    many = params if isinstance(params, list) else [params]
    docs = [doc for p in many for doc in _license_params(p)]
    if docs:
        conn.execute(_INSERT_LICENSE, docs)


def _as_params(row: IndexRow, rowid: int, *, split: bool = True) -> dict:
    """The row's values for the tables; `split` (the license table is there): the licenses
    go to their own documents, else into the customer's row as before 0017_s4_14."""
    if split:
        licenses, digits, docs = "", row.digits, row.licenses
    else:
        licenses = " ".join(row.licenses)
        digits = " ".join(dict.fromkeys(row.digits.split() + license_digits(licenses).split()))
        docs = ()
    return {
        "rowid": rowid,
        "customer_id": row.customer_id,
        "sort_key": row.sort_key,
        "name": row.name,
        "last": row.last,
        "accounts": row.accounts,
        "address": row.address,
        "phone": row.phone,
        "licenses": licenses,
        "digits": digits,
        "license_docs": docs,
    }


_CUSTOMERS = """
SELECT c.id, c.customer_no, c.first_name, c.last_name, c.business_name, c.phone,
       c.mailing_address,
       (SELECT group_concat(a.account_no, char(31)) FROM utility_account a
         WHERE a.customer_id = c.id),
       (SELECT group_concat(a.service_address, char(31)) FROM utility_account a
         WHERE a.customer_id = c.id),
       (SELECT group_concat(l.license_no || ' ' || coalesce(l.tag_no, ''), char(31))
          FROM license l WHERE l.customer_id = c.id)
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
    split = has_license_table(conn)
    for table in (*ALL_TABLES, LICENSE_TABLE) if split else ALL_TABLES:
        conn.execute(text(f"DELETE FROM {table}"))
    rows.sort(key=lambda r: r.sort_key)
    placed = [(row, (i + 1) * GAP) for i, row in enumerate(rows)]
    batch = 20_000
    for i in range(0, len(placed), batch):
        _insert(conn, [_as_params(row, rowid, split=split) for row, rowid in placed[i : i + batch]])
    return len(placed)


def _neighbour(conn: Connection, key: str, before: bool) -> int | None:
    op, order = ("<", "DESC") if before else (">", "")
    return conn.execute(
        text(
            f"SELECT search_rowid FROM customer_search_key WHERE sort_key {op} :k "
            f"ORDER BY sort_key {order} LIMIT 1"
        ),
        {"k": key},
    ).scalar()


def _delete(conn: Connection, rowid: int) -> None:
    for table in ("customer_search", *SIDE_TABLES):
        conn.execute(text(f"DELETE FROM {table} WHERE rowid = :r"), {"r": rowid})
    conn.execute(text("DELETE FROM customer_search_key WHERE search_rowid = :r"), {"r": rowid})
    conn.execute(_DELETE_LICENSES, _range(rowid))


def _read(conn: Connection, rowid: int) -> dict:
    """One indexed row's stored values, to put it back under another rowid."""
    main = conn.execute(
        text(
            "SELECT customer_id, sort_key, name, accounts, address, phone, licenses "
            "FROM customer_search WHERE rowid = :r"
        ),
        {"r": rowid},
    ).one()
    params = dict(main._mapping)
    for table, (column, _) in SIDE_TABLES.items():
        params[column] = conn.execute(
            text(f"SELECT {column} FROM {table} WHERE rowid = :r"), {"r": rowid}
        ).scalar()
    params["license_docs"] = [doc for _, doc in conn.execute(_LICENSES_OF, _range(rowid))]
    return params


def _spread(conn: Connection, key: str) -> None:
    """Give the rows around `key` room: re-place a widening window of them evenly."""
    width = 16
    while True:
        below = list(
            conn.execute(
                text(
                    "SELECT search_rowid FROM customer_search_key WHERE sort_key < :k "
                    "ORDER BY sort_key DESC LIMIT :n"
                ),
                {"k": key, "n": width + 1},
            )
            .scalars()
            .all()
        )
        above = list(
            conn.execute(
                text(
                    "SELECT search_rowid FROM customer_search_key WHERE sort_key > :k "
                    "ORDER BY sort_key LIMIT :n"
                ),
                {"k": key, "n": width + 1},
            )
            .scalars()
            .all()
        )
        low = below.pop() if len(below) > width else 0
        high = (
            above.pop()
            if len(above) > width
            else max([*below, *above, 0]) + GAP * (len(below) + len(above) + 2)
        )
        window = sorted(below) + sorted(above)
        room = (high - low) // (len(window) + 2)
        if room >= 2:
            break
        width *= 4
    moved = [_read(conn, r) for r in window]
    for r in window:
        _delete(conn, r)
    # The new row's slot stays free between the last of `below` and the first of `above`.
    slots = [low + room * (i + 1) for i in range(len(window) + 1)]
    del slots[len(below)]
    for params, rowid in zip(moved, slots, strict=True):
        _insert(conn, {**params, "rowid": rowid})


# One read of what the customer's row holds in every table (FTS tables find by rowid only).
_STORED = text(
    "SELECT k.search_rowid, k.sort_key, s.name, s.accounts, s.address, s.phone, s.licenses, "
    + ", ".join(
        f"(SELECT {column} FROM {table} WHERE rowid = k.search_rowid) AS side_{column}"
        for table, (column, _) in SIDE_TABLES.items()
    )
    + " FROM customer_search_key k JOIN customer_search s ON s.rowid = k.search_rowid "
    "WHERE k.customer_id = :id"
)
_MAIN_COLUMNS = ("name", "accounts", "address", "phone", "licenses")
_SIDE_UPDATE = {
    table: text(f"UPDATE {table} SET {column} = :{column} WHERE rowid = :rowid")
    for table, (column, _) in SIDE_TABLES.items()
}


def _update_in_place(conn: Connection, stored, row: IndexRow) -> None:
    """The customer keeps its place in name order: rewrite only the tables whose text
    changed, and of the license documents only those of licenses new or changed (a new
    license adds one small document; the customer's row and other licenses stay as they
    are)."""
    params = _as_params(row, stored.search_rowid)
    changed = [c for c in _MAIN_COLUMNS if getattr(stored, c) != params[c]]
    if changed:
        sets = ", ".join(f"{c} = :{c}" for c in changed)
        conn.execute(text(f"UPDATE customer_search SET {sets} WHERE rowid = :rowid"), params)
    for table, (column, _) in SIDE_TABLES.items():
        if getattr(stored, f"side_{column}") != params[column]:
            conn.execute(_SIDE_UPDATE[table], params)
    _put_licenses(conn, stored.search_rowid, row.licenses)


def _put_licenses(conn: Connection, rowid: int, docs: tuple[str, ...]) -> None:
    """Make the customer's license documents `docs`: those gone are deleted, new ones are
    added in free slots, the others are left alone."""
    stored = plain_read.rows(conn, _LICENSES_OF, _range(rowid))
    kept = {doc for _, doc in stored}
    wanted = set(docs)
    for at, doc in stored:
        if doc not in wanted:
            conn.execute(_DELETE_LICENSE, {"rowid": at})
    new = [doc for doc in docs if doc not in kept]
    if not new:
        return
    base = rowid << LICENSE_SHIFT
    used = {at - base for at, doc in stored if doc in wanted}
    if len(used) + len(new) > _LICENSE_SLOTS:
        raise ValueError(f"more than {_LICENSE_SLOTS} licenses for one customer")
    free = (n for n in range(_LICENSE_SLOTS) if n not in used)
    rows = [
        {"rowid": base + n, "licenses": doc, "digits": license_digits(doc)}
        for n, doc in zip(free, new, strict=False)
    ]
    conn.execute(_INSERT_LICENSE, rows)


_KEY_OF = text("SELECT search_rowid FROM customer_search_key WHERE customer_id = :id")
_LAST_LICENSE = text(
    f"SELECT max(rowid), max(licenses = :doc) FROM {LICENSE_TABLE} "
    "WHERE rowid BETWEEN :low AND :high"
)


def add_license(conn: Connection, customer_id: str, license_no: str, tag_no: str) -> bool:
    """Add one new license's document to an indexed customer, after their last one: what a
    sale that issues a license changes in the index, without reading the customer's every
    license. False when that cannot be done so (the customer has no row yet, or no slot is
    left after their last document): then index the customer whole (`put`)."""
    rowid = plain_read.scalar(conn, _KEY_OF, {"id": customer_id})
    if rowid is None:
        return False
    doc = " ".join(f"{license_no} {tag_no or ''}".split())
    span = _range(rowid)
    last, there = plain_read.first(conn, _LAST_LICENSE, {**span, "doc": doc})
    if there:
        return True  # already indexed
    at = span["low"] if last is None else last + 1
    if at > span["high"]:
        return False
    # Its number and tag, from the license row the card-number guard checked as it was written.
    plain_read.rows(
        conn, _INSERT_LICENSE, {"rowid": at, "licenses": doc, "digits": license_digits(doc)}
    )
    return True


def put(conn: Connection, row: IndexRow) -> int:
    """(Re)write one customer's row in its place in name order; returns its rowid.

    A customer whose place in name order is unchanged keeps its rowid, and only the tables
    whose text changed are written: rewriting an FTS5 row with ten prefix indexes costs tens
    of milliseconds, and a sync pulls back every customer it pushed, unchanged.
    """
    stored = plain_read.first(conn, _STORED, {"id": row.customer_id})  # its key: one at most
    if stored is not None and stored.sort_key == row.sort_key:
        _update_in_place(conn, stored, row)
        return stored.search_rowid
    if stored is not None:  # a new name: the row moves to its new place
        _delete(conn, stored.search_rowid)
    for _ in range(2):
        low = _neighbour(conn, row.sort_key, before=True) or 0
        after = _neighbour(conn, row.sort_key, before=False)
        high = low + 2 * GAP if after is None else after
        if high - low >= 2:
            break
        _spread(conn, row.sort_key)
    rowid = (low + high) // 2
    _insert(conn, _as_params(row, rowid))
    return rowid
