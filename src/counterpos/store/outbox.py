"""Every new row of a synced model gets an outbox row in the same transaction."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

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


@event.listens_for(Session, "after_flush")
def _queue_new_synced_rows(session: Session, _flush_context) -> None:
    rows = []
    now = utcnow()
    for obj in session.new:
        if getattr(type(obj), "__synced__", False):
            rows.append(
                {
                    "record_id": _primary_key(obj)[:36],
                    "table_name": type(obj).__tablename__,
                    "payload": json.dumps(row_payload(obj), sort_keys=True),
                    "created_at": now,
                }
            )
    if rows:
        session.connection().execute(insert(OutboxRow), rows)


def enqueue(session: Session, obj: Any) -> None:
    """Queue a changed (not new) reference row, e.g. a disabled user, for the centre."""
    session.flush()
    session.connection().execute(
        insert(OutboxRow),
        [
            {
                "record_id": _primary_key(obj)[:36],
                "table_name": type(obj).__tablename__,
                "payload": json.dumps(row_payload(obj), sort_keys=True),
                "created_at": utcnow(),
            }
        ],
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
    """Insert complete rows (see `full_row`) of synced models, in the order given, and one
    outbox row each, exactly as the flush hook above would: the hot path of a sale uses this
    instead of the ORM's unit of work."""
    conn = session.connection()
    now = utcnow()
    queued = []
    for model, rows in batches:
        if not rows:
            continue
        conn.execute(insert(model.__table__), rows)
        queued += [
            {
                "record_id": str(row["id"])[:36],
                "table_name": model.__tablename__,
                "payload": json.dumps(
                    {key: _jsonable(value) for key, value in row.items()}, sort_keys=True
                ),
                "created_at": now,
            }
            for row in rows
        ]
    if queued:
        conn.execute(insert(OutboxRow), queued)
