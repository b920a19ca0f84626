"""Customer lookup on 1,000,000 customers: the real type-ahead search against a LIKE scan.

Run: python bench/lookup.py [--customers N] [--rounds R]

Builds (once, cached under bench/out/) a station store with N synthetic customers: surnames and
first names drawn with a realistic skew (Smith and Garcia common, Okafor rare), house numbers on
a few hundred streets, 8-digit utility account numbers, phones in Southern California area
codes, some animal licenses. Then times a fixed mix of type-ahead queries a counter sees through
`counterpos.services.sale.customers.search` (the till's own call, 20 best matches in the order shown),
and the same queries as a plain `LIKE '%term%'` over the same columns, same order, same limit,
on the same data in the same run. Prints p50/p95 and the ratio.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from counterpos.services.sale import customers  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store import customer_index  # noqa: E402

OUT = ROOT / "bench" / "out"
SEED = 1_000_003
STREET_NAMES = [
    "Alta Loma",
    "Vista del Mar",
    "Camino Real",
    "Rancho Santa Fe",
    "Paseo Grande",
    "Las Palmas",
    "Mira Monte",
    "Loma Linda",
    "Valle Verde",
    "Monte Vista",
    "Costa Mesa",
    "Palo Verde",
    "Sierra Madre",
    "Los Alamos",
    "Buena Park",
    "Agua Dulce",
    "Oak Knoll",
    "Pine Crest",
    "Cedar Hollow",
    "Maple Ridge",
    "Laurel Canyon",
    "Hillcrest",
    "Lakeview",
    "Riverside",
    "Sunrise",
    "Sunset",
    "Highland",
    "Meadow Lark",
    "Orchard",
    "Vineyard",
    "Quail Run",
    "Eagle Rock",
    "Coyote Hills",
    "Mustang",
    "Palomino",
    "Cypress",
    "Juniper",
    "Redwood",
    "Sequoia",
    "Birch",
    "Elm",
    "Walnut",
    "Chestnut",
    "Hawthorne",
    "Fremont",
    "Sepulveda",
]
SUFFIXES = ["St", "Ave", "Dr", "Ln", "Ct", "Way", "Blvd", "Rd", "Pl"]
AREA_CODES = ["619", "858", "760", "442", "951", "909", "714", "949", "562", "626", "818"]
EXTRA_LAST = [
    "Nguyen",
    "Tran",
    "Kim",
    "Park",
    "Patel",
    "Shah",
    "Singh",
    "Chen",
    "Wang",
    "Li",
    "Okafor",
    "Haddad",
    "Nakamura",
    "Tanaka",
    "Delgado",
    "Villanueva",
    "Cervantes",
    "Ochoa",
    "Zamora",
    "Quintero",
    "Ibarra",
    "Esparza",
    "Orozco",
    "Bautista",
    "Galindo",
    "Camacho",
    "Salinas",
]


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


def build(path: Path, count: int) -> None:
    """A migrated station store with `count` customers, their accounts and the lookup index."""
    started = time.perf_counter()
    data = json.loads((ROOT / "db" / "seed" / "demo_city.json").read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    last_names = data["last_names"] + EXTRA_LAST
    first_names = data["first_names"]
    streets = [f"{n} {s}" for n in STREET_NAMES for s in rng.sample(SUFFIXES, 3)] + data["streets"]
    # Skewed like a Southern California city: the commonest surname about 3% of people
    # (Garcia in Los Angeles County is 2-3%), the commonest first name about 3%.
    lw = _zipf_weights(len(last_names), 0.4)
    fw = _zipf_weights(len(first_names), 0.3)
    sw = _zipf_weights(len(streets), 0.6)
    lasts = rng.choices(last_names, lw, k=count)
    firsts = rng.choices(first_names, fw, k=count)
    where = rng.choices(streets, sw, k=count)
    station = Station.open(path)
    station.close()
    conn = sqlite3.connect(path / DB_FILE)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")  # building a benchmark fixture, not a till
    now = "2026-11-01 00:00:00.000000"
    customer_rows, account_rows, license_rows = [], [], []
    for i in range(count):
        cid = f"c{i:011d}"
        phone = f"({rng.choice(AREA_CODES)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"
        address = f"{rng.randint(100, 19999)} {where[i]}"
        customer_rows.append(
            (cid, f"C{1_000_000 + i}", firsts[i], lasts[i], "", phone, "", address, 0, now)
        )
        account_rows.append(
            (
                f"a{i:011d}",
                f"{(i * 7919) % 90_000_000 + 10_000_000:08d}",
                cid,
                address,
                "residential_owner",
                "active",
                now,
            )
        )
        if rng.random() < 0.08:
            year = rng.choice([2024, 2025, 2026])
            license_rows.append(
                (f"l{i:011d}", cid, "animal", f"AL-{year}-{i:07d}", f"{year}-{i % 99991:05d}", now)
            )
    conn.executemany(
        "INSERT INTO customer (id, customer_no, first_name, last_name, business_name, phone, "
        "email, mailing_address, is_senior, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        customer_rows,
    )
    conn.executemany(
        "INSERT INTO utility_account (id, account_no, customer_id, service_address, "
        "customer_class, status, created_at) VALUES (?,?,?,?,?,?,?)",
        account_rows,
    )
    conn.executemany(
        "INSERT INTO license (id, customer_id, kind, license_no, tag_no, description, details, "
        "created_at) VALUES (?,?,?,?,?,'','{}',?)",
        license_rows,
    )
    conn.commit()
    conn.close()
    station = Station.open(path)
    with station.store.write() as s:
        customer_index.rebuild(s.connection())
        # The LIKE baseline's table: the same text the index holds, in a plain table.
        # The licenses are documents of their own (one per license, under rowids that keep
        # the customer's place: rowid >> 16 is the customer's row).
        s.connection().exec_driver_sql(
            "CREATE TABLE lookup_plain AS SELECT customer_id, sort_key, name, accounts, address, "
            "phone, coalesce((SELECT group_concat(l.licenses, ' ') FROM customer_search_license l "
            "WHERE l.rowid BETWEEN s.rowid << 16 AND (s.rowid << 16) + 65535), '') AS licenses "
            "FROM customer_search s"
        )
    station.close()
    conn = sqlite3.connect(path / DB_FILE)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(
        f"built {count:,} customers in {time.perf_counter() - started:.0f} s; commonest surname "
        f"{last_names[0]} {lw[0] / sum(lw):.1%}, first name {first_names[0]} {fw[0] / sum(fw):.1%}"
    )


def query_mix(path: Path) -> list[tuple[str, str]]:
    """A fixed mix of what a counter types, drawn from the data with a fixed seed."""
    conn = sqlite3.connect(path / DB_FILE)
    rng = random.Random(7)
    count = conn.execute("SELECT max(rowid) FROM customer").fetchone()[0]

    def someone() -> tuple:
        rowid = rng.randint(1, count)
        return conn.execute(
            "SELECT c.first_name, c.last_name, c.phone, a.account_no, a.service_address "
            "FROM customer c JOIN utility_account a ON a.customer_id = c.id WHERE c.rowid = ?",
            (rowid,),
        ).fetchone()

    mix: list[tuple[str, str]] = []
    for prefix in ["smi", "gar", "lop", "ngu", "joh", "her", "kim", "mar", "oka", "rod"]:
        mix.append(("surname prefix", prefix))
    for _ in range(10):
        first, last, *_ = someone()
        mix.append(("first and last name", f"{first.lower()} {last.lower()}"))
    for _ in range(10):
        account = someone()[3]
        start = rng.randint(1, 4)
        mix.append(("account digits (middle)", account[start : start + 4]))
    for _ in range(5):
        phone = someone()[2]  # (619) 359-0779
        mix.append(("phone part", phone[6:12]))
    for _ in range(5):
        phone = someone()[2]
        mix.append(("phone 7 digits", phone[6:9] + phone[10:14]))
    for street in ["alta loma", "vista del mar", "sepulveda", "quail run", "main"]:
        mix.append(("street name", street))
    conn.close()
    return mix


def like_search(conn: sqlite3.Connection, text: str, ordered: bool, limit: int = 20) -> list:
    tokens = customers._TOKEN.findall(text)
    where = " AND ".join(
        "(name LIKE ? OR accounts LIKE ? OR address LIKE ? OR phone LIKE ? OR licenses LIKE ?)"
        for _ in tokens
    )
    params = [f"%{t}%" for t in tokens for _ in range(5)]
    order = " ORDER BY sort_key" if ordered else ""
    sql = f"SELECT customer_id, name, address, phone, accounts FROM lookup_plain WHERE {where}{order} LIMIT {limit}"
    return conn.execute(sql, params).fetchall()


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--customers", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds of the FTS mix")
    ap.add_argument("--like-rounds", type=int, default=1, help="timed rounds of the LIKE mix")
    args = ap.parse_args()
    path = OUT / f"lookup-{args.customers}"
    if not (path / DB_FILE).exists() or not (path / "built").exists():
        path.mkdir(parents=True, exist_ok=True)
        (path / DB_FILE).unlink(missing_ok=True)
        build(path, args.customers)
        (path / "built").write_text("ok\n")
    mix = query_mix(path)
    station = Station.open(path)
    for _, q in mix:  # warm the page cache the same way for both
        customers.search(station, q)
    fts: list[float] = []
    by_kind: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for kind, q in mix:
            t = time.perf_counter()
            hits = customers.search(station, q)
            dt = (time.perf_counter() - t) * 1000
            fts.append(dt)
            by_kind.setdefault(kind, []).append(dt)
            assert hits or kind == "first and last name", q
    station.close()
    conn = sqlite3.connect(path / DB_FILE)
    like_search(conn, "warm", True)
    like, like_unordered = [], []
    for _ in range(args.like_rounds):
        for _, q in mix:
            t = time.perf_counter()
            like_search(conn, q, ordered=True)
            like.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            like_search(conn, q, ordered=False)
            like_unordered.append((time.perf_counter() - t) * 1000)
    conn.close()
    print(f"lookup on {args.customers:,} customers, {len(mix)} queries x {args.rounds} rounds")
    for kind, values in by_kind.items():
        print(f"  {kind:<26} p50 {pct(values, 50):7.2f} ms   p95 {pct(values, 95):7.2f} ms")
    f50, f95 = pct(fts, 50), pct(fts, 95)
    l50, l95 = pct(like, 50), pct(like, 95)
    u50, u95 = pct(like_unordered, 50), pct(like_unordered, 95)
    print(f"FTS5 search (services.customers.search): p50 {f50:.2f} ms  p95 {f95:.2f} ms")
    print(f"LIKE '%term%', same order and limit:      p50 {l50:.1f} ms  p95 {l95:.1f} ms")
    print(f"LIKE '%term%', unordered, same limit:     p50 {u50:.1f} ms  p95 {u95:.1f} ms")
    print(f"p95 ratio LIKE/FTS: {l95 / f95:.0f}x (ordered), {u95 / f95:.0f}x (unordered)")


if __name__ == "__main__":
    main()
