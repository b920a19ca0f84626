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
    conn.execute(
        text(
            "INSERT INTO sale (id, receipt_no, station_code, sequence, kind, original_sale_id, "
            "session_id, user_id, approver_id, customer_id, total_cents, change_cents, note, "
            "created_at) VALUES (:id, :no, :st, :seq, :kind, :orig, :sid, :u, NULL, :cust, "
            ":total, 0, :note, :at)"
        ),
        [
            {
                "id": s.id,
                "no": s.receipt_no,
                "st": OFFICE,
                "seq": seq,
                "kind": s.kind,
                "orig": s.original_sale_id,
                "sid": session_id,
                "u": office.actor.user_id,
                "cust": s.customer_id,
                "total": s.total_cents,
                "note": s.note[:200],
                "at": at,
            }
            for s, seq in zip(sales, numbers, strict=True)
        ],
    )
    conn.execute(
        text(
            "INSERT INTO sale_line (id, sale_id, line_no, service_code, description, quantity, "
            "amount_cents, gl_account, account_id, details) VALUES (:id, :sale, :n, :svc, "
            ":d, 1, :a, :gl, :acct, CAST(:det AS jsonb))"
        ),
        [
            {
                "id": line.id,
                "sale": s.id,
                "n": n,
                "svc": line.service_code,
                "d": line.description[:200],
                "a": line.amount_cents,
                "gl": line.gl_account,
                "acct": line.account_id,
                "det": json.dumps(line.details),
            }
            for s in sales
            for n, line in enumerate(s.lines, start=1)
        ],
    )
    conn.execute(
        text(
            "INSERT INTO tender (id, sale_id, position, kind, amount_cents, tendered_cents, "
            "change_cents, reference, payer, card_brand, card_last4) VALUES (:id, :sale, :p, "
            ":k, :a, :a, 0, :ref, :payer, '', '')"
        ),
        [
            {
                "id": new_id(),
                "sale": s.id,
                "p": p,
                "k": t.kind,
                "a": t.amount_cents,
                "ref": t.reference[:40],
                "payer": t.payer[:80],
            }
            for s in sales
            for p, t in enumerate(s.tenders, start=1)
        ],
    )
    write_entries(conn, entries, at)


def write_entries(conn: Connection, entries: Sequence[Entry], at: datetime | None = None) -> None:
    if not entries:
        return
    conn.execute(
        text(
            "INSERT INTO ledger_entry (id, account_id, entry_type, amount_cents, memo, "
            "sale_line_id, reverses_id, station_code, created_at) VALUES (:id, :acct, :t, :a, "
            ":m, :line, :rev, :st, :at)"
        ),
        [
            {
                "id": new_id(),
                "acct": e.account_id,
                "t": e.entry_type,
                "a": e.amount_cents,
                "m": e.memo[:200],
                "line": e.sale_line_id,
                "rev": e.reverses_id,
                "st": OFFICE,
                "at": at or utcnow(),
            }
            for e in entries
        ],
    )
