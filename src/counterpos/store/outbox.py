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
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Dialect, Table, event, insert, inspect
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


def _outbox_row(
    table_name: str, record_id: str, columns: dict[str, Any], now: datetime
) -> dict[str, Any]:
    """The outbox row that queues one record: its key, its table, its columns as JSON."""
    return {
        "record_id": record_id[:36],
        "table_name": table_name,
        "payload": json.dumps({k: _jsonable(v) for k, v in columns.items()}, sort_keys=True),
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


def full_row(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """`values` completed with the column defaults the ORM would fill in on insert."""
    row = dict(values)
    for col in model.__table__.columns:
        if col.key not in row:
            default = col.default
            if default is None:
                row[col.key] = None
            elif default.is_callable:
                row[col.key] = default.arg(None)
            else:
                row[col.key] = default.arg
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
    queued = []
    try:
        for model, rows in batches:
            if not rows:
                continue
            pan_boundary.guard_rows(model.__table__, rows)
            sql, converters = _insert_plan(model.__table__, dialect)
            _executemany(cursor, dialect, sql, [_values(row, converters) for row in rows])
            queued += [
                full_row(OutboxRow, _outbox_row(model.__tablename__, str(row["id"]), row, now))
                for row in rows
            ]
        if queued:
            sql, converters = _insert_plan(cast(Table, OutboxRow.__table__), dialect)
            _executemany(cursor, dialect, sql, [_values(row, converters) for row in queued])
    finally:
        cursor.close()


def _executemany(cursor, dialect: Dialect, sql: str, params: list[tuple]) -> None:
    try:
        cursor.executemany(sql, params)
    except dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy would raise it
        raise DBAPIError.instance(sql, params, exc, dialect.loaded_dbapi.Error) from exc


def _values(row: dict[str, Any], converters) -> tuple:
    return tuple(
        value if (value := row[key]) is None or convert is None else convert(value)
        for key, convert in converters
    )


_PLANS: dict[tuple[str, str], tuple[str, tuple]] = {}


def _insert_plan(table: Table, dialect: Dialect) -> tuple[str, tuple]:
    """The table's INSERT with positional parameters, and each column's bind conversion."""
    key = (table.name, dialect.name)
    plan = _PLANS.get(key)
    if plan is None:
        if dialect.paramstyle != "qmark":
            raise RuntimeError(f"insert_synced speaks SQLite's driver, not {dialect.name}'s")
        cols = list(table.columns)
        names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in cols)
        sql = f"INSERT INTO {table.name} ({names}) VALUES ({', '.join('?' * len(cols))})"
        plan = (sql, tuple((c.key, c.type._cached_bind_processor(dialect)) for c in cols))
        _PLANS[key] = plan
    return plan
