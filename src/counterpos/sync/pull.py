"""Pulling reference data down by watermark, and the ledger entries made elsewhere.

Each central table carries `changed_at` (set on insert and on every update). A station keeps,
per table, the newest `changed_at` it has applied and asks for rows changed since then, minus
an overlap window: a transaction that started earlier but committed later is still caught,
and applying a row twice is harmless (an upsert by primary key).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Engine, Table, select, text
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from counterpos.store.models import Base, CentralLedgerEntry, SyncWatermark
from counterpos.store.unit_of_work import Store

# Which tables flow down is the centre's to say: every table its `sync_table` registers as
# reference data that this station also has (customers, accounts, licenses, services, fee
# schedules, GL accounts, users, roles; a tag inventory once a workstream adds one on both
# sides). They are applied parents first, in the order of the local foreign keys.

# Columns that belong to this station alone and are never overwritten by the centre.
LOCAL_ONLY: dict[str, frozenset[str]] = {
    "app_user": frozenset({"failed_attempts", "locked_until"}),
}
# Where a table is read from at the centre, when not from itself: a station sees a user's PIN
# hash only where that user may sign in (the others come down disabled, without it).
SOURCES = {"app_user": "station_app_user"}
OVERLAP = timedelta(minutes=10)
LEDGER_KEY = "ledger_entry"
CHUNK = 500


@dataclass
class PullResult:
    by_table: dict[str, int] = field(default_factory=dict)
    ledger_entries: int = 0
    touched: dict[str, set] = field(default_factory=dict)  # table -> primary keys applied
    errors: dict[str, str] = field(default_factory=dict)  # a table that could not be applied
    # The highest receipt sequence the centre holds for this station (None: unknown).
    central_receipt_high: int | None = None


def _watermark(session: Session, table: str) -> datetime | None:
    row = session.get(SyncWatermark, table)
    return datetime.fromisoformat(row.changed_at) if row else None


def _set_watermark(session: Session, table: str, value: datetime) -> None:
    row = session.get(SyncWatermark, table)
    if row is None:
        session.add(SyncWatermark(table_name=table, changed_at=value.isoformat()))
    elif datetime.fromisoformat(row.changed_at) < value:
        row.changed_at = value.isoformat()


def _central_columns(conn, table: str) -> list[str]:
    return list(
        conn.execute(
            text(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = :t ORDER BY ordinal_position"
            ),
            {"t": table},
        ).scalars()
    )


def _since(
    conn, table: str, columns: list[str], since: datetime | None, where: str = "", params=None
):
    cols = ", ".join(f'"{c}"' for c in columns)
    clauses = [where] if where else []
    params = dict(params or {})
    if since is not None:
        clauses.append("changed_at > :since")
        params["since"] = since - OVERLAP
    sql = f'SELECT {cols}, changed_at FROM "{table}"'
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    return conn.execute(text(sql + " ORDER BY changed_at"), params).mappings().all()


def _null_dangling(session: Session, table: Table, rows: list[dict], pulled: set[str]) -> None:
    """Clear links to records this station does not hold (a sale line made elsewhere)."""
    for fk in table.foreign_keys:
        target = fk.column.table
        if target.name in pulled:
            continue
        col = fk.parent.name
        wanted = {r[col] for r in rows if r.get(col) is not None}
        if not wanted:
            continue
        have = set(session.execute(select(fk.column).where(fk.column.in_(list(wanted)))).scalars())
        for r in rows:
            if r.get(col) is not None and r[col] not in have:
                r[col] = None


def _upsert(session: Session, table: Table, rows: list[dict]) -> None:
    key = [c.name for c in table.primary_key.columns]
    keep = LOCAL_ONLY.get(table.name, frozenset())
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        stmt = sqlite_insert(table).values(chunk)
        update = {c: stmt.excluded[c] for c in chunk[0] if c not in key and c not in keep}
        stmt = (
            stmt.on_conflict_do_update(index_elements=key, set_=update)
            if update
            else stmt.on_conflict_do_nothing(index_elements=key)
        )
        session.execute(stmt)


def central_receipt_high(conn, station_code: str) -> int | None:
    """The highest receipt sequence the centre holds for this station (0: none yet)."""
    if not _central_columns(conn, "station_claim"):
        return None  # a centre before c0003
    return conn.execute(
        text(
            "SELECT coalesce(max(number), 0) FROM station_claim "
            "WHERE station_code = :c AND series = 'receipt'"
        ),
        {"c": station_code},
    ).scalar_one()


def pull(store: Store, engine: Engine, station_code: str) -> PullResult:
    """Apply reference rows and other stations' ledger entries changed since the watermarks."""
    result = PullResult()
    local = Base.metadata.tables
    with engine.connect() as conn:
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        reference = set(
            conn.execute(
                text("SELECT table_name FROM sync_table WHERE kind = 'reference'")
            ).scalars()
        )
        names = [t.name for t in Base.metadata.sorted_tables if t.name in reference]
        central = {t: _central_columns(conn, SOURCES.get(t, t)) for t in [*names, LEDGER_KEY]}
        fetched = {}
        with store.read() as s:
            marks = {t: _watermark(s, t) for t in [*names, LEDGER_KEY]}
        for t in names:
            if not central[t]:
                continue
            cols = [c.name for c in local[t].columns if c.name in central[t]]
            fetched[t] = _since(conn, SOURCES.get(t, t), cols, marks[t])
        ledger = []
        if central[LEDGER_KEY]:
            ledger = _since(
                conn,
                LEDGER_KEY,
                ["id", "account_id", "entry_type", "amount_cents", "station_code", "created_at"],
                marks[LEDGER_KEY],
                where="station_code <> :me",
                params={"me": station_code},
            )
        result.central_receipt_high = central_receipt_high(conn, station_code)
        conn.rollback()
    pulled = set(fetched)
    with store.write() as s:
        for t, rows in fetched.items():
            if not rows:
                result.by_table[t] = 0
                continue
            table = local[t]
            data = [{k: v for k, v in r.items() if k != "changed_at"} for r in rows]
            try:
                with s.begin_nested():
                    _null_dangling(s, table, data, pulled)
                    _upsert(s, table, data)
            except (IntegrityError, DBAPIError) as exc:
                result.errors[t] = str(exc.orig).strip().splitlines()[0]
                continue
            key = [c.name for c in table.primary_key.columns]
            result.by_table[t] = len(data)
            result.touched[t] = {r[key[0]] for r in data}
            _set_watermark(s, t, max(r["changed_at"] for r in rows))
        if ledger:
            data = [{k: v for k, v in r.items() if k != "changed_at"} for r in ledger]
            for start in range(0, len(data), CHUNK):
                s.execute(
                    sqlite_insert(cast(Table, CentralLedgerEntry.__table__))
                    .values(data[start : start + CHUNK])
                    .on_conflict_do_nothing(index_elements=["id"])
                )
            result.ledger_entries = len(data)
            _set_watermark(s, LEDGER_KEY, max(r["changed_at"] for r in ledger))
    return result
