"""Committing one sale durably: the real `complete_sale` against hand-written raw sqlite3.

Run: python bench/sale_commit.py [--sales N]

Two sales, each against its own hand-written raw sqlite3 baseline writing the same rows to a
copy of the same store (WAL, synchronous=FULL, foreign keys on), one transaction each:

- two lines: the receipt number, the sale, two lines (a utility bill payment and a
  miscellaneous receipt), the ledger payment, two tenders (check and cash with change), the
  hash-chained audit event and an outbox row for each of those seven records;
- five service lines: a utility bill payment, a dog license with its tag from the station's
  stock, a yard sale permit, a monthly bus pass reload and a miscellaneous receipt, paid in
  cash: the sale, its lines, the ledger payment, the tag movement, the license, three issued
  documents (license, permit, pass), the tender, the audit event and their outbox rows. The raw
  side also makes the reads a hand-written till would: the next tag number of the block and
  the address's permits this year.

`complete_sale` prices every line again inside its transaction (the fee rules in force at that
moment), so that is part of what is timed; the cart is built before the clock starts. Real and
raw run alternately in the same process so that disk and load affect both alike. Prints
p50/p95 and the ratios.

A third series times the two-line `complete_sale` with the store's card-number guard switched
off (store/pan_boundary.py: its engine hook removed, `guard_rows` a no-op), alternating with
the two-line real and raw sales, so the guard's share of a sale commit is measured in the same run; the guard's own
work on one sale's rows is also timed on its own.
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
from datetime import UTC, date, datetime, timedelta
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
from counterpos.services.clock import local_today  # noqa: E402
from counterpos.services.counter import tag_inventory  # noqa: E402
from counterpos.services.sale import catalog, sales  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store import pan_boundary  # noqa: E402

OUT = ROOT / "bench" / "out" / "sale-commit"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def setup() -> tuple[Station, object, str, str, str]:
    shutil.rmtree(OUT, ignore_errors=True)
    station = Station.open(OUT)
    station.set_code("B1", "Bench counter")
    data = load_demo_file()
    users.add_user(station, "maria", "Maria Lopez", "cashier", "1111")
    users.add_user(station, "sofia", "Sofia Ruiz", "supervisor", "333333")
    add_demo_customers(station, data, 2000)
    year = local_today().year
    supervisor = auth.login(station, "sofia", "333333")
    tag_inventory.assign_block(station, supervisor, "B1", year, 1, 90_000)  # the real side's
    tag_inventory.assign_block(station, supervisor, "B2", year, 90_001, 180_000)  # the raw's
    actor = auth.login(station, "maria", "1111")
    drawer = sessions.open_session(station, actor, {"bill_20": 5})
    with station.store.read() as s:
        # An account whose bill is not yet due: a payment with no late fee to go with it.
        account_no, customer_id = s.execute(
            text(
                "SELECT account_no, customer_id FROM utility_account WHERE due_date > :today "
                "ORDER BY account_no LIMIT 1"
            ),
            {"today": local_today()},
        ).one()
    return station, actor, drawer.session_id, account_no, customer_id


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


FIVE_TOTAL = 8417 + 1700 + 2000 + 4000 + 350


def dog(i: int, today: date) -> dict:
    return {
        "animal_name": f"Rex {i}",
        "species": "dog",
        "breed": "Labrador",
        "colour": "Black",
        "sex": "male",
        "altered": "yes",
        "term": "1",
        "senior": "no",
        "rabies_certificate": f"RC{100000 + i}",
        "rabies_expires": (today + timedelta(days=800)).isoformat(),
        "veterinarian": "Mission Vista Animal Clinic",
    }


def five_line_cart(station, i: int, account_no: str, customer_id: str) -> Cart:
    today = local_today()
    lines = []
    for code, kw in (
        ("utility_payment", {"details": {"account_no": account_no}, "amount_text": "84.17"}),
        ("animal_license", {"details": dog(i, today)}),
        (
            "yard_sale_permit",
            {
                "details": {
                    "address": f"{i} Bench Way",
                    "start_date": (today + timedelta(days=7)).isoformat(),
                    "days": "2",
                }
            },
        ),
        (
            "bus_pass",
            {
                "details": {
                    "pass_type": "adult_monthly",
                    "card_no": "12345678",
                    "card_action": "reload",
                    "month": "this",
                }
            },
        ),
        (
            "misc_receipt",
            {"details": {"gl_account": "4810", "memo": "Copies"}, "amount_text": "3.50"},
        ),
    ):
        lines += catalog.price_lines(station, code, customer_id=customer_id, **kw)
    assert len(lines) == 5 and sum(x.amount.cents for x in lines) == FIVE_TOTAL, lines
    return Cart(lines, customer_id=customer_id)


def real_five(station, actor, session_id, cart: Cart) -> float:
    t = time.perf_counter()
    sales.complete_sale(station, actor, session_id, cart, [Tender("cash", Money(20000))])
    return time.perf_counter() - t


def _insert(conn: sqlite3.Connection, table: str, row: dict, outbox: list, now: str) -> None:
    cols = list(row)
    values = [json.dumps(v) if isinstance(v, dict) else v for v in row.values()]
    conn.execute(
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", values
    )
    outbox.append((row["id"], table, json.dumps(row, sort_keys=True, default=str), now))


def _audit(conn, outbox, now, station_code, receipt_no, details) -> None:
    last = conn.execute("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1").fetchone()
    aseq, prev = (last[0] + 1, last[1]) if last else (1, "0" * 64)
    body = json.dumps(
        [prev, aseq, now, station_code, "sale", "maria", "", receipt_no, details],
        sort_keys=True,
        separators=(",", ":"),
    )
    _insert(
        conn,
        "audit_event",
        {
            "id": str(uuid.uuid4()),
            "seq": aseq,
            "station_code": station_code,
            "at": now,
            "action": "sale",
            "actor": "maria",
            "approver": "",
            "target": receipt_no,
            "details": details,
            "prev_hash": prev,
            "hash": hashlib.sha256(body.encode()).hexdigest(),
        },
        outbox,
        now,
    )


def raw_five(conn, i, user_id, session_id, account_id, customer_id) -> float:
    """The five-line sale's rows, written by hand in one transaction, with the reads it needs."""
    station_code = "B2"  # its own tag block: the raw side's tags never clash with the real's
    t = time.perf_counter()
    now = _now()
    today = local_today()
    year = today.year
    outbox: list = []
    conn.execute("BEGIN IMMEDIATE")
    seq = conn.execute(
        "UPDATE receipt_sequence SET last_value = last_value + 1 WHERE station_code = ? "
        "RETURNING last_value",
        ("B1",),
    ).fetchone()[0]
    receipt_no = f"B1-{seq:06d}"
    sale_id = str(uuid.uuid4())
    _insert(
        conn,
        "sale",
        {
            "id": sale_id,
            "receipt_no": receipt_no,
            "station_code": "B1",
            "sequence": seq,
            "kind": "sale",
            "original_sale_id": None,
            "session_id": session_id,
            "user_id": user_id,
            "approver_id": None,
            "customer_id": customer_id,
            "total_cents": FIVE_TOTAL,
            "change_cents": 20000 - FIVE_TOTAL,
            "note": "",
            "created_at": now,
        },
        outbox,
        now,
    )
    first, last = conn.execute(
        "SELECT first_no, last_no FROM tag_block WHERE year = ? AND station_code = ?",
        (year, station_code),
    ).fetchone()
    top = conn.execute(
        "SELECT max(number) FROM tag_movement WHERE year = ? AND number BETWEEN ? AND ?",
        (year, first, last),
    ).fetchone()[0]
    tag = first if top is None else top + 1
    tag_no, license_no = f"{year}-{tag:05d}", f"AN-{year}-{tag:05d}"
    address, start = f"{i} Bench Way", today + timedelta(days=7)
    held = conn.execute(
        "SELECT count(*) FROM issued_document d JOIN sale s ON s.id = d.sale_id "
        "WHERE d.doc_type = 'yard_sale_permit' AND d.holder = ? AND d.valid_from BETWEEN ? AND ?",
        (address, date(year, 1, 1), date(year, 12, 31)),
    ).fetchone()[0]
    assert held < 2
    expires = (today + timedelta(days=365)).isoformat()
    dog_details = {**dog(i, today), "tag_no": tag_no, "license_no": license_no}
    lines = [
        ("utility_payment", "Utility bill payment", 8417, "2100", account_id, {"account_no": "x"}),
        ("animal_license", "Animal license", 1700, "4310", None, dog_details),
        ("yard_sale_permit", "Yard sale permit", 2000, "4320", None, {"address": address}),
        ("bus_pass", "Transit bus pass", 4000, "4510", None, {"pass_type": "adult_monthly"}),
        ("misc_receipt", "Miscellaneous receipt – Copies", 350, "4810", None, {"memo": "x"}),
    ]
    ids = []
    for no, (code, desc, cents, gl, acct, details) in enumerate(lines, start=1):
        line_id = str(uuid.uuid4())
        ids.append(line_id)
        _insert(
            conn,
            "sale_line",
            {
                "id": line_id,
                "sale_id": sale_id,
                "line_no": no,
                "service_code": code,
                "description": desc,
                "quantity": 1,
                "amount_cents": cents,
                "gl_account": gl,
                "account_id": acct,
                "details": details,
            },
            outbox,
            now,
        )
    _insert(
        conn,
        "ledger_entry",
        {
            "id": str(uuid.uuid4()),
            "account_id": account_id,
            "entry_type": "payment",
            "amount_cents": -8417,
            "memo": f"Payment, receipt {receipt_no}",
            "sale_line_id": ids[0],
            "reverses_id": None,
            "station_code": "B1",
            "created_at": now,
        },
        outbox,
        now,
    )
    _insert(
        conn,
        "tag_movement",
        {
            "id": str(uuid.uuid4()),
            "year": year,
            "number": tag,
            "station_code": station_code,
            "kind": "issue",
            "sale_line_id": ids[1],
            "license_no": license_no,
            "created_at": now,
        },
        outbox,
        now,
    )
    _insert(
        conn,
        "license",
        {
            "id": str(uuid.uuid4()),
            "customer_id": customer_id,
            "kind": "animal",
            "license_no": license_no,
            "tag_no": tag_no,
            "description": f"Dog “Rex {i}”",
            "issued_on": today.isoformat(),
            "expires_on": expires,
            "details": dog_details,
            "sale_line_id": ids[1],
            "created_at": now,
            "status": "issued",
        },
        outbox,
        now,
    )
    for line_id, doc_type, doc_no, holder, valid_to, details in (
        (ids[1], "animal_license", license_no, "Owner", expires, dog_details),
        (ids[2], "yard_sale_permit", f"YS-{receipt_no}-3", address, start.isoformat(), {}),
        (ids[3], "bus_pass", f"BP-{receipt_no}-4", "12345678", expires, {}),
    ):
        _insert(
            conn,
            "issued_document",
            {
                "id": str(uuid.uuid4()),
                "sale_id": sale_id,
                "sale_line_id": line_id,
                "doc_type": doc_type,
                "doc_no": doc_no,
                "holder": holder,
                "valid_from": today.isoformat(),
                "valid_to": valid_to,
                "details": details,
                "created_at": now,
            },
            outbox,
            now,
        )
    _insert(
        conn,
        "tender",
        {
            "id": str(uuid.uuid4()),
            "sale_id": sale_id,
            "position": 1,
            "kind": "cash",
            "amount_cents": FIVE_TOTAL,
            "tendered_cents": 20000,
            "change_cents": 20000 - FIVE_TOTAL,
            "reference": "",
            "payer": "",
            "card_brand": "",
            "card_last4": "",
        },
        outbox,
        now,
    )
    details = {"total_cents": FIVE_TOTAL, "lines": 5, "tenders": ["cash"]}
    _audit(conn, outbox, now, "B1", receipt_no, details)
    conn.executemany(
        "INSERT INTO outbox (record_id, table_name, payload, created_at, sent_at, attempts, error) "
        "VALUES (?, ?, ?, ?, NULL, 0, '')",
        outbox,
    )
    conn.execute("COMMIT")
    return time.perf_counter() - t


def report(title: str, real: list[float], raw: list[float]) -> None:
    r50, r95, w50, w95 = pct(real, 50), pct(real, 95), pct(raw, 50), pct(raw, 95)
    print(title)
    print(f"  complete_sale:       p50 {r50:6.2f} ms  p95 {r95:6.2f} ms")
    print(f"  raw sqlite3:         p50 {w50:6.2f} ms  p95 {w95:6.2f} ms")
    print(f"  ratio complete_sale/raw: p50 {r50 / w50:.2f}x  p95 {r95 / w95:.2f}x")


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
    station, actor, session_id, account_no, customer_id = setup()
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
    real5, raw5 = [], []
    for i in range(args.sales + 10):
        cart = five_line_cart(station, i, account_no, customer_id)
        r = real_five(station, actor, session_id, cart)
        w = raw_five(conn, i, actor.user_id, session_id, account_id, customer_id)
        if i >= 10:
            real5.append(r * 1000)
            raw5.append(w * 1000)
    guard_us = guard_alone(station, actor, session_id, account_no)
    # raw: a two-line and a five-line sale a round; real: those, the unguarded two-line sale
    # and the guard's own one.
    n = args.sales + 10
    for db, sold in ((conn, 2 * n), (sqlite3.connect(OUT / DB_FILE), 3 * n + 1)):
        total, top = db.execute("SELECT count(*), max(sequence) FROM sale").fetchone()
        assert total == top == sold, "every sale saved, numbers gap-free"
        licenses = db.execute("SELECT count(*) FROM license WHERE sale_line_id IS NOT NULL")
        assert licenses.fetchone()[0] == n
        db.close()
    station.close()
    report(
        f"sale commit, 2 lines, 2 tenders, durable; {args.sales} sales each, alternating", real, raw
    )
    report(
        f"sale commit, 5 service lines (payment, dog license and tag, yard sale, bus pass, "
        f"misc); {args.sales} sales each, alternating",
        real5,
        raw5,
    )
    r50, r95, b50, b95 = pct(real, 50), pct(real, 95), pct(bare, 50), pct(bare, 95)
    print(f"complete_sale, card-number guard off: p50 {b50:6.2f} ms  p95 {b95:6.2f} ms")
    print(
        f"the guard's cost: p50 {(r50 - b50) / b50 * 100:+.1f}%  p95 {(r95 - b95) / b95 * 100:+.1f}%"
        f"; its own work on one sale's rows {guard_us:.1f} µs = "
        f"{guard_us / 1000 / b50 * 100:.1f}% of the unguarded p50"
    )


if __name__ == "__main__":
    main()
