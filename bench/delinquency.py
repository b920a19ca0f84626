"""The delinquency run over a whole city: who gets which notice, against hand-written SQL.

Run: python bench/delinquency.py [--accounts 50000] [--letters 1000]

The city: the metered city with three months read and billed through the services
(bench/utility_city.py history_city), nothing paid, and the daily runs of the first two due
dates done through the services (cached): so on the day after the third bill's due date every
account owes three bills, the first two already carry their late fees and late notices. That
day's run, timed, charges each account's third late fee and, the oldest bill now more than 60
days delinquent, chooses a final (shut-off) notice by DOMAIN.md's calendar and SB 998 for each,
recording the notices, the fees' ledger entries and every outbox row in one transaction. The
baseline is a hand-written SQL script on another copy doing the least of the same work: a 10%
late fee on each past-due bill without one, one notice per owing account by the age of its
oldest unpaid bill, and their outbox rows. A second run the same day (nothing new to send) is
timed too, and the first `--letters` notices are drawn into one PDF as the background job
draws them (notices/letters.run_letters_pdf), for letters per second. Goal: under 10 s.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from bench.utility_city import OUT, fresh_copy, history_city, login  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.services.utility.delinquency.run import delinquency_run  # noqa: E402

# The least a hand-written script does: a 10% late fee on each bill past its due date that has
# none yet, and one notice per account owing, final from 60 days on, late before.
BASELINE = """
CREATE TEMP TABLE fee AS
SELECT lower(hex(randomblob(16))) AS id, b.id AS bill_id, b.account_id, b.total_cents,
       b.total_cents / 10 AS cents
FROM bill b
WHERE b.due_date < :on AND b.reverses_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM bill x WHERE x.reverses_id = b.id)
  AND NOT EXISTS (SELECT 1 FROM bill_penalty p WHERE p.bill_id = b.id);
INSERT INTO ledger_entry (id, account_id, entry_type, amount_cents, sale_line_id, memo,
                          reverses_id, station_code, created_at)
SELECT id, account_id, 'penalty', cents, NULL, 'Late fee', NULL, 'B1', :now FROM fee;
INSERT INTO bill_penalty (id, bill_id, account_id, past_due_cents, percent, cents,
                          ledger_entry_id, applied_on, station_code, created_at)
SELECT 'p' || id, bill_id, account_id, total_cents, '10', cents, id, :on, 'B1', :now FROM fee;
INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT 'p' || id, 'bill_penalty', json_object('id', 'p' || id, 'bill_id', bill_id,
       'cents', cents), :now, 0, '', 'pending' FROM fee;
INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT id, 'ledger_entry', json_object('id', id, 'account_id', account_id, 'entry_type',
       'penalty', 'amount_cents', cents, 'memo', 'Late fee', 'station_code', 'B1'),
       :now, 0, '', 'pending' FROM fee;
CREATE TEMP TABLE owe AS
SELECT b.account_id, MIN(b.due_date) AS oldest, SUM(b.total_cents) AS cents
FROM bill b WHERE b.due_date < :on AND b.reverses_id IS NULL GROUP BY b.account_id;
CREATE TEMP TABLE pick AS
SELECT lower(hex(randomblob(16))) AS id, account_id, cents,
       CASE WHEN julianday(:on) - julianday(oldest) >= 60 THEN 'final' ELSE 'late' END AS kind,
       'B1-S' || printf('%07d', ROW_NUMBER() OVER (ORDER BY account_id)) AS notice_no
FROM owe;
INSERT INTO notice (id, notice_no, kind, key, run_id, account_id, customer_id, license_id,
                    bill_id, issued_on, due_on, shutoff_on, amount_cents, addressee, mail_to,
                    language, details, station_code, created_by, created_at)
SELECT p.id, p.notice_no, p.kind, 'sql:' || p.kind || ':' || p.account_id, 'sql', p.account_id,
       a.customer_id, NULL, NULL, :on, NULL, NULL, p.cents, '', a.service_address, 'en', '{}',
       'B1', 'bench', :now
FROM pick p JOIN utility_account a ON a.id = p.account_id;
INSERT INTO outbox (record_id, table_name, payload, created_at, attempts, error, state)
SELECT id, 'notice', json_object('id', id, 'notice_no', notice_no, 'kind', kind,
       'account_id', account_id, 'amount_cents', cents), :now, 0, '', 'pending' FROM pick;
"""


def baseline(home: Path, on: str) -> tuple[float, int]:
    db = sqlite3.connect(home / DB_FILE, isolation_level=None)
    db.execute("PRAGMA synchronous=FULL")
    now = time.strftime("%Y-%m-%d %H:%M:%S")
    t0 = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for stmt in BASELINE.split(";"):
        if stmt.strip():
            db.execute(stmt, {"on": on, "now": now})
    db.execute("COMMIT")
    took = time.perf_counter() - t0
    n = db.execute("SELECT count(*) FROM notice WHERE run_id = 'sql'").fetchone()[0]
    db.close()
    return took, n


def ready_city(n: int) -> tuple[Path, date]:
    """The billed city after the daily runs of its first due dates (cached), and the day of
    the run to time: the day after its last due date."""
    home = OUT / f"delinquency-{n}-ready"
    db_dues = sqlite3.connect(history_city(n) / DB_FILE)
    dues = [
        date.fromisoformat(d[:10])
        for (d,) in db_dues.execute("SELECT DISTINCT due_date FROM bill ORDER BY due_date")
    ]
    db_dues.close()
    if not (home / DB_FILE).exists():
        tmp = fresh_copy(history_city(n), f"delinquency-{n}-ready.tmp")
        station = Station.open(tmp)
        actor = login(station)
        for due in dues[:-1]:
            res = delinquency_run(station, actor, due + timedelta(days=1))
            print(f"  setup: the run of {due + timedelta(days=1)}: {res.notices}")
        station.close()
        shutil.rmtree(home, ignore_errors=True)
        tmp.rename(home)
    # The cached city brought to this schema once, outside the timing: a copy of an older one
    # would migrate as it opens, writing a backup of the whole store (1 GB) just before the
    # timed run, which then shares the disk with that backup's writing.
    Station.open(home).close()
    for backup in home.glob("*.before-*"):
        backup.unlink()
    return home, dues[-1] + timedelta(days=1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=50_000)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    t = time.perf_counter()
    home, on = ready_city(args.accounts)
    print(f"billed city of {args.accounts:,} accounts ready ({time.perf_counter() - t:.1f} s)")
    svc, sql = [], []
    for i in range(args.repeat):  # alternate, so both see the same machine
        took, n = baseline(fresh_copy(home, "delinquency-sql"), on.isoformat())
        sql.append(took)
        print(f"  SQL run {i + 1}: {took:.2f} s, {n:,} notices")
        station = Station.open(fresh_copy(home, "delinquency-svc"))
        actor = login(station)
        t0 = time.perf_counter()
        res = delinquency_run(station, actor, on)
        took = time.perf_counter() - t0
        svc.append(took)
        print(
            f"  delinquency_run {i + 1}: {took:.2f} s, {res.accounts_owing:,} owing, "
            f"{res.late_fees:,} late fees, notices {res.notices}"
        )
        if i == args.repeat - 1:
            t0 = time.perf_counter()
            again = delinquency_run(station, actor, on)
            print(
                f"  the same day again: {time.perf_counter() - t0:.2f} s, "
                f"notices {again.notices or 'none'}"
            )
            letters(station, actor, res.run_id, args.letters)
        station.close()
    best_svc, best_sql = min(svc), min(sql)
    print(f"\ndelinquency run of {on} over {args.accounts:,} accounts")
    print(f"  service {best_svc:.2f} s, SQL {best_sql:.2f} s, ratio {best_svc / best_sql:.2f}x")
    print("  (goal: under 10 s)")


def letters(station: Station, actor, run_id: str, count: int) -> None:
    """The first `count` letters of the run, read and drawn as the background job does."""
    from sqlalchemy import select

    from counterpos.documents.letter_pdf import render_letters
    from counterpos.services.utility.notices.letters import letter_of
    from counterpos.store.models import Notice

    steps = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "letters.pdf"
        t0 = time.perf_counter()
        with station.store.read() as s:
            q = select(Notice).where(Notice.run_id == run_id).order_by(Notice.notice_no)
            drawn = [letter_of(s, n) for n in s.scalars(q.limit(count))]
        n = render_letters(drawn, str(path), lambda d, t: steps.append(d))
        took = time.perf_counter() - t0
        size = path.stat().st_size
    print(f"  letters: {n:,} in {took:.2f} s ({n / took:,.0f}/s, {size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
