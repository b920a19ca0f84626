"""Benchmarks of the finance office, each against hand-written SQL or COPY in the same run.

    python bench/office.py recon                     # a day: 50 stations, 10,000 sales
    python bench/office.py journal --sizes 100000 1000000 10000000 --repeat 1
    python bench/office.py lockbox                   # a 10,000-payment lockbox file

recon:   `reconciliation.day` (the office's day view) against one hand-written query of the same
         figures (sessions, closes, sales counted and summed per session), both through the
         same finance login, so row-level security costs both alike.
journal: a month's journals (`journal.compute` for each day of the month) over N central sales
         against one hand-written aggregate of the month's lines by GL account and tenders by
         kind. Reported per sale, so "flat" means the µs per sale stays put as N grows.
         --sizes takes any number of N (central sales a month; default 100,000 and
         1,000,000). The sales are made in the database (generate_series), indexes built
         after; ten million need about 10 GB of disk and most of an hour on 2 busy cores.
lockbox: `payment_files.import_file` of a 10,000-payment file (read, checked, posted: a sale, a
         line, a tender, a ledger entry and a remittance row each) against COPY of the same
         sale, line, tender and ledger rows into the same tables. --payments sets the count.

Uses $COUNTERPOS_TEST_PG_URL (an administrator's URL) if set, else starts pgserver. The machine
is shared: each figure is the best of --repeat runs.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import psycopg  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from counterpos.services.actor import Actor  # noqa: E402
from counterpos.services.office import (  # noqa: E402
    connection,
    journal,
    payment_files,
    reconciliation,
)
from counterpos.services.office.connection import Office, office_engine  # noqa: E402
from counterpos.sync import central  # noqa: E402

DAY = date(2026, 11, 2)
PERMS = frozenset({"office", "import_payments", "draft_journal"})


def admin_url() -> tuple[str, object]:
    env = os.environ.get("COUNTERPOS_TEST_PG_URL")
    if env:
        return central.normalise_url(env).render_as_string(False), None
    import pgserver

    server = pgserver.get_server(Path(tempfile.mkdtemp(prefix="bench-pg-")), cleanup_mode="delete")
    return central.normalise_url(server.get_uri()).render_as_string(False), server


def _plain(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(False)


def new_database(admin: str) -> str:
    name = f"bench_office_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_plain(admin), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin).set(database=name).render_as_string(False)
    engine = central.make_central_engine(url)
    central.init(engine)
    engine.dispose()
    return url


def drop_database(admin: str, url: str) -> None:
    engine = central.make_central_engine(url)
    connection.drop_logins(engine)
    central.drop_database_roles(engine)
    engine.dispose()
    name = make_url(url).database
    with psycopg.connect(_plain(admin), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def office_for(url: str) -> tuple[Office, str]:
    """The office through a finance supervisor's login, and that login's plain URL."""
    engine = central.make_central_engine(url)
    info = connection.add_login(engine, "bench", "supervisor")
    engine.dispose()
    actor = Actor("bench-user", "bench", "Bench Clerk", "finance_supervisor", PERMS)
    login = make_url(info["url"]).set(password=info["password"])
    return (
        Office(office_engine(info["url"], info["password"]), actor, "Bench City"),
        _plain(login.render_as_string(False)),
    )


BULK_TABLES = ("sale", "sale_line", "tender")


def fill_days(
    url: str, stations: int, sales: int, first: date, days: int, bulk: bool = False
) -> None:
    """`sales` sales a day spread over `stations` stations, one closed session per station and
    day, 2 lines and 1 tender per sale, an audit event after each day (the station pushed).

    `bulk` fills as a restore would, so that ten million sales take minutes rather than hours:
    triggers off (the administrator's replication mode: the receipt-number claims, which nothing
    timed here reads, are not written) and the indexes of sales, lines and tenders dropped
    before and built again after, the same definitions under the same names."""
    per = sales // stations
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute("SET synchronous_commit = off")
        rebuild: list[str] = []
        if bulk:
            conn.execute("SET session_replication_role = replica")
            conn.execute("SET maintenance_work_mem = '512MB'")
            rebuild = drop_indexes(conn, BULK_TABLES)
        conn.execute(
            "INSERT INTO drawer_session (id, station_code, user_id, kind, opened_at, "
            "opening_float_cents, opening_count) "
            "SELECT 's' || st || '-' || d, 'B' || st, 'u' || st, 'regular', "
            "%s::timestamp + d * interval '1 day' + interval '15 hours', 10000, '{}' "
            "FROM generate_series(1, %s) st, generate_series(0, %s - 1) d",
            (first, stations, days),
        )
        conn.execute(
            "INSERT INTO drawer_close (id, session_id, closed_at, closed_by, counted_cash_cents, "
            "expected_cash_cents, over_short_cents, closing_count, approver_id, note) "
            "SELECT 'c' || id, id, opened_at + interval '8 hours', user_id, 50000, 50025, -25, "
            "'{}', NULL, '' FROM drawer_session"
        )
        conn.execute(
            "INSERT INTO audit_event (id, seq, station_code, at, action, actor, approver, "
            "target, details, prev_hash, hash) "
            "SELECT 'a' || st || '-' || d, d + 1, 'B' || st, "
            "%s::timestamp + (d + 1) * interval '1 day' + interval '16 hours', 'session_open', "
            "'u', '', '', '{}', '', '' "
            "FROM generate_series(1, %s) st, generate_series(0, %s - 1) d",
            (first, stations, days),
        )
        conn.execute(
            "CREATE TEMP TABLE g AS SELECT d, n, 1 + n %% %s AS st, "
            "'x' || d || '-' || n AS sid FROM generate_series(0, %s - 1) d, "
            "generate_series(0, %s - 1) n",
            (stations, days, per * stations),
        )
        conn.execute(
            "INSERT INTO sale (id, receipt_no, station_code, sequence, kind, original_sale_id, "
            "session_id, user_id, approver_id, customer_id, total_cents, change_cents, note, "
            "created_at) SELECT sid, 'B' || st || '-' || (d * %s + n + 1), 'B' || st, "
            "d * %s + n + 1, 'sale', NULL, 's' || st || '-' || d, 'u' || st, NULL, NULL, "
            "1500 + n %% 9000, 0, '', %s::timestamp + d * interval '1 day' + "
            "interval '16 hours' FROM g",
            (per * stations, per * stations, first),
        )
        conn.execute(
            "INSERT INTO sale_line (id, sale_id, line_no, service_code, description, quantity, "
            "amount_cents, gl_account, account_id, details) "
            "SELECT sid || '-' || k, sid, k, 'misc_receipt', 'Misc', 1, "
            "CASE k WHEN 1 THEN 1000 + n % 9000 ELSE 500 END, "
            "CASE k WHEN 1 THEN '4810' ELSE CASE n % 3 WHEN 0 THEN '2100' WHEN 1 THEN '4610' "
            "ELSE '2310' END END, NULL, '{}' FROM g, generate_series(1, 2) k"
        )
        conn.execute(
            "INSERT INTO tender (id, sale_id, position, kind, amount_cents, tendered_cents, "
            "change_cents, reference, payer, card_brand, card_last4) "
            "SELECT sid || '-t', sid, 1, CASE n % 4 WHEN 0 THEN 'card' WHEN 1 THEN 'check' "
            "ELSE 'cash' END, 1500 + n % 9000, 1500 + n % 9000, 0, '', '', '', '' FROM g"
        )
        for sql in rebuild:
            conn.execute(sql)
        if bulk:  # every index is back
            got = conn.execute(
                "SELECT count(*) FROM pg_indexes WHERE tablename = ANY(%s)", (list(BULK_TABLES),)
            ).fetchone()
            assert got is not None and got[0] == len(rebuild)
        conn.execute("ANALYZE")


def drop_indexes(conn: psycopg.Connection, tables: tuple[str, ...]) -> list[str]:
    """Drop the tables' indexes (and the key constraints they back); the statements that make
    them again."""
    again: list[str] = []
    for table, name, definition in conn.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = ANY(%s::regclass[]) AND contype IN ('p', 'u')",
        (list(tables),),
    ).fetchall():
        conn.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        again.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
    for name, definition in conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
        "AND tablename = ANY(%s)",
        (list(tables),),
    ).fetchall():
        conn.execute(f'DROP INDEX "{name}"')
        again.append(definition)
    return again


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


RECON_SQL = """
SELECT d.station_code, d.id, d.opening_float_cents, c.expected_cash_cents,
       c.counted_cash_cents, c.over_short_cents, count(s.id), sum(s.total_cents)
FROM drawer_session d LEFT JOIN drawer_close c ON c.session_id = d.id
LEFT JOIN sale s ON s.session_id = d.id
WHERE d.opened_at >= %s AND d.opened_at < %s
GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1
"""


def bench_recon(admin: str, repeat: int) -> None:
    url = new_database(admin)
    try:
        fill_days(url, 50, 10_000, DAY, 1)
        office, login = office_for(url)
        with psycopg.connect(login) as conn:

            def hand() -> None:
                conn.execute(RECON_SQL, (DAY, DAY + timedelta(days=1))).fetchall()

            def ours() -> None:
                rec = reconciliation.day(office, DAY)
                assert len(rec.sessions) == 50 and not any(s.missing for s in rec.stations)

            ours(), hand()  # warm both
            t_ours, t_hand = best(ours, repeat), best(hand, repeat)
        office.close()
        print(
            f"recon   50 stations, 10,000 sales: office day view {t_ours * 1000:8.1f} ms, "
            f"hand-written SQL {t_hand * 1000:8.1f} ms, ratio {t_ours / t_hand:5.2f}"
        )
    finally:
        drop_database(admin, url)


JOURNAL_SQL = [
    "SELECT l.gl_account, sum(l.amount_cents) FROM sale s JOIN sale_line l ON l.sale_id = s.id "
    "JOIN drawer_session d ON d.id = s.session_id "
    "WHERE d.opened_at >= %s AND d.opened_at < %s GROUP BY 1",
    "SELECT t.kind, sum(t.amount_cents) FROM sale s JOIN tender t ON t.sale_id = s.id "
    "JOIN drawer_session d ON d.id = s.session_id "
    "WHERE d.opened_at >= %s AND d.opened_at < %s GROUP BY 1",
    "SELECT sum(c.over_short_cents) FROM drawer_close c JOIN drawer_session d "
    "ON d.id = c.session_id WHERE d.opened_at >= %s AND d.opened_at < %s",
]


def bench_journal(admin: str, sizes: list[int], repeat: int) -> None:
    first, days = date(2026, 11, 1), 30
    for n in sizes:
        url = new_database(admin)
        try:
            t0 = time.perf_counter()
            fill_days(url, 50, n // days, first, days, bulk=True)
            filled = time.perf_counter() - t0
            office, login = office_for(url)
            with psycopg.connect(login) as conn:

                def hand() -> None:
                    for sql in JOURNAL_SQL:
                        conn.execute(sql, (first, first + timedelta(days=days))).fetchall()

                def ours(office: Office = office) -> None:
                    for i in range(days):
                        j, _ = journal.compute(office, first + timedelta(days=i))
                        assert j.balanced

                t_ours, t_hand = best(ours, repeat), best(hand, repeat)
            office.close()
            sales = (n // days // 50) * 50 * days
            print(
                f"journal {sales:>10,} sales (filled in {filled:5.0f} s): month's journals "
                f"{t_ours:7.2f} s ({t_ours / sales * 1e6:6.2f} µs/sale), hand-written SQL "
                f"{t_hand:7.2f} s ({t_hand / sales * 1e6:6.2f} µs/sale), ratio "
                f"{t_ours / t_hand:5.2f}"
            )
        finally:
            drop_database(admin, url)


def bench_lockbox(admin: str, n: int, repeat: int) -> None:
    rates, copies = [], []
    for _ in range(repeat):
        url = new_database(admin)
        try:
            with psycopg.connect(_plain(url), autocommit=True) as conn:
                conn.execute(
                    "INSERT INTO customer (id, customer_no, first_name, last_name, business_name,"
                    " phone, email, mailing_address, is_senior, created_at) SELECT 'k' || i, "
                    "'K' || i, 'Pat', 'Lee', '', '', '', '', false, now() "
                    "FROM generate_series(1, %s) i",
                    (n,),
                )
                conn.execute(
                    "INSERT INTO utility_account (id, account_no, customer_id, service_address, "
                    "customer_class, status, opened_on, due_date, created_at) SELECT 'a' || i, "
                    "lpad((70000000 + i)::text, 8, '0'), 'k' || i, '', 'residential', 'active', "
                    "NULL, NULL, now() FROM generate_series(1, %s) i",
                    (n,),
                )
            office, login = office_for(url)
            lines = ["confirmation_no,account_no,amount,paid_on,payer,check_no"]
            for i in range(1, n + 1):
                lines.append(
                    f"LB{i:08d},{70000000 + i},{10 + i % 90}.{i % 100:02d},"
                    f"{DAY.isoformat()},Payer {i},{1000 + i}"
                )
            path = Path(tempfile.mkdtemp()) / "lockbox.csv"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            t0 = time.perf_counter()
            result = payment_files.import_file(office, path, "lockbox")
            rates.append(n / (time.perf_counter() - t0))
            assert result.posted == n, result
            office.close()
            copies.append(n / copy_same_rows(url, n))
        finally:
            drop_database(admin, url)
    r, c = max(rates), max(copies)
    print(
        f"lockbox {n:,} payments: import {r:8,.0f} payments/s, COPY of the same rows "
        f"{c:8,.0f} payments/s, ratio {r / c:5.2f}"
    )


def copy_same_rows(url: str, n: int) -> float:
    """COPY a sale, a line, a tender and a ledger entry per payment into the same tables."""
    at = datetime(2026, 11, 2, 12).isoformat(sep=" ")
    bufs = {t: io.StringIO() for t in ("sale", "sale_line", "tender", "ledger_entry")}
    for i in range(1, n + 1):
        sid, cents = f"cp{i}", 1000 + i % 9000
        bufs["sale"].write(f"{sid}\tCP-{i}\tCOPY\t{i}\tsale\t{sid}s\tu\t{cents}\t0\t\t{at}\n")
        bufs["sale_line"].write(
            f"{sid}l\t{sid}\t1\tutility_payment\tPayment\t1\t{cents}\t2100\ta{i}\t{{}}\n"
        )
        bufs["tender"].write(f"{sid}t\t{sid}\t1\tcheck\t{cents}\t{cents}\t0\t{i}\tPayer\t\t\n")
        bufs["ledger_entry"].write(f"{sid}e\ta{i}\tpayment\t{-cents}\t\t{sid}l\tCOPY\t{at}\n")
    cols = {
        "sale": "id, receipt_no, station_code, sequence, kind, session_id, user_id, total_cents, "
        "change_cents, note, created_at",
        "sale_line": "id, sale_id, line_no, service_code, description, quantity, amount_cents, "
        "gl_account, account_id, details",
        "tender": "id, sale_id, position, kind, amount_cents, tendered_cents, change_cents, "
        "reference, payer, card_brand, card_last4",
        "ledger_entry": "id, account_id, entry_type, amount_cents, memo, sale_line_id, "
        "station_code, created_at",
    }
    with psycopg.connect(_plain(url)) as conn:
        t0 = time.perf_counter()
        for table, buf in bufs.items():
            with conn.cursor().copy(f"COPY {table} ({cols[table]}) FROM STDIN") as cp:
                cp.write(buf.getvalue())
        conn.commit()
        return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "which", nargs="*", default=["recon", "journal", "lockbox"], help="recon journal lockbox"
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="journal: central sales in the month, one database each (default 100000 1000000)",
    )
    parser.add_argument("--payments", type=int, default=10_000, help="lockbox: payments")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    url, server = admin_url()
    try:
        if "recon" in args.which:
            bench_recon(url, args.repeat)
        if "journal" in args.which:
            bench_journal(url, args.sizes, args.repeat)
        if "lockbox" in args.which:
            bench_lockbox(url, args.payments, min(args.repeat, 2))
    finally:
        if server is not None:
            server.cleanup()


if __name__ == "__main__":
    main()
