"""Fills a new station with the demo city: users, customers, accounts, licenses and history."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import cast

from sqlalchemy import Table, insert

from counterpos.demo.citations import add_demo_citations
from counterpos.demo.tags import give_demo_block
from counterpos.domain.kinds import EntryType
from counterpos.domain.license_term import Term
from counterpos.resources_path import data_path
from counterpos.services import settings
from counterpos.services.access import users
from counterpos.services.sale.customers import rebuild_search_index
from counterpos.services.station import Station
from counterpos.store.models import (
    Customer,
    LedgerEntry,
    License,
    TagMovement,
    UtilityAccount,
    new_id,
    utcnow,
)
from counterpos.store.rows import ledger_row, tag_movement_row

DEMO_SEED = 20261122
ONE_YEAR = Term(1)
EARLIER_TAGS = 9000  # the demo licenses' tags are 9001 up; the station's blocks 1-2000


def load_demo_file() -> dict:
    with open(data_path("db") / "seed" / "demo_city.json", encoding="utf-8") as fh:
        return json.load(fh)


def _phone(rng: random.Random) -> str:
    return f"(555) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}"


def _table(model: type) -> Table:
    """A model's table for bulk Core inserts (skipping the ORM, as reference data loads do)."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def load_demo(station: Station, customers: int = 5000, history_days: int = 30) -> str:
    """Load the demo city once; a second call changes nothing."""
    data = load_demo_file()
    if station.is_initialised():
        return "The demo city is already loaded."
    with station.store.write() as s:
        for key, value in (
            ("city.name", data["city"]["name"]),
            ("city.address", data["city"]["address"]),
            ("city.phone", data["city"]["phone"]),
        ):
            settings.put(s, key, value)
    for u in data["users"]:
        users.add_user(station, u["username"], u["full_name"], u["role"], u["pin"])
    made = add_demo_customers(station, data, customers)

    give_demo_block(station)  # animal licenses need tag stock for this station
    history = ""
    if history_days:
        from counterpos.demo.history import add_demo_history
        from counterpos.demo.utility import add_demo_utility

        meters = add_demo_utility(station)  # bills first: the till's payments pay them
        history = add_demo_history(station, history_days) + " " + meters
    return f"Demo city {data['city']['name']}: {len(data['users'])} users, {made} customers. {history}".strip()


def add_demo_customers(station: Station, data: dict, count: int, seed: int = DEMO_SEED) -> int:
    """Customers with utility accounts, opening balances, and some animal and business licenses."""
    rng = random.Random(seed)
    today = date.today()
    cust_rows, acct_rows, ledger_rows, lic_rows = [], [], [], []
    tag_rows: list = []
    tags_used: dict[int, int] = {}
    now = utcnow()
    for i in range(count):
        cid = new_id()
        first, last = rng.choice(data["first_names"]), rng.choice(data["last_names"])
        business = rng.choice(data["businesses"]) if rng.random() < 0.04 else ""
        number, street = rng.randint(100, 9999), rng.choice(data["streets"])
        address = f"{number} {street}"
        cust_rows.append(
            {
                "id": cid,
                "customer_no": f"C{100000 + i}",
                "first_name": first,
                "last_name": last,
                "business_name": business,
                "phone": _phone(rng),
                "email": "",
                "mailing_address": f"{address}, Mission Vista, CA 92000",
                "is_senior": rng.random() < 0.15,
                "created_at": now,
            }
        )
        aid = new_id()
        klass = (
            "commercial"
            if business
            else rng.choice(["residential_owner"] * 3 + ["residential_renter"] * 2)
        )
        acct_rows.append(
            {
                "id": aid,
                "account_no": f"{10000000 + i * 7:08d}",
                "customer_id": cid,
                "service_address": address,
                "customer_class": klass,
                "status": "active",
                "opened_on": today - timedelta(days=rng.randint(60, 4000)),
                "due_date": today + timedelta(days=rng.randint(-20, 25)),
                "created_at": now,
            }
        )
        bill = rng.choice([0, 0] + [rng.randint(3500, 28000) for _ in range(6)])
        if bill:
            ledger_rows.append(
                ledger_row(
                    account_id=aid,
                    entry_type=EntryType.CHARGE,
                    amount_cents=bill,
                    memo="Water and sewer bill",
                    created_at=now - timedelta(days=rng.randint(5, 40)),
                )
            )
        if rng.random() < 0.12:
            species = "dog" if rng.random() < 0.85 else "cat"
            issued = today - timedelta(days=rng.randint(10, 700))
            rng.randint(1, 9999)  # drawn as before, so the rest of the demo stays the same
            # Tags the city issued before this station had stock: numbered above the station's
            # blocks, in order, each recorded as issued, so no stock ever hands one out again.
            tag_no = tags_used[issued.year] = tags_used.get(issued.year, EARLIER_TAGS) + 1
            tag = f"{issued.year}-{tag_no:04d}"
            tag_rows.append(
                tag_movement_row(
                    year=issued.year,
                    number=tag_no,
                    station_code=station.code,
                    kind="issue",
                    license_no=f"AL-{issued.year}-{i:05d}",
                    created_at=now,
                )
            )
            lic_rows.append(
                {
                    "id": new_id(),
                    "customer_id": cid,
                    "kind": "animal",
                    "license_no": f"AL-{issued.year}-{i:05d}",
                    "tag_no": tag,
                    "description": f"{species.capitalize()} “{rng.choice(['Max', 'Luna', 'Bella', 'Rocky', 'Coco', 'Milo', 'Canela', 'Chico'])}”",
                    "issued_on": issued,
                    "expires_on": ONE_YEAR.end(issued),  # renewal due on the anniversary
                    "details": {"species": species},
                    "sale_line_id": None,
                    "created_at": now,
                }
            )
        if business:
            issued = today - timedelta(days=rng.randint(10, 700))
            lic_rows.append(
                {
                    "id": new_id(),
                    "customer_id": cid,
                    "kind": "business",
                    "license_no": f"BL-{issued.year}-{i:05d}",
                    "tag_no": "",
                    "description": business,
                    "issued_on": issued,
                    "expires_on": ONE_YEAR.end(issued),  # renewal due on the anniversary
                    "details": {},
                    "sale_line_id": None,
                    "created_at": now,
                }
            )
    with station.store.write() as s:
        # Reference data from the city's billing system; bulk inserts, not one outbox row each.
        s.execute(insert(_table(Customer)), cust_rows)
        s.execute(insert(_table(UtilityAccount)), acct_rows)
        if ledger_rows:
            s.execute(insert(_table(LedgerEntry)), ledger_rows)
        if lic_rows:
            s.execute(insert(_table(License)), lic_rows)
        if tag_rows:
            s.execute(insert(_table(TagMovement)), tag_rows)
        rebuild_search_index(s)

        add_demo_citations(s, today)
    return count
