"""Importing a month of reads: `import_reads` against hand-written raw sqlite3 writing the same rows.

Run: python bench/read_import.py [--reads 50000]

On a copy of a metered city with three months already read and billed (bench/utility_city.py),
one fixed-width file of a read for every meter is imported by the real service: the file
parsed and every line checked (meter in service, date after its last read, dials, rollover),
each read's consumption and its review against the account's 12-month average, the reads and
their outbox rows written in one transaction. The baseline, on another copy, inserts the same
reads (consumption already known) and their outbox rows with raw sqlite3 in one transaction.
Goal: at least 10,000 reads/s.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from bench.utility_city import Reader, fresh_copy, history_city, login, month_start  # noqa: E402
from counterpos.domain.utility.read_files import parse  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.services.utility.meters.read_import import import_reads  # noqa: E402


def baseline(db_path: Path, data: bytes) -> float:
    """Hand-written: the reads' consumption from the meter's last read, then raw inserts."""
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    t0 = time.perf_counter()
    records = parse(data.decode())
    db.execute("BEGIN IMMEDIATE")
    last = {
        serial: (mid, account, rid, value)
        for serial, mid, account, rid, value in db.execute(
            "SELECT m.serial, m.id, r.account_id, r.id, r.value FROM meter m JOIN meter_read r ON "
            "r.id = (SELECT x.id FROM meter_read x WHERE x.meter_id = m.id "
            "ORDER BY x.read_on DESC, x.created_at DESC LIMIT 1)"
        )
    }
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    reads, outbox = [], []
    for r in records:
        mid, account, prev_id, prev = last[r.meter_serial]
        units = r.value - prev if r.value >= prev else 10000 - prev + r.value
        rid = str(uuid.uuid4())
        row = (
            rid,
            mid,
            account,
            r.read_on.isoformat(),
            r.value,
            "actual",
            int(r.rollover),
            units,
            prev_id,
            "",
            "fixed",
            None,
            None,
            r.reader,
            "B1",
            "bench",
            now,
        )
        reads.append(row)
        outbox.append(
            (
                rid,
                "meter_read",
                json.dumps(dict(zip(COLUMNS, row, strict=True)), sort_keys=True),
                now,
            )
        )
    db.executemany(
        f"INSERT INTO meter_read ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
        reads,
    )
    db.executemany(
        "INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state) "
        "VALUES (?, ?, ?, ?, 0, '', 'pending')",
        outbox,
    )
    db.execute("COMMIT")
    took = time.perf_counter() - t0
    db.close()
    return took


COLUMNS = (
    "id",
    "meter_id",
    "account_id",
    "read_on",
    "value",
    "kind",
    "rollover",
    "consumption",
    "previous_read_id",
    "review",
    "source",
    "replaces_id",
    "import_id",
    "reader",
    "station_code",
    "created_by",
    "created_at",
)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reads", type=int, default=50_000)
    args = parser.parse_args()
    home = history_city(args.reads)
    reader = Reader(home)
    first = month_start(1)
    data = reader.file(first.replace(day=20))
    results = []
    for round_ in range(2):
        path = fresh_copy(home, f"read-import-service-{round_}")
        st = Station.open(path)
        actor = login(st)
        t0 = time.perf_counter()
        result = import_reads(st, actor, data, "reads.txt")
        svc = time.perf_counter() - t0
        st.close()
        path = fresh_copy(home, f"read-import-sql-{round_}")
        raw = baseline(path / DB_FILE, data)
        results.append((svc, raw, result))
    best_svc = min(r[0] for r in results)
    best_raw = min(r[1] for r in results)
    res = results[0][2]
    print(f"{res.records:,} reads ({sum(res.held.values()):,} held for review: {res.held})")
    print(
        f"  import_reads     {', '.join(f'{r[0]:.2f}' for r in results)} s -> {res.records / best_svc:,.0f} reads/s"
    )
    print(
        f"  raw sqlite3      {', '.join(f'{r[1]:.2f}' for r in results)} s -> {res.records / best_raw:,.0f} reads/s"
    )
    print(f"  ratio {best_svc / best_raw:.2f}x (goal: at least 10,000 reads/s)")


if __name__ == "__main__":
    main()
