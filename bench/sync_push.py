"""Benchmark: push N sales (2 lines + 1 tender each) from a station's outbox to PostgreSQL.

Baseline, in the same run and on the same server: a raw COPY of the same rows, already parsed,
straight into the same central tables (no staging, no JSON, no conflict check). Reported: sales
per second for both, their ratio, and the push rate over the first and the last tenth of the
run (the rate must not fall as the central tables grow). The machine is shared, so each size
runs `--repeat` times and the best push and best COPY rates are reported.

    python bench/sync_push.py                 # 10,000 and 100,000 sales
    python bench/sync_push.py --sizes 1000000 # one million (several minutes)

Uses $COUNTERPOS_TEST_PG_URL (an administrator's URL) if set, else starts pgserver.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store.models.base import new_id  # noqa: E402
from counterpos.sync import central  # noqa: E402
from counterpos.sync.push import push  # noqa: E402

TABLES = ("sale", "sale_line", "tender")


def make_rows(n: int, station: str = "B1"):
    """The sale, line and tender rows of n sales, as the station's sale transaction writes them."""
    start = datetime(2026, 1, 1, 8, 0, 0)
    session, user = new_id(), new_id()
    rows = {t: [] for t in TABLES}
    for i in range(n):
        sid = new_id()
        at = (start + timedelta(seconds=i * 7)).isoformat()
        a, b = 1000 + i % 9000, 500 + i % 300
        rows["sale"].append(
            {
                "id": sid,
                "receipt_no": f"{station}-{i + 1:06d}",
                "station_code": station,
                "sequence": i + 1,
                "kind": "sale",
                "original_sale_id": None,
                "session_id": session,
                "user_id": user,
                "approver_id": None,
                "customer_id": None,
                "total_cents": a + b,
                "change_cents": 0,
                "note": "",
                "created_at": at,
            }
        )
        for no, (svc, gl, amt) in enumerate(
            (("utility_payment", "2100", a), ("citation", "4610", b)), start=1
        ):
            rows["sale_line"].append(
                {
                    "id": new_id(),
                    "sale_id": sid,
                    "line_no": no,
                    "service_code": svc,
                    "description": svc.replace("_", " ").title(),
                    "quantity": 1,
                    "amount_cents": amt,
                    "gl_account": gl,
                    "account_id": None,
                    "details": {"account_no": f"{10000000 + i % 5000 * 7:08d}"} if no == 1 else {},
                }
            )
        rows["tender"].append(
            {
                "id": new_id(),
                "sale_id": sid,
                "position": 1,
                "kind": "cash",
                "amount_cents": a + b,
                "tendered_cents": a + b,
                "change_cents": 0,
                "reference": "",
                "payer": "",
                "card_brand": "",
                "card_last4": "",
            }
        )
    return rows


def fill_outbox(db_path: Path, rows) -> int:
    """The outbox rows, in sale order (sale, its lines, its tender), as store/outbox.py writes."""
    con = sqlite3.connect(db_path)
    lines = iter(rows["sale_line"])
    tenders = iter(rows["tender"])
    now = datetime(2026, 1, 1).isoformat(sep=" ")

    def gen():
        for sale in rows["sale"]:
            for table, row in (
                ("sale", sale),
                ("sale_line", next(lines)),
                ("sale_line", next(lines)),
                ("tender", next(tenders)),
            ):
                yield (row["id"], table, json.dumps(row, sort_keys=True), now, 0, "", "pending")

    con.executemany(
        "INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        gen(),
    )
    con.commit()
    count = con.execute("SELECT count(*) FROM outbox WHERE state = 'pending'").fetchone()[0]
    con.close()
    return count


def new_database(admin_url: str, name: str) -> str:
    admin = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(False)
    engine = central.make_central_engine(url)
    central.init(engine)
    engine.dispose()
    return url


def drop_database(admin_url: str, name: str) -> None:
    admin = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            return
    engine = central.make_central_engine(make_url(admin_url).set(database=name))
    central.drop_database_roles(engine)
    engine.dispose()
    admin = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def raw_copy(url: str, rows, batch: int) -> tuple[float, list[float]]:
    """COPY the rows in the push's batch size (a sale's rows together), one commit per batch.

    Returns the total seconds and the sales-per-second rate of each batch.
    """
    conninfo = make_url(url).set(drivername="postgresql").render_as_string(False)
    cols = {t: list(rows[t][0]) for t in TABLES}

    def tup(r):
        return tuple(json.dumps(v) if isinstance(v, dict) else v for v in r.values())

    per_sale = batch // 4  # a sale is 4 rows: itself, two lines, a tender
    chunks = []
    for start in range(0, len(rows["sale"]), per_sale):
        stop = start + per_sale
        chunks.append(
            (
                stop - start if stop <= len(rows["sale"]) else len(rows["sale"]) - start,
                [tup(r) for r in rows["sale"][start:stop]],
                [tup(r) for r in rows["sale_line"][start * 2 : stop * 2]],
                [tup(r) for r in rows["tender"][start:stop]],
            )
        )
    rates = []
    with psycopg.connect(conninfo) as conn, conn.cursor() as cur:
        t0 = time.perf_counter()
        for sales, *data in chunks:
            t1 = time.perf_counter()
            for t, chunk in zip(TABLES, data, strict=True):
                names = ", ".join(f'"{c}"' for c in cols[t])
                with cur.copy(f'COPY "{t}" ({names}) FROM STDIN') as cp:
                    for r in chunk:
                        cp.write_row(r)
            conn.commit()
            rates.append(sales / (time.perf_counter() - t1))
        return time.perf_counter() - t0, rates


def bench(admin_url: str, n: int, batch: int) -> dict:
    rows = make_rows(n)
    tag = uuid.uuid4().hex[:6]
    push_db, copy_db = f"bench_push_{tag}", f"bench_copy_{tag}"
    with tempfile.TemporaryDirectory() as tmp:
        station = Station.open(Path(tmp))
        station.store.close()
        count = fill_outbox(Path(tmp) / DB_FILE, rows)
        station = Station.open(Path(tmp))
        try:
            url = new_database(admin_url, push_db)
            engine = central.make_central_engine(url)
            info = central.add_station(engine, "B1")
            engine.dispose()
            role = central.make_central_engine(info["url"], info["password"])
            marks: list[tuple[float, int]] = []
            t0 = time.perf_counter()
            result = push(
                station.store,
                role,
                batch_size=batch,
                after_commit=lambda b: marks.append((time.perf_counter(), len(b))),
            )
            push_s = time.perf_counter() - t0
            role.dispose()
            assert result.sent == count >= n * 4 and result.failed == 0, result
            copy_url = new_database(admin_url, copy_db)
            copy_s, copy_rates = raw_copy(copy_url, rows, batch)
            check = make_url(url).set(drivername="postgresql").render_as_string(False)
            with psycopg.connect(check) as conn:
                got = conn.execute("SELECT count(*), sum(total_cents) FROM sale").fetchone()
            assert got == (n, sum(r["total_cents"] for r in rows["sale"])), got
        finally:
            station.close()
            for db in (push_db, copy_db):
                drop_database(admin_url, db)
    # Rate per full batch, from the end of the previous batch to the end of this one.
    per_batch, prev = [], t0
    for at, size in marks:
        if size == batch:
            per_batch.append(size / 4 / (at - prev))
        prev = at
    tenth = max(1, len(per_batch) // 10)
    return {
        "sales": n,
        "push_rate": n / push_s,
        "copy_rate": n / copy_s,
        "ratio": copy_s / push_s,
        "first_tenth": sum(per_batch[:tenth]) / tenth,
        "last_tenth": sum(per_batch[-tenth:]) / tenth,
        "copy_first": _mean(copy_rates[: max(1, len(copy_rates) // 10)]),
        "copy_last": _mean(copy_rates[-max(1, len(copy_rates) // 10) :]),
    }


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


def admin_url() -> tuple[str, object]:
    env = os.environ.get("COUNTERPOS_TEST_PG_URL")
    if env:
        return central.normalise_url(env).render_as_string(False), None
    import pgserver

    server = pgserver.get_server(Path(tempfile.mkdtemp(prefix="bench-pg-")), cleanup_mode="delete")
    return central.normalise_url(server.get_uri()).render_as_string(False), server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch", type=int, default=10_000, help="outbox rows per batch")
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs per size; the best of each is reported"
    )
    args = parser.parse_args()
    url, server = admin_url()
    print(
        f"{'sales':>9} {'push/s':>9} {'COPY/s':>9} {'push/COPY':>9} "
        f"{'push, first/last 10%':>20} {'COPY, first/last 10%':>20}"
    )
    for n in args.sizes:
        runs = [bench(url, n, args.batch) for _ in range(args.repeat)]
        r = {k: max(x[k] for x in runs) for k in runs[0]}
        r["ratio"] = r["push_rate"] / r["copy_rate"]
        print(
            f"{r['sales']:>9,} {r['push_rate']:>9,.0f} {r['copy_rate']:>9,.0f} "
            f"{r['ratio']:>9.2f} {r['first_tenth']:>9,.0f} / {r['last_tenth']:<8,.0f} "
            f"{r['copy_first']:>9,.0f} / {r['copy_last']:<8,.0f}"
        )
    if server is not None:
        server.cleanup()


if __name__ == "__main__":
    main()
