"""The utility desk's records reach the centre like the rest, and its reference data comes down
(db/central_migrations/versions/0005_issue18_utility.py); a second station can add nothing in
the first one's name, nor read its bills."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counterpos.services.central import admin, sync
from counterpos.services.utility.meters.reads import enter_read
from counterpos.services.utility.meters.review import review_read
from counterpos.store.models import new_id
from counterpos.sync import central
from tests.services.utility.desk_support import a_year_of_bills, meter_up
from tests.sync.helpers import admin_query, attach, outbox_states

pytestmark = pytest.mark.pg


def test_meters_reads_bills_and_notices_reach_the_centre_once(station, supervisor, central_url):
    city = meter_up(station, supervisor, n=4)
    a_year_of_bills(station, supervisor, city, months=4)
    high = enter_read(station, supervisor, "MV-000001", city.values["MV-000001"] + 60)
    review_read(station, supervisor, high.read_id, "accept")
    attach(station, central_url)
    assert admin.allow_billing(central_url, station.code) is True  # the office's billing station
    report = sync.run_once(station)
    assert report.push.failed == 0, report
    counts = {
        t: admin_query(central_url, f'SELECT count(*) FROM "{t}"')[0][0]
        for t in (
            "meter",
            "meter_event",
            "meter_read",
            "billing_run",
            "bill",
            "notice",
            "work_order",
            "read_review",
        )
    }
    assert counts == {
        "meter": 4,
        "meter_event": 4,
        "meter_read": 4 + 16 + 1,
        "billing_run": 4,
        "bill": 16,
        "notice": 1,
        "work_order": 1,
        "read_review": 1,
    }
    with station.store.read() as s:
        local_total = s.execute(text("SELECT sum(total_cents) FROM bill")).scalar()
    assert admin_query(central_url, "SELECT sum(total_cents) FROM bill")[0][0] == local_total
    assert outbox_states(station).get("failed", 0) == 0
    # a bill is history at the centre too
    with pytest.raises(Exception, match="append-only"):
        admin_query(central_url, "UPDATE bill SET total_cents = 0")
    # the due dates the run moved went up as changed account rows
    due = admin_query(
        central_url,
        "SELECT count(*) FROM utility_account a JOIN bill b ON b.account_id = a.id "
        "WHERE a.due_date = (SELECT max(due_date) FROM bill)",
    )[0][0]
    assert due >= 4


def test_rate_schedules_and_closed_days_come_down_from_the_centre(station, central_url):
    attach(station, central_url)
    admin_query(
        central_url,
        "INSERT INTO holiday (day, name, kind, pushed_by) VALUES ('2031-07-04', 'Test day', "
        "'office_closed', current_user)",
    )
    sync.run_once(station)
    with station.store.read() as s:
        assert (
            s.execute(text("SELECT name FROM holiday WHERE day = '2031-07-04'")).scalar()
            == "Test day"
        )
        assert s.execute(text("SELECT count(*) FROM rate_schedule")).scalar() >= 3


def test_without_leave_to_bill_a_station_s_charges_are_set_aside(station, supervisor, central_url):
    city = meter_up(station, supervisor, n=2)
    a_year_of_bills(station, supervisor, city, months=1)
    attach(station, central_url)
    report = sync.run_once(station)
    assert report.push.failed == 2  # the two bills' charges, refused by the centre itself
    assert admin_query(central_url, "SELECT count(*) FROM bill")[0][0] == 2
    assert (
        admin_query(central_url, "SELECT count(*) FROM ledger_entry WHERE entry_type = 'charge'")[
            0
        ][0]
        == 0
    )
    with station.store.read() as s:
        errors = s.execute(text("SELECT error FROM outbox WHERE state = 'failed'")).scalars().all()
    assert len(errors) == 2 and all("row-level security" in e for e in errors)


def _as_station(central_url: str, code: str) -> psycopg.Connection:
    """A connection as another station's own role, with its password."""
    engine = central.make_central_engine(central_url)
    try:
        info = central.add_station(engine, code)
    finally:
        engine.dispose()
    url = make_url(info["url"]).set(drivername="postgresql", password=info["password"])
    return psycopg.connect(url.render_as_string(False), autocommit=True)


def _copy(central_url: str, table: str, where: str, **changes) -> dict:
    row = admin_query(central_url, f'SELECT to_jsonb(t) FROM "{table}" t WHERE {where} LIMIT 1')
    value = {k: v for k, v in row[0][0].items() if k not in ("pushed_by", "changed_at")}
    return {**value, "id": new_id(), **changes}


def test_a_second_station_adds_nothing_in_the_first_ones_name(station, supervisor, central_url):
    city = meter_up(station, supervisor, n=2)
    a_year_of_bills(station, supervisor, city, months=1)
    attach(station, central_url)
    admin.allow_billing(central_url, station.code)
    assert sync.run_once(station).push.failed == 0
    one = station.code
    attacks = {
        "a bill in the first station's name": (
            "bill",
            _copy(central_url, "bill", "true", bill_no="X-1"),
        ),
        "a bill of its own on the first station's run": (
            "bill",
            _copy(central_url, "bill", "true", bill_no="X-2", station_code="CH9"),
        ),
        "a read on the first station's meter": (
            "meter_read",
            _copy(central_url, "meter_read", "true", station_code="CH9"),
        ),
        "a work order event on the first station's order": (
            "work_order_event",
            {
                "id": new_id(),
                "work_order_id": "x",
                "status": "closed",
                "finding": "no leak",
                "note": "",
                "recorded_by": "x",
                "station_code": "CH9",
                "created_at": "2026-01-01T10:00:00",
            },
        ),
        "a charge from a station not let bill": (
            "ledger_entry",
            _copy(
                central_url,
                "ledger_entry",
                "entry_type = 'charge'",
                station_code="CH9",
                memo="x",
            ),
        ),
        "a rate schedule": (
            "rate_schedule",
            _copy(central_url, "rate_schedule", "true", kind="water"),
        ),
    }
    with _as_station(central_url, "CH9") as conn:
        for name, (table, row) in attacks.items():
            cols = ", ".join(f'"{c}"' for c in row)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(
                    f'INSERT INTO "{table}" ({cols}) SELECT {", ".join(f"r.{c}" for c in row)} '
                    f'FROM jsonb_populate_record(NULL::"{table}", %s::jsonb) r',
                    (json.dumps(row),),
                )
                pytest.fail(name)
        # it reads none of the first station's meters, reads, bills or notices
        for table in ("meter", "meter_read", "bill", "billing_run", "notice"):
            assert conn.execute(f'SELECT count(*) FROM "{table}"').fetchone() == (0,), table
        assert conn.execute("SELECT count(*) FROM rate_schedule").fetchone()[0] >= 3
    assert (
        admin_query(central_url, "SELECT count(*) FROM bill WHERE station_code = %s", (one,))[0][0]
        == 2
    )
