"""Benchmark: closing a drawer session of 200, 2,000 and 20,000 sales, Z report and deposit PDFs
included. Reports seconds, the cost per sale at each size, and the ratio to a baseline run in the
same process (one raw sqlite3 aggregate over the same session's tenders).

Run: PYTHONPATH=src python bench/close_session.py [--sizes 200,2000,20000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from counterpos.documents import deposit_slip as deposit_pdf
from counterpos.documents import z_report as z_pdf
from counterpos.services import sessions
from counterpos.services.access import auth, users
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer import eod
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.station import Station
from counterpos.store.models.base import utcnow

SERVICES = [
    ("misc_receipt", "4830"),
    ("animal_license", "4310"),
    ("citation", "4610"),
    ("yard_sale_permit", "4320"),
]


def fill(station: Station, session_id: str, user_id: str, n: int, seed: int = 7) -> dict:
    """Insert n sales (cash with change, checks, money orders, cards; 1% voided) in one go."""
    rnd = random.Random(seed)
    sales, lines, tenders = [], [], []
    now = utcnow().isoformat(sep=" ")
    cash_net = 0
    for i in range(1, n + 1):
        sid = str(uuid.uuid4())
        amount = rnd.randint(500, 20_000)
        code, gl = SERVICES[i % len(SERVICES)]
        sales.append(
            (sid, f"B1-{i:06d}", "B1", i, "sale", None, session_id, user_id, amount, 0, now)
        )
        lines.append((str(uuid.uuid4()), sid, 1, code, "Bench", 1, amount, gl, "{}"))
        kind = ("cash", "cash", "check", "money_order", "card")[i % 5]
        tendered = amount + (rnd.randint(0, 2_000) if kind == "cash" else 0)
        change = tendered - amount
        ref = f"{i}" if kind != "cash" else ""
        tenders.append(
            (
                str(uuid.uuid4()),
                sid,
                1,
                kind,
                amount,
                tendered,
                change,
                ref,
                "Payer" if kind == "check" else "",
                "visa" if kind == "card" else "",
                "4242" if kind == "card" else "",
            )
        )
        if kind == "cash":
            cash_net += amount
        if i % 100 == 0:  # void one sale in a hundred
            vid = str(uuid.uuid4())
            sales.append(
                (
                    vid,
                    f"B1-{i:06d}-V",
                    "B1",
                    i,
                    "void",
                    sid,
                    session_id,
                    user_id,
                    -amount,
                    -change,
                    now,
                )
            )
            lines.append((str(uuid.uuid4()), vid, 1, code, "VOID Bench", 1, -amount, gl, "{}"))
            tenders.append(
                (str(uuid.uuid4()), vid, 1, kind, -amount, -tendered, -change, ref, "", "", "")
            )
            if kind == "cash":
                cash_net -= amount
    con = sqlite3.connect(station.store.path)
    with con:
        con.executemany(
            "INSERT INTO sale (id, receipt_no, station_code, sequence, kind, original_sale_id, session_id, user_id, total_cents, change_cents, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,'',?)",
            sales,
        )
        con.executemany(
            "INSERT INTO sale_line (id, sale_id, line_no, service_code, description, quantity, amount_cents, gl_account, details) VALUES (?,?,?,?,?,?,?,?,?)",
            lines,
        )
        con.executemany(
            "INSERT INTO tender (id, sale_id, position, kind, amount_cents, tendered_cents, change_cents, reference, payer, card_brand, card_last4) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            tenders,
        )
    con.close()
    return {"cash_net": cash_net}


def baseline(path: Path, session_id: str) -> float:
    """Raw sqlite3: one aggregate over the session's tenders (the least any close must do)."""
    con = sqlite3.connect(path)
    t = time.perf_counter()
    con.execute(
        "SELECT t.kind, SUM(t.amount_cents), SUM(t.tendered_cents), SUM(t.change_cents) "
        "FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.session_id = ? GROUP BY t.kind",
        (session_id,),
    ).fetchall()
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def run(n: int, root: Path) -> tuple[float, float]:
    home = root / f"s{n}"
    station = Station.open(home)
    station.set_code("B1", "Bench")
    users.add_user(station, "cash1", "Bench Cashier", "cashier", "1111")
    actor = auth.login(station, "cash1", "1111")
    view = sessions.open_session(station, actor, {"bill_20": 5})
    figures = fill(station, view.session_id, actor.user_id, n)
    base = baseline(station.store.path, view.session_id)
    t = time.perf_counter()
    sheet = balancing.closing_sheet(station, actor, view.session_id)
    expected = 10_000 + figures["cash_net"]
    count = ClosingCount(
        {"bill_100": expected // 10_000, "coin_1": expected % 10_000},
        frozenset(i.tender_id for i in sheet.items),
        balancing.count_drawer(station, actor, view.session_id, ClosingCount({})).card_expected,
    )
    result = balancing.close_session(station, actor, view.session_id, count)
    assert result.closed and result.over_short.cents == 0, result
    z = eod.z_report(station, actor, session_id=view.session_id)
    z_pdf.write_pdf(z, home / "z.pdf")
    slip = eod.deposit_slip(station, actor, session_id=view.session_id)
    deposit_pdf.write_pdf(slip, home / "deposit.pdf")
    elapsed = time.perf_counter() - t
    station.close()
    return elapsed, base


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--sizes", default="200,2000,20000")
    args = p.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        run(50, Path(tmp))  # warm-up: imports, fonts, first migration
        print(
            f"{'sales':>7} {'close+Z+deposit (s)':>20} {'per sale (ms)':>14} {'baseline (s)':>13} {'ratio':>8}"
        )
        rows = []
        for n in sizes:
            elapsed, base = run(n, Path(tmp))
            rows.append((n, elapsed))
            print(
                f"{n:>7} {elapsed:>20.3f} {elapsed / n * 1000:>14.3f} {base:>13.4f} {elapsed / max(base, 1e-9):>8.0f}"
            )
        if len(rows) > 1:
            (n0, t0), (n1, t1) = rows[0], rows[-1]
            print(f"growth {n0}->{n1}: time x{t1 / t0:.1f} for sales x{n1 / n0:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
