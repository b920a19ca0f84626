"""The office's own history at the centre, written as the virtual station OFFICE: sessions
(lockbox, online, mail, autopay, returns), sales with gap-free OFFICE receipt numbers, their
lines and tenders, and the ledger entries they make on utility accounts.

These are the same tables the stations push to, so the reconciliation, the Z report totals and
the day's journal take them in like any station's; the database lets a finance login write
only rows of OFFICE (see the central migration c0004_i17).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from counterpos.services.clock import utcnow
from counterpos.services.office.connection import OFFICE, Office
from counterpos.store.models.base import new_id


@dataclass
class OfficeLine:
    service_code: str
    description: str
    amount_cents: int
    gl_account: str
    account_id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)


@dataclass
class OfficeTender:
    kind: str  # check, eft, returned_item
    amount_cents: int
    reference: str = ""
    payer: str = ""


@dataclass
class OfficeSale:
    lines: list[OfficeLine]
    tenders: list[OfficeTender]
    customer_id: str | None = None
    kind: str = "sale"
    original_sale_id: str | None = None
    note: str = ""
    id: str = field(default_factory=new_id)
    receipt_no: str = ""

    @property
    def total_cents(self) -> int:
        return sum(line.amount_cents for line in self.lines)


@dataclass
class Entry:
    account_id: str
    entry_type: str
    amount_cents: int
    memo: str
    sale_line_id: str | None = None
    reverses_id: str | None = None


def receipt_numbers(conn: Connection, n: int) -> range:
    """`n` gap-free sequence numbers of OFFICE receipts, reserved in this transaction."""
    conn.execute(
        text("INSERT INTO office_counter (name) VALUES (:c) ON CONFLICT (name) DO NOTHING"),
        {"c": f"receipt:{OFFICE}"},
    )
    last = conn.execute(
        text(
            "UPDATE office_counter SET last_value = last_value + :n WHERE name = :c "
            "RETURNING last_value"
        ),
        {"n": n, "c": f"receipt:{OFFICE}"},
    ).scalar_one()
    return range(last - n + 1, last + 1)


def open_virtual_session(
    conn: Connection, office: Office, kind: str, note: str = "", at: datetime | None = None
) -> str:
    """A session of the office, opened and closed at once: it holds no drawer, so its float,
    count and over/short are zero; it exists to carry its own Z report and deposit."""
    at = at or utcnow()
    sid = new_id()
    conn.execute(
        text(
            "INSERT INTO drawer_session (id, station_code, user_id, kind, opened_at, "
            "opening_float_cents, opening_count) VALUES (:id, :st, :u, :k, :at, 0, '{}')"
        ),
        {"id": sid, "st": OFFICE, "u": office.actor.user_id, "k": kind, "at": at},
    )
    conn.execute(
        text(
            "INSERT INTO drawer_close (id, session_id, closed_at, closed_by, counted_cash_cents, "
            "expected_cash_cents, over_short_cents, closing_count, approver_id, note) VALUES "
            "(:id, :s, :at, :u, 0, 0, 0, '{}', NULL, :note)"
        ),
        {"id": new_id(), "s": sid, "at": at, "u": office.actor.user_id, "note": note[:400]},
    )
    return sid


def write_sales(
    conn: Connection,
    office: Office,
    session_id: str,
    sales: Sequence[OfficeSale],
    entries: Sequence[Entry] = (),
    at: datetime | None = None,
) -> None:
    """Insert the sales (numbered now), their lines and tenders, and the ledger entries, each
    table in one batched statement."""
    if not sales:
        return
    at = at or utcnow()
    numbers = receipt_numbers(conn, len(sales))
    for sale, seq in zip(sales, numbers, strict=True):
        sale.receipt_no = f"{OFFICE}-{seq:06d}"
    bulk_insert(
        conn,
        "sale",
        (
            "id",
            "receipt_no",
            "station_code",
            "sequence",
            "kind",
            "original_sale_id",
            "session_id",
            "user_id",
            "customer_id",
            "total_cents",
            "change_cents",
            "note",
            "created_at",
        ),
        [
            (
                s.id,
                s.receipt_no,
                OFFICE,
                seq,
                s.kind,
                s.original_sale_id,
                session_id,
                office.actor.user_id,
                s.customer_id,
                s.total_cents,
                0,
                s.note[:200],
                at,
            )
            for s, seq in zip(sales, numbers, strict=True)
        ],
    )
    bulk_insert(
        conn,
        "sale_line",
        (
            "id",
            "sale_id",
            "line_no",
            "service_code",
            "description",
            "quantity",
            "amount_cents",
            "gl_account",
            "account_id",
            "details",
        ),
        [
            (
                line.id,
                s.id,
                n,
                line.service_code,
                line.description[:200],
                1,
                line.amount_cents,
                line.gl_account,
                line.account_id,
                json.dumps(line.details),
            )
            for s in sales
            for n, line in enumerate(s.lines, start=1)
        ],
    )
    bulk_insert(
        conn,
        "tender",
        (
            "id",
            "sale_id",
            "position",
            "kind",
            "amount_cents",
            "tendered_cents",
            "change_cents",
            "reference",
            "payer",
            "card_brand",
            "card_last4",
        ),
        [
            (
                new_id(),
                s.id,
                p,
                t.kind,
                t.amount_cents,
                t.amount_cents,
                0,
                t.reference[:40],
                t.payer[:80],
                "",
                "",
            )
            for s in sales
            for p, t in enumerate(s.tenders, start=1)
        ],
    )
    write_entries(conn, entries, at)


def bulk_insert(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Insert many rows in one statement: COPY into a temporary twin, then INSERT ... SELECT
    (COPY straight into a table with row-level security is not allowed; the INSERT is checked
    against the policies like any other)."""
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    stage = f"office_stage_{table}"
    raw = conn.connection.driver_connection
    assert raw is not None  # a live psycopg connection inside the transaction
    with raw.cursor() as cur:
        cur.execute(
            f'CREATE TEMP TABLE IF NOT EXISTS {stage} (LIKE "{table}" INCLUDING DEFAULTS) '
            "ON COMMIT DROP"
        )
        with cur.copy(f"COPY {stage} ({cols}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)
        cur.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM {stage}')
        cur.execute(f"TRUNCATE {stage}")


def write_entries(conn: Connection, entries: Sequence[Entry], at: datetime | None = None) -> None:
    if not entries:
        return
    at = at or utcnow()
    bulk_insert(
        conn,
        "ledger_entry",
        (
            "id",
            "account_id",
            "entry_type",
            "amount_cents",
            "memo",
            "sale_line_id",
            "reverses_id",
            "station_code",
            "created_at",
        ),
        [
            (
                new_id(),
                e.account_id,
                e.entry_type,
                e.amount_cents,
                e.memo[:200],
                e.sale_line_id,
                e.reverses_id,
                OFFICE,
                at,
            )
            for e in entries
        ],
    )
