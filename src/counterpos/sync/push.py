"""Pushing the outbox: batches in order, one central transaction each, ON CONFLICT DO NOTHING.

A batch is copied into a temporary staging table (COPY), then each known table takes its rows
with one INSERT ... SELECT through `json_populate_record`, so the push is generic over every
synced table: a new local table needs only a central table of the same name and columns, and
until the centre has one its records wait, whole, in `inbox_record`. Only after the central
commit is the batch marked sent locally; a crash in between resends it, which changes nothing.
A record the centre refuses (bad data, a broken constraint) is set aside as `failed` with the
server's message; the rest of its batch goes through.

A station writes no reference table (users, roles, fees, customers, accounts, ...): a new or
changed reference row it sends becomes one `station_change` row, its own history, which the
centre applies under its rules (a new customer, account or license, a customer's address, an
account's status) or holds for an administrator (see db/central_migrations c0003). Within a
batch, parents go in before the rows that point at them (a sale before its lines), because
row-level security lets a station link a row only to a sale, line or session it pushed.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from sqlalchemy import Engine, text

from counterpos.store.models.base import utcnow
from counterpos.store.unit_of_work import Store

if TYPE_CHECKING:  # psycopg itself loads when a push runs: not at every till start
    import psycopg

STAGE_DDL = (
    "CREATE TEMP TABLE IF NOT EXISTS sync_stage "
    "(seq bigint, tbl text, rid text, payload json) ON COMMIT DELETE ROWS"
)
SKIP_COLUMNS = ("pushed_by", "changed_at")
LOCAL_TABLES = ("inbox_record", "station_change")  # the centre's own; no station table
DEFAULT_BATCH = 5000


class CentralUnreachable(Exception):
    """The central database could not be reached or the connection broke; retry later."""


@dataclass
class PushResult:
    sent: int = 0  # outbox rows marked sent
    inserted: int = 0  # rows new to the centre (a resent batch inserts none)
    failed: int = 0
    batches: int = 0
    by_table: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class CentralTable:
    name: str
    columns: tuple[str, ...]
    key: tuple[str, ...]
    kind: str = "history"  # history: inserted once; reference: a changed row replaces the old

    def insert_sql(self) -> str:
        if self.kind == "reference":
            return CHANGE_SQL
        cols = ", ".join(f'"{c}"' for c in self.columns)
        picked = ", ".join(f'r."{c}"' for c in self.columns)
        key = ", ".join(f'"{c}"' for c in self.key)
        return (
            f'INSERT INTO "{self.name}" ({cols}) SELECT {picked} FROM sync_stage s '
            f'CROSS JOIN LATERAL json_populate_record(NULL::"{self.name}", s.payload) r '
            f"WHERE s.tbl = %s ON CONFLICT ({key}) DO NOTHING"
        )


CHANGE_SQL = (
    "INSERT INTO station_change (table_name, record_id, payload, digest) "
    "SELECT tbl, rid, payload::jsonb, md5(payload::text) FROM sync_stage WHERE tbl = %s "
    "ORDER BY seq ON CONFLICT (pushed_by, table_name, record_id, digest) DO NOTHING"
)
# Parents before children (row-level security checks each link against rows already there);
# every other table after these, by name.
PARENTS_FIRST = (
    "drawer_session",
    "sale",
    "sale_line",
    "passport_application",
    "drawer_close",
    # the utility desk's parents (db/central_migrations c0005_i18)
    "meter",
    "meter_read",
    "billing_run",
    "bill",
    "notice",
    "work_order",
    "payment_arrangement",
)
INBOX_SQL = (
    "INSERT INTO inbox_record (table_name, record_id, payload) "
    "SELECT tbl, rid, payload::jsonb FROM sync_stage WHERE NOT (tbl = ANY(%s)) "
    "ON CONFLICT (table_name, record_id) DO NOTHING"
)


def central_tables(cur: psycopg.Cursor) -> dict[str, CentralTable]:
    """The centre's data tables (those with `pushed_by`), their columns and primary keys."""
    cur.execute(
        """
        SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position)
        FROM information_schema.columns c
        WHERE c.table_schema = current_schema() AND c.table_name IN (
            SELECT table_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND column_name = 'pushed_by')
        GROUP BY c.table_name
        """
    )
    cols = {name: [c for c in names if c not in SKIP_COLUMNS] for name, names in cur.fetchall()}
    cur.execute(
        """
        SELECT t.relname::text, array_agg(a.attname::text ORDER BY k.ord)
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE i.indisprimary GROUP BY t.relname
        """
    )
    keys: dict[str, list[str]] = dict(cur.fetchall())
    cur.execute("SELECT table_name, kind FROM sync_table")
    kinds: dict[str, str] = dict(cur.fetchall())
    tables = {
        name: CentralTable(name, tuple(c), tuple(keys[name]), kinds.get(name, "history"))
        for name, c in cols.items()
        if name not in LOCAL_TABLES and name in keys
    }
    # Reference tables a station may not even see the columns of (app_user): their records
    # only ever become station changes.
    for name, kind in kinds.items():
        if kind == "reference" and name not in tables:
            tables[name] = CentralTable(name, (), (), "reference")
    return tables


def pending_batch(store: Store, limit: int, after: int = 0) -> list[tuple[int, str, str, str]]:
    """The next `limit` pending outbox rows with an id above `after`, oldest first."""
    with store.read() as s:
        return [
            tuple(r)
            for r in s.execute(
                text(
                    "SELECT id, table_name, record_id, payload FROM outbox "
                    "WHERE state = 'pending' AND id > :after ORDER BY id LIMIT :n"
                ),
                {"n": limit, "after": after},
            )
        ]


def _stage(cur: psycopg.Cursor, rows) -> None:
    with cur.copy("COPY sync_stage (seq, tbl, rid, payload) FROM STDIN") as cp:
        for seq, table, rid, payload in rows:
            cp.write_row((seq, table, rid, payload))


def _apply(cur: psycopg.Cursor, tables: dict[str, CentralTable], rows) -> int:
    """Insert the staged rows into their tables; returns how many were new."""
    inserted = 0
    present = {r[1] for r in rows}
    for name in sorted(present & tables.keys(), key=_insert_order):
        cur.execute(tables[name].insert_sql(), (name,))
        inserted += max(cur.rowcount, 0)
    if present - tables.keys():
        cur.execute(INBOX_SQL, (list(tables),))
        inserted += max(cur.rowcount, 0)
    return inserted


def _insert_order(name: str) -> tuple[int, str]:
    return (PARENTS_FIRST.index(name), "") if name in PARENTS_FIRST else (len(PARENTS_FIRST), name)


def _mark(store: Store, rows, failed: dict[int, str]) -> None:
    """After the central commit: the batch's rows are sent, its refused ones set aside."""
    now = utcnow()
    sent = [r[0] for r in rows if r[0] not in failed]
    with store.write() as s:
        for oid, message in failed.items():
            s.execute(
                text(
                    "UPDATE outbox SET state = 'failed', error = :e, attempts = attempts + 1 "
                    "WHERE id = :i"
                ),
                {"e": message[:2000], "i": oid},
            )
        s.execute(
            text(
                "UPDATE outbox SET state = 'sent', sent_at = :t, attempts = attempts + 1 "
                "WHERE id IN (SELECT value FROM json_each(:ids)) AND state = 'pending'"
            ),
            {"t": now, "ids": json.dumps(sent)},
        )


def _one_by_one(conn: psycopg.Connection, tables, rows) -> tuple[int, dict[int, str]]:
    """The batch was refused: send its rows one at a time, each in a savepoint."""
    import psycopg

    inserted, failed = 0, {}
    with conn.transaction(), conn.cursor() as cur:
        cur.execute(STAGE_DDL)
        for row in rows:
            try:
                with conn.transaction():
                    cur.execute("DELETE FROM sync_stage")
                    _stage(cur, [row])
                    inserted += _apply(cur, tables, [row])
            except psycopg.OperationalError:
                raise
            except psycopg.DatabaseError as exc:
                failed[row[0]] = f"{row[1]} {row[2]}: {str(exc).strip()}"
    return inserted, failed


def _send(conn: psycopg.Connection, tables, rows) -> tuple[int, dict[int, str]]:
    """One batch in one central transaction; a refused batch goes again row by row."""
    import psycopg

    try:
        with conn.transaction(), conn.cursor() as cur:
            cur.execute(STAGE_DDL)
            _stage(cur, rows)
            return _apply(cur, tables, rows), {}
    except (psycopg.OperationalError, psycopg.InterfaceError):
        raise
    except psycopg.DatabaseError:
        return _one_by_one(conn, tables, rows)


def push(
    store: Store,
    engine: Engine,
    *,
    batch_size: int = DEFAULT_BATCH,
    after_commit: Callable[[list], None] | None = None,
    max_batches: int | None = None,
) -> PushResult:
    """Send every pending outbox row. Raises CentralUnreachable when the centre is away.

    Pipelined: while the centre takes batch k (on a helper thread), this thread marks batch
    k-1 sent and reads batch k+1. Batches still commit one after another, in order, and a
    batch is marked only after its own commit.
    """
    import psycopg

    result = PushResult()
    try:
        raw = engine.raw_connection()
    except Exception as exc:  # psycopg.OperationalError wrapped by SQLAlchemy
        raise CentralUnreachable(_message(exc)) from exc
    committed = None  # (rows, failed) of the last batch the centre committed, not yet marked
    try:
        conn = cast(psycopg.Connection, raw.driver_connection)
        conn.rollback()
        try:
            with conn.cursor() as cur:
                tables = central_tables(cur)
            conn.commit()
        except psycopg.errors.UndefinedTable as exc:
            raise CentralUnreachable(
                "the central database has no CounterPOS schema yet (counterpos central init)"
            ) from exc
        rows = pending_batch(store, batch_size)
        with ThreadPoolExecutor(1, thread_name_prefix="counterpos-push") as central_side:
            while rows and (max_batches is None or result.batches < max_batches):
                sending = central_side.submit(_send, conn, tables, rows)
                try:
                    if committed is not None:
                        _mark(store, *committed)
                        committed = None
                    following = pending_batch(store, batch_size, after=rows[-1][0])
                finally:
                    inserted, failed = sending.result()
                if after_commit is not None:
                    after_commit(rows)
                committed = (rows, failed)
                result.batches += 1
                result.inserted += inserted
                result.failed += len(failed)
                result.sent += len(rows) - len(failed)
                result.by_table.update(r[1] for r in rows if r[0] not in failed)
                rows = following
        if committed is not None:
            _mark(store, *committed)
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raw.invalidate()
        if committed is not None:
            _mark(store, *committed)
        raise CentralUnreachable(_message(exc)) from exc
    finally:
        with contextlib.suppress(Exception):  # the connection may already be gone
            raw.close()
    return result


def _message(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    lines = [ln for ln in str(orig).strip().splitlines() if ln.strip()]
    return lines[0] if lines else type(orig).__name__
