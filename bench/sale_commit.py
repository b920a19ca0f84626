"""Committing one sale durably: the real `complete_sale` against hand-written raw sqlite3.

Run: python bench/sale_commit.py [--sales N]

A third series times the same `complete_sale` with the store's card-number guard switched off
(store/pan_boundary.py: its engine hook removed, `guard_rows` a no-op), alternating with the
other two, so the guard's share of a sale commit is measured in the same run; the guard's own
work on one sale's rows is also timed on its own.

Both write the same sale to a copy of the same store (WAL, synchronous=FULL, foreign keys on)
in one transaction each: the receipt number, the sale, two lines (a utility bill payment and a
miscellaneous receipt), the ledger payment, two tenders (check and cash with change), the
hash-chained audit event and an outbox row for each of those seven records. The two run
alternately in the same process so that disk and load affect both alike. Prints p50/p95 and
the ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sqlite3
import sys
import time
import uuid
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sqlalchemy import event, text  # noqa: E402

from counterpos.demo.city import add_demo_customers, load_demo_file  # noqa: E402
from counterpos.domain.cart import Cart  # noqa: E402
from counterpos.domain.money import Money  # noqa: E402
from counterpos.domain.tenders import Tender  # noqa: E402
from counterpos.services import sessions  # noqa: E402
from counterpos.services.access import auth, users  # noqa: E402
from counterpos.services.sale import catalog, sales  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store import pan_boundary  # noqa: E402

OUT = ROOT / "bench" / "out" / "sale-commit"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def setup() -> tuple[Station, object, str, str]:
    shutil.rmtree(OUT, ignore_errors=True)
    station = Station.open(OUT)
    station.set_code("B1", "Bench counter")
    data = load_demo_file()
    users.add_user(station, "maria", "Maria Lopez", "cashier", "1111")
    add_demo_customers(station, data, 2000)
    actor = auth.login(station, "maria", "1111")
    drawer = sessions.open_session(station, actor, {"bill_20": 5})
    with station.store.read() as s:
        account_no = s.execute(
            text("SELECT account_no FROM utility_account ORDER BY account_no LIMIT 1")
        ).scalar()
    return station, actor, drawer.session_id, account_no


def real_sale(station, actor, session_id, account_no) -> None:
    cart = Cart(
        [
            catalog.price_line(
                station, "utility_payment", details={"account_no": account_no}, amount_text="84.17"
            ),
            catalog.price_line(
                station,
                "misc_receipt",
                details={"gl_account": "4810", "memo": "Copies"},
                amount_text="3.50",
            ),
        ]
    )
    tenders = [
        Tender("check", Money(5000), reference="1001", payer="Ana Reyes"),
        Tender("cash", Money(4000)),
    ]
    t = time.perf_counter()
    sales.complete_sale(station, actor, session_id, cart, tenders)
    return time.perf_counter() - t


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


def raw_sale(conn: sqlite3.Connection, station_code, user_id, session_id, account_id) -> float:
    """The same rows, written by hand in one transaction."""
    t = time.perf_counter()
    now = _now()
    outbox = []

    def queue(table: str, row: dict) -> None:
        outbox.append((row["id"], table, json.dumps(row, sort_keys=True), now))

    conn.execute("BEGIN IMMEDIATE")
    seq = conn.execute(
        "UPDATE receipt_sequence SET last_value = last_value + 1 WHERE station_code = ? "
        "RETURNING last_value",
        (station_code,),
    ).fetchone()[0]
    receipt_no = f"{station_code}-{seq:06d}"
    sale = {
        "id": str(uuid.uuid4()),
        "receipt_no": receipt_no,
        "station_code": station_code,
        "sequence": seq,
        "kind": "sale",
        "original_sale_id": None,
        "session_id": session_id,
        "user_id": user_id,
        "approver_id": None,
        "customer_id": None,
        "total_cents": 8767,
        "change_cents": 233,
        "note": "",
        "created_at": now,
    }
    conn.execute(
        "INSERT INTO sale VALUES (:id, :receipt_no, :station_code, :sequence, :kind, "
        ":original_sale_id, :session_id, :user_id, :approver_id, :customer_id, :total_cents, "
        ":change_cents, :note, :created_at)",
        sale,
    )
    queue("sale", sale)
    lines = [
        (
            1,
            "utility_payment",
            "Utility bill payment",
            8417,
            "2100",
            account_id,
            {"account_no": "x"},
        ),
        (
            2,
            "misc_receipt",
            "Miscellaneous receipt – Copies",
            350,
            "4810",
            None,
            {"memo": "Copies"},
        ),
    ]
    for no, code, desc, cents, gl, acct, details in lines:
        line = {
            "id": str(uuid.uuid4()),
            "sale_id": sale["id"],
            "line_no": no,
            "service_code": code,
            "description": desc,
            "quantity": 1,
            "amount_cents": cents,
            "gl_account": gl,
            "account_id": acct,
            "details": json.dumps(details),
        }
        conn.execute(
            "INSERT INTO sale_line VALUES (:id, :sale_id, :line_no, :service_code, :description, "
            ":quantity, :amount_cents, :gl_account, :account_id, :details)",
            line,
        )
        queue("sale_line", line)
        if acct:
            entry = {
                "id": str(uuid.uuid4()),
                "account_id": acct,
                "entry_type": "payment",
                "amount_cents": -cents,
                "memo": f"Payment, receipt {receipt_no}",
                "sale_line_id": line["id"],
                "reverses_id": None,
                "station_code": station_code,
                "created_at": now,
            }
            conn.execute(
                "INSERT INTO ledger_entry VALUES (:id, :account_id, :entry_type, :amount_cents, "
                ":memo, :sale_line_id, :reverses_id, :station_code, :created_at)",
                entry,
            )
            queue("ledger_entry", entry)
    for pos, kind, applied, tendered, change, ref, payer in (
        (1, "check", 5000, 5000, 0, "1001", "Ana Reyes"),
        (2, "cash", 3767, 4000, 233, "", ""),
    ):
        tender = {
            "id": str(uuid.uuid4()),
            "sale_id": sale["id"],
            "position": pos,
            "kind": kind,
            "amount_cents": applied,
            "tendered_cents": tendered,
            "change_cents": change,
            "reference": ref,
            "payer": payer,
            "card_brand": "",
            "card_last4": "",
        }
        conn.execute(
            "INSERT INTO tender VALUES (:id, :sale_id, :position, :kind, :amount_cents, "
            ":tendered_cents, :change_cents, :reference, :payer, :card_brand, :card_last4)",
            tender,
        )
        queue("tender", tender)
    last = conn.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    aseq, prev = (last[0] + 1, last[1]) if last else (1, "0" * 64)
    details = {"total_cents": 8767, "lines": 2, "tenders": ["check", "cash"]}
    body = json.dumps(
        [prev, aseq, now, station_code, "sale", "maria", "", receipt_no, details],
        sort_keys=True,
        separators=(",", ":"),
    )
    event = {
        "id": str(uuid.uuid4()),
        "seq": aseq,
        "station_code": station_code,
        "at": now,
        "action": "sale",
        "actor": "maria",
        "approver": "",
        "target": receipt_no,
        "details": json.dumps(details),
        "prev_hash": prev,
        "hash": hashlib.sha256(body.encode()).hexdigest(),
    }
    conn.execute(
        "INSERT INTO audit_event VALUES (:id, :seq, :station_code, :at, :action, :actor, "
        ":approver, :target, :details, :prev_hash, :hash)",
        event,
    )
    queue("audit_event", event)
    conn.executemany(
        "INSERT INTO outbox (record_id, table_name, payload, created_at, sent_at, attempts, error) "
        "VALUES (?, ?, ?, ?, NULL, 0, '')",
        outbox,
    )
    conn.execute("COMMIT")
    return time.perf_counter() - t


@contextmanager
def unguarded(station):
    """The store without its card-number guard (the "before" of issue 13), for one sale."""
    guard_rows = pan_boundary.guard_rows
    event.remove(station.store.engine, "before_execute", pan_boundary._before_execute)
    pan_boundary.guard_rows = lambda table, rows: None
    try:
        yield
    finally:
        pan_boundary.guard_rows = guard_rows
        pan_boundary.install(station.store.engine)


def guard_alone(station, actor, session_id, account_no, rounds: int = 2000) -> float:
    """Microseconds the guard spends on one sale's rows (the rows `insert_synced` writes)."""
    seen: list[tuple] = []
    guard_rows = pan_boundary.guard_rows

    def keep(table, rows):
        seen.append((table, [dict(r) for r in rows]))
        guard_rows(table, rows)

    pan_boundary.guard_rows = keep
    try:
        real_sale(station, actor, session_id, account_no)
    finally:
        pan_boundary.guard_rows = guard_rows
    copies = [[(table, [dict(r) for r in rows]) for table, rows in seen] for _ in range(rounds)]
    t = time.perf_counter()
    for batch in copies:
        for table, rows in batch:
            guard_rows(table, rows)
    return (time.perf_counter() - t) / rounds * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sales", type=int, default=200, help="sales timed for each side")
    args = ap.parse_args()
    station, actor, session_id, account_no = setup()
    # The raw side writes to its own copy of the same store, so that neither connection's page
    # cache is thrown away by the other's commits (as two tills on one file would not be).
    with station.store.write() as s:
        s.connection().exec_driver_sql("SELECT 1")
    station.close()
    raw_copy = sqlite3.connect(OUT / DB_FILE)
    raw_copy.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw_copy.close()
    (OUT / "raw").mkdir()
    shutil.copy(OUT / DB_FILE, OUT / "raw" / DB_FILE)
    station = Station.open(OUT)
    conn = sqlite3.connect(OUT / "raw" / DB_FILE, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2
    account_id = conn.execute(
        "SELECT id FROM utility_account WHERE account_no = ?", (account_no,)
    ).fetchone()[0]
    real, raw, bare = [], [], []
    for i in range(args.sales + 10):
        r = real_sale(station, actor, session_id, account_no)
        w = raw_sale(conn, station.code, actor.user_id, session_id, account_id)
        with unguarded(station):
            b = real_sale(station, actor, session_id, account_no)
        if i >= 10:  # the first few warm caches up
            real.append(r * 1000)
            raw.append(w * 1000)
            bare.append(b * 1000)
    guard_us = guard_alone(station, actor, session_id, account_no)
    for db, n in ((conn, args.sales + 10), (sqlite3.connect(OUT / DB_FILE), 2 * args.sales + 21)):
        total, top = db.execute("SELECT count(*), max(sequence) FROM sale").fetchone()
        assert total == top == n, "every sale saved, numbers gap-free"
        db.close()
    station.close()
    r50, r95, w50, w95 = pct(real, 50), pct(real, 95), pct(raw, 50), pct(raw, 95)
    print(f"sale commit (2 lines, 2 tenders, durable), {args.sales} sales each, alternating")
    print(f"complete_sale:       p50 {r50:6.2f} ms  p95 {r95:6.2f} ms")
    print(f"raw sqlite3:         p50 {w50:6.2f} ms  p95 {w95:6.2f} ms")
    print(f"ratio complete_sale/raw: p50 {r50 / w50:.2f}x  p95 {r95 / w95:.2f}x")
    b50, b95 = pct(bare, 50), pct(bare, 95)
    print(f"complete_sale, card-number guard off: p50 {b50:6.2f} ms  p95 {b95:6.2f} ms")
    print(
        f"the guard's cost: p50 {(r50 - b50) / b50 * 100:+.1f}%  p95 {(r95 - b95) / b95 * 100:+.1f}%"
        f"; its own work on one sale's rows {guard_us:.1f} µs = "
        f"{guard_us / 1000 / b50 * 100:.1f}% of the unguarded p50"
    )


if __name__ == "__main__":
    main()
