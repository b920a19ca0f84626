"""The billing run over a whole city: `billing_run` against hand-written SQL, same bills.

Run: python bench/utility_billing.py [--accounts 50000]

On a copy of one metered city (bench/utility_city.py) with two months already read and billed
through the services, the third month's reads are imported; then, on two copies of that store,
the real `billing_run` and a hand-written SQL script (the tiers as CASE arithmetic, one
INSERT ... SELECT each for bills, ledger entries and their outbox rows, the due dates and their
outbox rows) bill the same cycle in one transaction each. Both runs' bill counts and totals are
checked equal. Goal: the service within 3x of the SQL and under 30 s.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from bench.utility_city import OUT, Reader, base_city, fresh_copy, login, month_start  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.services.utility.billing.runs import billing_run  # noqa: E402
from counterpos.services.utility.meters.read_import import import_reads  # noqa: E402

# The hand-written computation of DOMAIN.md's bills (the rates typed in, as a hand-written
# script would have them); the service reads the same figures from the rate schedule.
BASELINE = """
CREATE TEMP TABLE cyc AS
SELECT r.account_id, SUM(COALESCE(v.consumption, r.consumption)) AS units,
       MAX(r.read_on) AS period_to, MIN(p.read_on) AS period_from,
       MAX(CASE WHEN r.kind = 'estimated' THEN 1 ELSE 0 END) AS est,
       json_group_array(r.id) AS read_ids, MAX(r.meter_id) AS meter_id
FROM meter_read r
LEFT JOIN read_review v ON v.read_id = r.id
LEFT JOIN meter_read p ON p.id = r.previous_read_id
WHERE r.read_on BETWEEN :first AND :last AND r.kind <> 'first'
  AND NOT EXISTS (SELECT 1 FROM meter_read c WHERE c.replaces_id = r.id)
  AND (r.review = '' OR v.decision IN ('accept', 'rollover'))
GROUP BY r.account_id;

CREATE TEMP TABLE priced AS
SELECT c.*, m.size AS size, a.customer_class AS klass, a.account_no,
       CASE m.size WHEN '5/8' THEN 2050 WHEN '3/4' THEN 2050 WHEN '1' THEN 3020
                   WHEN '1.5' THEN 5500 ELSE 8500 END AS base,
       CASE WHEN a.customer_class = 'commercial' THEN c.units * 225
            ELSE MIN(c.units, 10) * 160 + MAX(MIN(c.units, 30) - 10, 0) * 210
                 + MAX(c.units - 30, 0) * 290 END AS volume,
       CASE WHEN a.customer_class = 'commercial' THEN 0 ELSE 3200 END AS sewer,
       lower(hex(randomblob(16))) AS bill_id, lower(hex(randomblob(16))) AS entry_id,
       'B1-X' || printf('%07d', ROW_NUMBER() OVER (ORDER BY a.account_no)) AS bill_no
FROM cyc c JOIN utility_account a ON a.id = c.account_id JOIN meter m ON m.id = c.meter_id;

INSERT INTO billing_run (id, run_no, cycle, route, bill_date, due_date, schedule_id, reverses_id,
    bills, total_cents, details, station_code, created_by, created_at)
SELECT 'baseline-run', 'B1-X0001', :cycle, '', :bill_date, :due, NULL, NULL, count(*),
       SUM(base + volume + sewer), '{}', 'B1', 'bench', datetime('now') FROM priced;

INSERT INTO ledger_entry (id, account_id, entry_type, amount_cents, memo, sale_line_id,
    reverses_id, station_code, created_at)
SELECT entry_id, account_id, 'charge', base + volume + sewer,
       'Water and sewer bill ' || bill_no || ' (' || :cycle || ')', NULL, NULL, 'B1',
       strftime('%Y-%m-%d %H:%M:%f', 'now') FROM priced;

INSERT INTO bill (id, bill_no, run_id, account_id, cycle, route, bill_date, due_date,
    period_from, period_to, meter_size, customer_class, consumption, estimated, read_ids, lines,
    total_cents, ledger_entry_id, reverses_id, reason, station_code, created_at)
SELECT bill_id, bill_no, 'baseline-run', account_id, :cycle, '', :bill_date, :due, period_from,
       period_to, size, klass, units, est, read_ids,
       json_array(
         json_array('base', 'Base charge', 0, '', base, '4401'),
         json_array('volume', 'Water', units, '', volume, '4401'),
         json_array('sewer', 'Sewer service', 0, '', sewer, '4450')),
       base + volume + sewer, entry_id, NULL, '', 'B1', strftime('%Y-%m-%d %H:%M:%f', 'now')
FROM priced;

INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT b.id, 'bill', json_object('id', b.id, 'bill_no', b.bill_no, 'run_id', b.run_id,
         'account_id', b.account_id, 'cycle', b.cycle, 'route', b.route,
         'bill_date', b.bill_date, 'due_date', b.due_date, 'period_from', b.period_from,
         'period_to', b.period_to, 'meter_size', b.meter_size,
         'customer_class', b.customer_class, 'consumption', b.consumption,
         'estimated', b.estimated, 'read_ids', json(b.read_ids), 'lines', json(b.lines),
         'total_cents', b.total_cents, 'ledger_entry_id', b.ledger_entry_id,
         'reverses_id', b.reverses_id, 'reason', b.reason, 'station_code', b.station_code,
         'created_at', b.created_at),
       datetime('now'), 0, '', 'pending'
FROM bill b WHERE b.run_id = 'baseline-run';

INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT l.id, 'ledger_entry', json_object('id', l.id, 'account_id', l.account_id,
         'entry_type', l.entry_type, 'amount_cents', l.amount_cents, 'memo', l.memo,
         'sale_line_id', l.sale_line_id, 'reverses_id', l.reverses_id,
         'station_code', l.station_code, 'created_at', l.created_at),
       datetime('now'), 0, '', 'pending'
FROM ledger_entry l JOIN priced p ON p.entry_id = l.id;

UPDATE utility_account SET due_date = :due WHERE id IN (SELECT account_id FROM priced);

INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT a.id, 'utility_account', json_object('id', a.id, 'account_no', a.account_no,
         'customer_id', a.customer_id, 'service_address', a.service_address,
         'customer_class', a.customer_class, 'status', a.status, 'opened_on', a.opened_on,
         'due_date', a.due_date, 'created_at', a.created_at),
       datetime('now'), 0, '', 'pending'
FROM utility_account a JOIN priced p ON p.account_id = a.id;
"""


def baseline(db_path: Path, cycle: str, first, last, bill_date, due) -> tuple[float, int, int]:
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    params = {
        "cycle": cycle,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "bill_date": bill_date.isoformat(),
        "due": due.isoformat(),
    }
    t0 = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for statement in BASELINE.split(";\n"):
        if statement.strip():
            db.execute(statement, {k: v for k, v in params.items() if f":{k}" in statement})
    db.execute("COMMIT")
    took = time.perf_counter() - t0
    count, total = db.execute(
        "SELECT count(*), sum(total_cents) FROM bill WHERE run_id = 'baseline-run'"
    ).fetchone()
    db.close()
    return took, count, total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=50_000)
    args = parser.parse_args()
    t = time.perf_counter()
    base = base_city(args.accounts)
    print(f"metered city of {args.accounts:,} accounts ready ({time.perf_counter() - t:.1f} s)")
    home = fresh_copy(base, f"utility-billing-{args.accounts}")
    station = Station.open(home)
    actor = login(station)
    reader = Reader(home)
    for back in (4, 3, 2):
        first = month_start(back)
        data = reader.file(first.replace(day=20))
        t0 = time.perf_counter()
        imp = import_reads(station, actor, data, f"reads-{first:%Y%m}.txt")
        t1 = time.perf_counter()
        run = billing_run(station, actor, f"{first:%Y-%m}", bill_date=first.replace(day=25))
        t2 = time.perf_counter()
        print(
            f"  history {first:%Y-%m}: import {imp.records:,} reads {t1 - t0:.2f} s "
            f"({imp.records / (t1 - t0):,.0f}/s, {sum(imp.held.values())} held); "
            f"billing run {run.bills:,} bills {t2 - t1:.2f} s"
        )
    first = month_start(1)
    imp = import_reads(station, actor, reader.file(first.replace(day=20)), "reads-last.txt")
    station.close()
    cycle = f"{first:%Y-%m}"
    last = month_start(0) - (month_start(0) - month_start(0))
    from counterpos.services.utility.billing.bills import check_cycle

    first_day, last_day = check_cycle(cycle)
    bill_date = first.replace(day=25)
    a = fresh_copy(home, "utility-billing-service")
    b = fresh_copy(home, "utility-billing-sql")
    # the held reads are accepted in both copies alike: every account gets its bill
    for path in (a, b):
        db = sqlite3.connect(path / DB_FILE)
        with db:
            db.execute(
                "INSERT INTO read_review (id, read_id, decision, consumption, note, reviewed_by, "
                "station_code, created_at) SELECT lower(hex(randomblob(16))), r.id, "
                "CASE r.review WHEN 'below_previous' THEN 'rollover' ELSE 'accept' END, "
                "CASE r.review WHEN 'below_previous' THEN 10000 - p.value + r.value ELSE "
                "r.consumption END, '', 'bench', 'B1', datetime('now') FROM meter_read r "
                "LEFT JOIN meter_read p ON p.id = r.previous_read_id WHERE r.review <> '' AND "
                "NOT EXISTS (SELECT 1 FROM read_review v WHERE v.read_id = r.id)"
            )
        db.close()
    results = []
    for round_ in range(2):
        for which in ("service", "sql"):
            path = fresh_copy(a if which == "service" else b, f"utility-billing-{which}-{round_}")
            if which == "service":
                st = Station.open(path)
                actor = login(st)
                t0 = time.perf_counter()
                run = billing_run(st, actor, cycle, bill_date=bill_date)
                took = time.perf_counter() - t0
                st.close()
                results.append(("service", took, run.bills, run.total_cents))
                due = run.due_date
            else:
                took, count, total = baseline(
                    path / DB_FILE, cycle, first_day, last_day, bill_date, due
                )
                results.append(("sql", took, count, total))
            shutil.rmtree(path, ignore_errors=True)
    svc = [r for r in results if r[0] == "service"]
    sql = [r for r in results if r[0] == "sql"]
    assert {(r[2], r[3]) for r in svc} == {(r[2], r[3]) for r in sql}, (svc, sql)
    best_svc, best_sql = min(r[1] for r in svc), min(r[1] for r in sql)
    print(f"\nbilling cycle {cycle}: {svc[0][2]:,} bills, ${svc[0][3] / 100:,.2f}, same in both")
    print(
        f"  billing_run          {', '.join(f'{r[1]:.2f}' for r in svc)} s (best {best_svc:.2f} s)"
    )
    print(
        f"  hand-written SQL     {', '.join(f'{r[1]:.2f}' for r in sql)} s (best {best_sql:.2f} s)"
    )
    print(f"  ratio {best_svc / best_sql:.2f}x (goal: within 3x and under 30 s)")
    _ = (OUT, last)


if __name__ == "__main__":
    main()
