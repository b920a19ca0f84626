"""Pushing the outbox to PostgreSQL (sync/push.py): once, in batches, bad records set aside."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counterpos.services.central import sync
from counterpos.sync import push as push_mod
from tests.sync.helpers import (
    admin_query,
    attach,
    first_accounts,
    outbox_states,
    queue_record,
    sell,
)

pytestmark = pytest.mark.pg


def _count(url: str, table: str) -> int:
    return admin_query(url, f'SELECT count(*) FROM "{table}"')[0][0]


def test_sales_reach_the_centre_once(station, cashier, drawer, central_url):
    accounts = first_accounts(station, 2)
    receipts = [sell(station, cashier, drawer, account_no=a, extra="5.00") for a in accounts]
    # Working alone: nothing to warn about at the close of day.
    assert sync.status(station).state == "alone"
    assert sync.closing_day_warning(station) is None
    attach(station, central_url)
    assert "2 sale(s) have not reached" in sync.closing_day_warning(station)
    report = sync.run_once(station, batch_size=3)
    assert report.push.batches > 1  # several batches, in order
    assert report.push.failed == 0
    assert _count(central_url, "sale") == 2
    assert _count(central_url, "sale_line") == 4
    assert _count(central_url, "tender") == 2
    assert _count(central_url, "ledger_entry") == 2
    assert sorted(r[0] for r in admin_query(central_url, "SELECT receipt_no FROM sale")) == sorted(
        receipts
    )
    pushed_by = admin_query(central_url, "SELECT DISTINCT pushed_by FROM sale")
    assert pushed_by == [(make_url(sync.central_url(station)).username,)]
    assert outbox_states(station).get("pending", 0) == 0
    again = sync.run_once(station)
    assert again.push.sent == 0 and again.push.inserted == 0
    assert _count(central_url, "sale") == 2
    assert sync.status(station).state == "up_to_date"
    assert sync.closing_day_warning(station) is None


def test_a_batch_sent_twice_changes_nothing(station, cashier, drawer, central_url):
    attach(station, central_url)
    for a in first_accounts(station, 3):
        sell(station, cashier, drawer, account_no=a)

    class Crash(Exception):
        pass

    def crash(_rows):
        raise Crash  # after the central commit, before the local mark

    with pytest.raises(Crash):
        sync.run_once(station, after_commit=crash)
    assert _count(central_url, "sale") == 3
    assert outbox_states(station).get("sent", 0) == 0
    report = sync.run_once(station)
    assert report.push.sent > 0 and report.push.inserted == 0
    assert _count(central_url, "sale") == 3
    totals = admin_query(central_url, "SELECT sum(total_cents) FROM sale")[0][0]
    assert totals == 3 * 1234


def test_one_bad_record_is_set_aside_and_does_not_block(
    station, cashier, supervisor, drawer, central_url
):
    attach(station, central_url)
    accounts = first_accounts(station, 2)
    sell(station, cashier, drawer, account_no=accounts[0])
    bad_id = queue_record(station, "sale", receipt_no="T1-BAD", station_code="T1")  # no total
    sell(station, cashier, drawer, account_no=accounts[1])
    report = sync.run_once(station)
    assert report.push.failed == 1
    assert _count(central_url, "sale") == 2
    failed = sync.failed_records(station, supervisor)
    assert [f.record_id for f in failed] == [bad_id]
    assert "null value" in failed[0].error
    state = sync.status(station)
    assert state.failed == 1 and "set aside" in state.tooltip
    with pytest.raises(Exception, match="not allowed|permission|may not"):
        sync.failed_records(station, cashier)
    # Later sales keep flowing past the set-aside record.
    sell(station, cashier, drawer, account_no=accounts[0])
    assert sync.run_once(station).push.failed == 0
    assert _count(central_url, "sale") == 3


def test_records_of_tables_the_centre_does_not_know_are_kept(station, central_url):
    attach(station, central_url)
    rid = queue_record(station, "print_job", printer="front", bytes=120)
    payload = {"id": rid, "printer": "front", "bytes": 120}
    sync.run_once(station)
    sync.run_once(station)
    rows = admin_query(
        central_url,
        "SELECT table_name, record_id, payload FROM inbox_record WHERE record_id = %s",
        (rid,),
    )
    assert rows == [("print_job", rid, payload)]


def test_push_reads_central_tables(central_url):
    url = make_url(central_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        tables = push_mod.central_tables(cur)
    assert tables["sale"].key == ("id",)
    assert tables["role_permission"].key == ("role", "permission")
    assert "pushed_by" not in tables["sale"].columns
