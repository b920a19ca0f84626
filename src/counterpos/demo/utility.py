"""The demo city's water meters and a few months of reads and bills, made through the services.

Every active account gets a meter (5/8" at a home, 1" at a business) on the route of its
street, with a first read; then each month a handheld file is imported and the month billed
at DOMAIN.md's rates, as the utility desk would. The last month has a few leaks, so there are
reads held for review at the desk.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from counterpos.domain.address import normalise_address
from counterpos.domain.utility.read_files import fixed_file
from counterpos.services.access import auth
from counterpos.services.clock import local_today
from counterpos.services.station import Station
from counterpos.services.utility.billing.runs import billing_run
from counterpos.services.utility.meters.read_import import import_reads
from counterpos.store.models import Meter, MeterEvent, MeterRead, UtilityAccount, new_id, utcnow
from counterpos.store.outbox import full_row, insert_synced
from counterpos.store.rows import read_row

UTILITY_SEED = 20261130


def month_start(months_back: int) -> date:
    today = local_today()
    y, m = divmod(today.year * 12 + today.month - 1 - months_back, 12)
    return date(y, m + 1, 1)


def add_demo_utility(station: Station, months: int = 4, seed: int = UTILITY_SEED) -> str:
    rng = random.Random(seed)
    actor = auth.actor_for(station, "sofia")
    start = month_start(months + 1).replace(day=20)
    with station.store.read() as s:
        accounts = s.execute(
            select(UtilityAccount.id, UtilityAccount.service_address, UtilityAccount.customer_class)
            .where(UtilityAccount.status == "active")
            .order_by(UtilityAccount.service_address)
        ).all()
    streets = sorted({" ".join(a.service_address.split()[1:]) for a in accounts})
    route_of = {street: f"R{i % 20 + 1:02d}" for i, street in enumerate(streets)}
    meters, events, reads = [], [], []
    values: dict[str, int] = {}
    usage: dict[str, int] = {}
    now = utcnow()
    for i, a in enumerate(accounts):
        mid = new_id()
        serial = f"MV{i + 1:06d}"
        commercial = a.customer_class == "commercial"
        meters.append(
            full_row(
                Meter,
                {
                    "id": mid,
                    "serial": serial,
                    "size": "1" if commercial else "5/8",
                    "make": rng.choice(["Badger", "Neptune", "Sensus"]),
                    "model": "",
                    "dials": 4,
                    "unit": "HCF",
                    "received_on": start,
                    "station_code": station.code,
                    "created_by": "demo",
                    "created_at": now,
                },
            )
        )
        first = read_row(
            meter_id=mid,
            account_id=a.id,
            read_on=start,
            value=rng.randint(0, 9000),
            kind="first",
            consumption=0,
            previous_read_id=None,
            source="keyed",
            station_code=station.code,
            created_by="demo",
        )
        reads.append(first)
        number, _, street = a.service_address.partition(" ")
        events.append(
            full_row(
                MeterEvent,
                {
                    "id": new_id(),
                    "meter_id": mid,
                    "kind": "installed",
                    "on_date": start,
                    "account_id": a.id,
                    "service_address": a.service_address,
                    "address_key": normalise_address(a.service_address),
                    "location": rng.choice(["front curb", "side yard", "parkway", "driveway"]),
                    "route": route_of[street],
                    "route_seq": int(number) if number.isdigit() else 0,
                    "read_id": first["id"],
                    "note": "",
                    "station_code": station.code,
                    "created_by": "demo",
                    "created_at": now,
                },
            )
        )
        values[serial] = first["value"]
        usage[serial] = max(2, round(rng.lognormvariate(2.5, 0.35) * (3 if commercial else 1)))
    with station.store.write() as s:
        insert_synced(s, [(Meter, meters), (MeterRead, reads), (MeterEvent, events)])
    for back in range(months, 0, -1):
        first_day = month_start(back)
        on = first_day.replace(day=20)
        leaks = set(rng.sample(sorted(values), min(6, len(values)))) if back == 1 else set()
        records = []
        for serial, value in values.items():
            used = max(0, round(usage[serial] * rng.uniform(0.8, 1.2)))
            if serial in leaks:
                used *= 4
            new = (value + used) % 10000
            records.append((serial, on, new, "R" if new < value else ""))
            values[serial] = new
        data = fixed_file(records, on, "demo handheld").encode()
        import_reads(station, actor, data, f"demo-reads-{first_day:%Y%m}.txt")
        billing_run(station, actor, f"{first_day:%Y-%m}", bill_date=first_day.replace(day=25))
    return f"{len(meters)} meters read and billed for {months} months."
