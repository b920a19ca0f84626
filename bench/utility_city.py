"""A metered city for the utility benchmarks: N accounts, each with a 5/8" or 1" meter on one
of 50 routes and a first read, built once by bulk SQL and cached under bench/out/.

Only the starting point is built this way (the benchmarks time the services on top of it).
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from counterpos.demo.city import add_demo_customers, load_demo_file  # noqa: E402
from counterpos.domain.address import normalise_address  # noqa: E402
from counterpos.domain.utility.read_files import fixed_file  # noqa: E402
from counterpos.services.access import auth, users  # noqa: E402
from counterpos.services.clock import local_today  # noqa: E402
from counterpos.services.station import DB_FILE, Station  # noqa: E402
from counterpos.store.models import new_id  # noqa: E402

OUT = ROOT / "bench" / "out"


def month_start(months_back: int) -> date:
    today = local_today()
    y, m = divmod(today.year * 12 + today.month - 1 - months_back, 12)
    return date(y, m + 1, 1)


def base_city(n: int) -> Path:
    """The cached store with `n` metered accounts (built on first use)."""
    home = OUT / f"utility-{n}"
    if (home / DB_FILE).exists():
        return home
    shutil.rmtree(home, ignore_errors=True)
    station = Station.open(home)
    station.set_code("B1", "Bench desk")
    users.add_user(station, "sofia", "Sofia Nguyen", "supervisor", "333333")
    add_demo_customers(station, load_demo_file(), n)
    station.close()
    first = month_start(5)
    rng = random.Random(18)
    db = sqlite3.connect(home / DB_FILE)
    with db:
        accounts = db.execute(
            "SELECT id, service_address FROM utility_account ORDER BY account_no"
        ).fetchall()
        meters, events, reads = [], [], []
        for i, (account_id, address) in enumerate(accounts):
            mid, rid = new_id(), new_id()
            size = "1" if rng.random() < 0.1 else "5/8"
            meters.append(
                (mid, f"BM-{i:07d}", size, "Badger", "", 4, "HCF", first, "B1", "bench", first)
            )
            reads.append(
                (
                    rid,
                    mid,
                    account_id,
                    first,
                    rng.randint(0, 9000),
                    "first",
                    0,
                    0,
                    None,
                    "",
                    "keyed",
                    None,
                    None,
                    "",
                    "B1",
                    "bench",
                    first,
                )
            )
            events.append(
                (
                    new_id(),
                    mid,
                    "installed",
                    first,
                    account_id,
                    address,
                    normalise_address(address),
                    "curb",
                    f"R{i % 50:02d}",
                    i // 50,
                    rid,
                    "",
                    "B1",
                    "bench",
                    first,
                )
            )
        db.executemany("INSERT INTO meter VALUES (?,?,?,?,?,?,?,?,?,?,?)", meters)
        db.executemany("INSERT INTO meter_read VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", reads)
        db.executemany("INSERT INTO meter_event VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", events)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return home


def fresh_copy(home: Path, name: str) -> Path:
    target = OUT / name
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    shutil.copy(home / DB_FILE, target / DB_FILE)
    return target


class Reader:
    """Each meter's value as the simulated handheld last read it."""

    def __init__(self, home: Path, seed: int = 7) -> None:
        db = sqlite3.connect(home / DB_FILE)
        self.values = dict(
            db.execute(
                "SELECT m.serial, r.value FROM meter m JOIN meter_read r ON r.id = ("
                "SELECT x.id FROM meter_read x WHERE x.meter_id = m.id "
                "ORDER BY x.read_on DESC, x.created_at DESC LIMIT 1)"
            ).fetchall()
        )
        db.close()
        self.rng = random.Random(seed)

    def file(self, on: date) -> bytes:
        records = []
        for serial in self.values:
            used = self.rng.randint(4, 40)
            self.values[serial] = (self.values[serial] + used) % 10000
            flag = "R" if self.values[serial] < used else ""
            records.append((serial, on, self.values[serial], flag))
        return fixed_file(records, on, "bench handheld").encode()


def login(station: Station):
    return auth.login(station, "sofia", "333333")


def history_city(n: int, months: int = 3) -> Path:
    """The metered city after `months` months read and billed through the services (cached):
    every account then has the bills its reads are judged by."""
    from counterpos.services.utility.billing.runs import billing_run
    from counterpos.services.utility.meters.read_import import import_reads

    home = OUT / f"utility-{n}-history-{months}"
    if (home / DB_FILE).exists():
        return home
    tmp = fresh_copy(base_city(n), f"utility-{n}-history-{months}.tmp")
    station = Station.open(tmp)
    actor = login(station)
    reader = Reader(tmp)
    for back in range(months + 1, 1, -1):
        first = month_start(back)
        import_reads(station, actor, reader.file(first.replace(day=20)), f"reads-{first:%Y%m}")
        billing_run(station, actor, f"{first:%Y-%m}", bill_date=first.replace(day=25))
    station.close()
    shutil.rmtree(home, ignore_errors=True)
    tmp.rename(home)
    return home


_ = timedelta
