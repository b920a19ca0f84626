"""The utility desk's records reach the centre like the rest, and its reference data comes down
(db/central_migrations/versions/0005_issue18_utility.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counterpos.services.central import sync
from counterpos.services.utility.meters.reads import enter_read
from counterpos.services.utility.meters.review import review_read
from tests.services.utility.desk_support import a_year_of_bills, meter_up
from tests.sync.helpers import admin_query, attach, outbox_states

pytestmark = pytest.mark.pg


def test_meters_reads_bills_and_notices_reach_the_centre_once(station, supervisor, central_url):
    city = meter_up(station, supervisor, n=4)
    a_year_of_bills(station, supervisor, city, months=4)
    high = enter_read(station, supervisor, "MV-000001", city.values["MV-000001"] + 60)
    review_read(station, supervisor, high.read_id, "accept")
    attach(station, central_url)
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
