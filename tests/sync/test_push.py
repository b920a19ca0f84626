"""Pushing the outbox to a real PostgreSQL: once, in batches, bad records set aside."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from counterpos.services.central import sync
from counterpos.store.models import OutboxRow, new_id, utcnow
from counterpos.sync import push as push_mod
from tests.sync.conftest import admin_query, attach
from tests.sync.helpers import first_accounts, sell

pytestmark = pytest.mark.pg


def _count(url: str, table: str) -> int:
    return admin_query(url, f'SELECT count(*) FROM "{table}"')[0][0]


def _outbox_states(station) -> dict[str, int]:
    with station.store.read() as s:
        return dict(s.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all())


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
    assert _outbox_states(station).get("pending", 0) == 0
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
    assert _outbox_states(station).get("sent", 0) == 0
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
    bad_id = new_id()
    with station.store.write() as s:
        s.add(
            OutboxRow(
                record_id=bad_id,
                table_name="sale",
                payload=json.dumps({"id": bad_id, "receipt_no": "T1-BAD"}),  # no total, no times
                created_at=utcnow(),
            )
        )
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
    rid = new_id()
    payload = {"id": rid, "printer": "front", "bytes": 120}
    with station.store.write() as s:
        s.add(
            OutboxRow(
                record_id=rid,
                table_name="print_job",
                payload=json.dumps(payload),
                created_at=utcnow(),
            )
        )
    sync.run_once(station)
    sync.run_once(station)
    rows = admin_query(
        central_url,
        "SELECT table_name, record_id, payload FROM inbox_record WHERE record_id = %s",
        (rid,),
    )
    assert rows == [("print_job", rid, payload)]


def test_the_station_role_cannot_change_history(station, cashier, drawer, central_url):
    attach(station, central_url)
    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    sync.run_once(station)
    url = make_url(sync.central_url(station)).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(False)) as conn:
        assert conn.execute("SELECT count(*) FROM sale").fetchone()[0] == 1
        for sql in (
            "UPDATE sale SET total_cents = 1",
            "DELETE FROM sale",
            "UPDATE tender SET amount_cents = 0",
            "DELETE FROM ledger_entry",
            "UPDATE audit_event SET actor = 'x'",
            "DELETE FROM sale_line",
            "TRUNCATE sale",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()
        # Nor may it insert a record as another station.
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO inbox_record (table_name, record_id, payload, pushed_by) "
                "VALUES ('x', 'y', '{}', 'someone_else')"
            )
        conn.rollback()
    # The owner is refused too: history is append-only for everybody.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        admin_query(central_url, "UPDATE sale SET total_cents = 1")
    assert admin_query(central_url, "SELECT total_cents FROM sale") == [(1234,)]


def test_centre_unreachable_keeps_everything_and_says_so(station, cashier, drawer, tmp_path):
    sync.connect(station, f"postgresql+psycopg://nobody@/nodb?host={tmp_path}", "pw")
    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    with pytest.raises(sync.CentralUnavailable, match="kept here"):
        sync.run_once(station)
    state = sync.status(station)
    assert state.state == "offline" and state.waiting > 0 and state.sales_waiting == 1
    assert state.text.startswith("Offline since ")
    assert state.last_error
    assert "1 sale(s) have not reached" in sync.closing_day_warning(station)
    assert _outbox_states(station).get("sent", 0) == 0


def test_push_reads_central_tables(central_url):
    url = make_url(central_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        tables = push_mod.central_tables(cur)
    assert tables["sale"].key == ("id",)
    assert tables["role_permission"].key == ("role", "permission")
    assert "pushed_by" not in tables["sale"].columns


def test_reference_upsert_handles_every_shape_of_table(central_url):
    """Key-only tables, one-column tables, repeats within a call: the newest version wins."""
    rows = [
        {"role": "cashier", "permission": "sell"},
        {"role": "cashier", "permission": "sell"},
    ]
    import json as _json

    admin_query(
        central_url,
        "SELECT counterpos_upsert_reference('role_permission', %s::json)",
        (_json.dumps(rows),),
    )
    roles = [
        {"name": "clerk", "label": "Clerk", "rank": 1},
        {"name": "clerk", "label": "Counter clerk", "rank": 2},
    ]
    admin_query(
        central_url, "SELECT counterpos_upsert_reference('role', %s::json)", (_json.dumps(roles),)
    )
    assert admin_query(central_url, "SELECT count(*) FROM role_permission") == [(1,)]
    assert admin_query(central_url, "SELECT label, rank FROM role") == [("Counter clerk", 2)]
    before = admin_query(central_url, "SELECT changed_at FROM role")
    admin_query(
        central_url,
        "SELECT counterpos_upsert_reference('role', %s::json)",
        (_json.dumps(roles[1:]),),
    )
    assert admin_query(central_url, "SELECT changed_at FROM role") == before  # unchanged row


def test_a_centre_without_schema_is_reported_plainly(station, cashier, drawer, pg_server):
    import uuid

    name = f"cpos_empty_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        sync.connect(station, pg_server.url(name))
        sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
        with pytest.raises(sync.CentralUnavailable, match="central init"):
            sync.run_once(station)
        assert sync.status(station).state == "offline"
    finally:
        with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_inbox_records_move_into_a_table_a_later_migration_adds(station, central_url):
    from counterpos.sync import central

    attach(station, central_url)
    rid = new_id()
    with station.store.write() as s:
        s.add(
            OutboxRow(
                record_id=rid,
                table_name="print_job",
                payload=json.dumps({"id": rid, "printer": "front", "bytes": 120}),
                created_at=utcnow(),
            )
        )
    sync.run_once(station)
    # What a later central migration would do: the table, registered as history.
    admin_query(
        central_url,
        "CREATE TABLE print_job (id text PRIMARY KEY, printer text NOT NULL, bytes bigint, "
        "pushed_by text NOT NULL DEFAULT current_user, "
        "changed_at timestamptz NOT NULL DEFAULT clock_timestamp())",
    )
    admin_query(central_url, "INSERT INTO sync_table VALUES ('print_job', 'history')")
    engine = central.make_central_engine(central_url)
    try:
        central.init(engine)
    finally:
        engine.dispose()
    role = make_url(sync.central_url(station)).username
    assert admin_query(central_url, "SELECT id, printer, bytes, pushed_by FROM print_job") == [
        (rid, "front", 120, role)
    ]
    # From now on the station's records of that table go straight in (it was granted).
    rid2 = new_id()
    with station.store.write() as s:
        s.add(
            OutboxRow(
                record_id=rid2,
                table_name="print_job",
                payload=json.dumps({"id": rid2, "printer": "back", "bytes": 7}),
                created_at=utcnow(),
            )
        )
    assert sync.run_once(station).push.failed == 0
    assert admin_query(central_url, "SELECT count(*) FROM print_job") == [(2,)]
    assert admin_query(central_url, "SELECT count(*) FROM inbox_record") == [(1,)]
