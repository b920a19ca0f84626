"""Every new row of a synced model gets an outbox row in the same transaction.

Two ways in: financial rows (sales, voids, refunds, their lines, tenders, ledger entries and
documents, paid-ins and -outs, audit events) are built by store/rows.py and written as plain
values by `insert_synced`, which queues their outbox rows itself. Everything else a station
writes through the ORM (customers, accounts, drawer sessions and closes, licenses, tag
movements, citation payments, passport records, refund requests, ...) is queued by the flush
hook below, which is why it stays.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import JSON, Boolean, DateTime, Dialect, Table, event, insert, inspect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from counterpos.store import pan_boundary
from counterpos.store.models import OutboxRow
from counterpos.store.models.base import utcnow


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def row_payload(obj: Any) -> dict[str, Any]:
    """The row's columns as JSON-able values, keyed by column name."""
    mapper = inspect(obj).mapper
    return {
        col.key: _jsonable(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        for col in attr.columns
    }


def _primary_key(obj: Any) -> str:
    # Read the key off the instance: in after_flush the identity map entry does not exist yet.
    key = inspect(obj).mapper.primary_key_from_instance(obj)
    return "|".join(str(part) for part in key if part is not None)


class Serialized(str):
    """A JSON column's value serialized once for many rows (a run's bills share their lines):
    written as it is, and queued as the value it holds."""

    value: Any

    def __new__(cls, value: Any) -> Serialized:
        text = super().__new__(cls, json.dumps(value))
        text.value = value
        return text


def _iso(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _outbox_row(
    table_name: str, record_id: str, columns: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """The outbox row that queues one record: its key, its table, its columns as JSON (dates
    and times as ISO text, through `default`: the same text as converting each value first)."""
    return {
        "record_id": record_id[:36],
        "table_name": table_name,
        "payload": json.dumps(columns, sort_keys=True, default=_iso),
        "created_at": now,
    }


@event.listens_for(Session, "after_flush")
def _queue_new_synced_rows(session: Session, _flush_context) -> None:
    """The outbox rows of new synced objects the ORM has just written."""
    rows = []
    now = utcnow()
    for obj in session.new:
        if getattr(type(obj), "__synced__", False):
            rows.append(
                _outbox_row(type(obj).__tablename__, _primary_key(obj), row_payload(obj), now)
            )
    if rows:
        session.connection().execute(insert(OutboxRow), rows)


def enqueue(session: Session, obj: Any) -> None:
    """Queue a changed (not new) reference row, e.g. a disabled user, for the centre."""
    session.flush()
    session.connection().execute(
        insert(OutboxRow),
        [_outbox_row(type(obj).__tablename__, _primary_key(obj), row_payload(obj), utcnow())],
    )


def enqueue_stored(session: Session, model: Any, ids: list[str]) -> None:
    """Queue changed reference rows as they are stored now (after an UPDATE), many at once:
    SQLite writes their outbox rows as `insert_synced` does for many new rows."""
    if not ids:
        return
    conn = session.connection()
    driver = conn.connection.driver_connection
    assert driver is not None
    cursor = driver.cursor()
    table = model.__table__
    try:
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS outbox_queue_ids (id TEXT PRIMARY KEY)")
        cursor.execute("DELETE FROM outbox_queue_ids")
        cursor.executemany("INSERT OR IGNORE INTO outbox_queue_ids VALUES (?)", [(i,) for i in ids])
        plan = _insert_plan(_OUTBOX, conn.dialect)
        stamp = _values(full_row(OutboxRow, _outbox_row("", "", {}, utcnow())), plan)
        sql = _outbox_select(table, conn.dialect).replace(
            "WHERE rowid > ?", "WHERE rowid > ? AND id IN (SELECT id FROM outbox_queue_ids)"
        )
        cursor.execute(sql, (stamp[plan[1].index("created_at")], 0))
        cursor.execute("DELETE FROM outbox_queue_ids")
    finally:
        cursor.close()


_DEFAULTS: dict[Any, tuple[frozenset[str], tuple[tuple[str, bool, Any], ...]]] = {}


def full_row(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """`values` completed with the column defaults the ORM would fill in on insert."""
    known = _DEFAULTS.get(model)
    if known is None:
        cols = model.__table__.columns
        known = (
            frozenset(col.key for col in cols),
            tuple(
                (
                    col.key,
                    col.default is not None and col.default.is_callable,
                    None if col.default is None else col.default.arg,
                )
                for col in cols
            ),
        )
        _DEFAULTS[model] = known
    row = dict(values)
    if row.keys() >= known[0]:  # a builder gave every column (the usual case)
        return row
    for key, call, arg in known[1]:
        if key not in row:
            row[key] = arg(None) if call else arg
    return row


def insert_synced(session: Session, batches: list[tuple[Any, list[dict[str, Any]]]]) -> None:
    """Insert complete rows (from store/rows.py) of synced models, in the order given, and one
    outbox row each, exactly as the flush hook above would: every financial row is written
    this way, not through the ORM's unit of work. Every text value passes the card-number guard
    first (store/pan_boundary.py), as the ORM's writes do.

    The rows go straight to the driver, in the session's own transaction, each value through
    its column type's own conversion (the one SQLAlchemy applies): a sale is a dozen small
    inserts, and SQLAlchemy's per-statement machinery would otherwise cost more than SQLite.
    """
    conn = session.connection()
    dialect = conn.dialect
    driver = conn.connection.driver_connection
    assert driver is not None  # a live connection inside the session's transaction
    cursor = driver.cursor()
    now = utcnow()
    queued: list[list] = []
    in_sql: list[tuple[Table, int]] = []
    try:
        for model, rows in batches:
            if not rows:
                continue
            pan_boundary.guard_rows(model.__table__, rows)
            plan = _insert_plan(model.__table__, dialect)
            bulk = len(rows) >= BULK_ROWS
            if bulk:
                before = cursor.execute(f"SELECT max(rowid) FROM {model.__tablename__}").fetchone()
                in_sql.append((model.__table__, before[0] or 0))
            _executemany(cursor, dialect, plan[0], [_values(row, plan) for row in rows])
            if not bulk:
                queued += _outbox_values(model.__tablename__, rows, now, dialect)
        if queued:
            _executemany(cursor, dialect, _insert_plan(_OUTBOX, dialect)[0], queued)
        now_text = _values(
            full_row(OutboxRow, _outbox_row("", "", {}, now)), _insert_plan(_OUTBOX, dialect)
        )
        stamp = now_text[_insert_plan(_OUTBOX, dialect)[1].index("created_at")]
        for table, before in in_sql:
            cursor.execute(_outbox_select(table, dialect), (stamp, before))
    finally:
        cursor.close()


# From this many rows of one table on, their outbox rows are made by SQLite from the rows just
# written (json_object over the same columns) instead of in Python: the same payloads, keys in
# the same order, a time with its microseconds always written. A sale never gets here.
BULK_ROWS = 200
_SQL_PLANS: dict[tuple[str, str], str] = {}


def _outbox_select(table: Table, dialect: Dialect) -> str:
    """INSERT INTO outbox ... SELECT: the outbox rows of `table`'s rows past a rowid."""
    key = (table.name, dialect.name)
    sql = _SQL_PLANS.get(key)
    if sql is None:
        quote = dialect.identifier_preparer.quote
        parts = []
        for col in sorted(table.columns, key=lambda c: c.key):
            name = quote(col.name)
            if isinstance(col.type, JSON):
                expr = f"json({name})"
            elif isinstance(col.type, Boolean):
                expr = f"CASE {name} WHEN 1 THEN json('true') WHEN 0 THEN json('false') END"
            elif isinstance(col.type, DateTime):
                expr = f"replace({name}, ' ', 'T')"
            else:
                expr = name
            parts.append(f"'{col.key}', {expr}")
        pk = quote(list(table.primary_key.columns)[0].name)
        sql = (
            "INSERT INTO outbox (record_id, table_name, payload, created_at, sent_at, attempts, "
            f"error, state) SELECT substr({pk}, 1, 36), '{table.name}', "
            f"json_object({', '.join(parts)}), ?, NULL, 0, '', 'pending' "
            f"FROM {table.name} WHERE rowid > ? ORDER BY rowid"
        )
        _SQL_PLANS[key] = sql
    return sql


_OUTBOX = cast(Table, OutboxRow.__table__)


def _outbox_values(table_name: str, rows: list[dict[str, Any]], now: datetime, dialect) -> list:
    """The outbox rows of `rows`, as parameters: what full_row(OutboxRow, _outbox_row(...))
    would give, with the columns that are the same for every row converted once."""
    plan = _insert_plan(_OUTBOX, dialect)
    template = _values(full_row(OutboxRow, _outbox_row(table_name, "", {}, now)), plan)
    keys = plan[1]
    at_rid, at_payload = keys.index("record_id"), keys.index("payload")
    out = []
    for row in rows:
        values = template.copy()
        values[at_rid] = str(row["id"])[:36]
        plain = {k: v.value if type(v) is Serialized else v for k, v in row.items()}
        values[at_payload] = json.dumps(plain, sort_keys=True, default=_iso)
        out.append(values)
    return out


def _executemany(cursor, dialect: Dialect, sql: str, params: list) -> None:
    try:
        cursor.executemany(sql, params)
    except dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
        raise DBAPIError.instance(sql, params, exc, dialect.loaded_dbapi.Error) from exc


def _values(row: dict[str, Any], plan: tuple[str, tuple[str, ...], tuple]) -> list:
    """The row's values in the plan's column order, each through its column's conversion."""
    values = [row[key] for key in plan[1]]
    for at, convert in plan[2]:
        value = values[at]
        if value is not None and type(value) is not Serialized:
            values[at] = convert(value)
    return values


_PLANS: dict[tuple[str, str], tuple[str, tuple[str, ...], tuple]] = {}


def _insert_plan(table: Table, dialect: Dialect) -> tuple[str, tuple[str, ...], tuple]:
    """The table's INSERT with positional parameters, its column keys in order, and the
    (position, bind conversion) of each column that has one."""
    key = (table.name, dialect.name)
    plan = _PLANS.get(key)
    if plan is None:
        if dialect.paramstyle != "qmark":
            raise RuntimeError(f"insert_synced speaks SQLite's driver, not {dialect.name}'s")
        cols = list(table.columns)
        names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in cols)
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(cols))})"
        converters = tuple(
            (i, _quicker(convert))
            for i, c in enumerate(cols)
            if (convert := c.type._cached_bind_processor(dialect)) is not None
        )
        plan = (sql, tuple(c.key for c in cols), converters)
        _PLANS[key] = plan
    return plan


_PROBE_TIMES = (datetime(2026, 1, 2, 3, 4, 5, 6), datetime(987, 12, 31, 23, 59, 59, 0))
_PROBE_DAYS = (date(2026, 1, 2), date(987, 12, 31))


def _quicker(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert`, or a quicker function giving the same text for the values rows hold most
    (a naive datetime, a date), when it gives the same text on probes of both; anything else
    still goes through `convert`. SQLite's dialect formats each through a dict of its fields."""
    try:
        times = all(convert(t) == t.isoformat(" ", "microseconds") for t in _PROBE_TIMES)
    except (TypeError, ValueError, AttributeError):
        times = False
    if times:

        def stamp(value: Any) -> Any:
            if type(value) is datetime and value.tzinfo is None:
                return value.isoformat(" ", "microseconds")
            return convert(value)

        return stamp
    try:
        days = all(convert(d) == d.isoformat() for d in _PROBE_DAYS)
    except (TypeError, ValueError, AttributeError):
        days = False
    if days:

        def day(value: Any) -> Any:
            return value.isoformat() if type(value) is date else convert(value)

        return day
    return convert
