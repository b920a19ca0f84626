"""The central database (sync/central.py): history append-only for all, records kept for later."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counterpos.services.central import sync
from tests.sync.helpers import admin_query, attach, first_accounts, queue_record, sell

pytestmark = pytest.mark.pg


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
    # (The centre's own migrations seed the finance roles; only these rows are the test's.)
    assert admin_query(
        central_url, "SELECT count(*) FROM role_permission WHERE role = 'cashier'"
    ) == [(1,)]
    clerk = "SELECT label, rank FROM role WHERE name = 'clerk'"
    assert admin_query(central_url, clerk) == [("Counter clerk", 2)]
    before = admin_query(central_url, "SELECT changed_at FROM role WHERE name = 'clerk'")
    admin_query(
        central_url,
        "SELECT counterpos_upsert_reference('role', %s::json)",
        (_json.dumps(roles[1:]),),
    )
    assert (
        admin_query(central_url, "SELECT changed_at FROM role WHERE name = 'clerk'") == before
    )  # unchanged row


def test_inbox_records_move_into_a_table_a_later_migration_adds(station, central_url):
    from counterpos.sync import central

    attach(station, central_url)
    rid = queue_record(station, "print_job", printer="front", bytes=120)
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
    queue_record(station, "print_job", printer="back", bytes=7)
    assert sync.run_once(station).push.failed == 0
    assert admin_query(central_url, "SELECT count(*) FROM print_job") == [(2,)]
    assert admin_query(central_url, "SELECT count(*) FROM inbox_record") == [(1,)]


def test_the_station_cannot_use_the_upsert_for_history(station, central_url):
    import psycopg
    from sqlalchemy.engine import make_url

    attach(station, central_url)
    url = make_url(sync.central_url(station)).set(drivername="postgresql")
    with (
        psycopg.connect(url.render_as_string(False)) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(
            "SELECT counterpos_upsert_reference('sale', %s::json)",
            ('[{"id": "x", "total_cents": 1}]',),
        )


def test_a_centre_upgraded_to_c0003_keeps_its_rows_and_claims_their_numbers(pg_server):
    """A centre that took duplicates before the claims rule: they stay, and are named."""
    import json
    import uuid

    from alembic import command
    from alembic.script import ScriptDirectory

    from counterpos.services.central import continuity
    from counterpos.sync import central

    name = f"cpos_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = pg_server.url(name)
    engine = central.make_central_engine(url)
    try:
        command.upgrade(central.alembic_config(engine), "c0002")
        sale = {
            "receipt_no": "CH1-005306", "station_code": "CH1", "sequence": 5306, "kind": "sale",
            "session_id": "s", "user_id": "u", "change_cents": 0, "note": "",
            "created_at": "2026-11-01T10:00:00",
        }  # fmt: skip
        for cents in (6300, 27074):
            row = json.dumps({**sale, "id": str(uuid.uuid4()), "total_cents": cents})
            admin_query(
                url,
                "INSERT INTO sale SELECT (jsonb_populate_record(NULL::sale, "
                "%s::jsonb || jsonb_build_object('pushed_by', 'old', 'changed_at', now()))).*",
                (row,),
            )
        admin_query(
            url,
            "INSERT INTO app_user (id, username, full_name, role, pin_hash, active, "
            "failed_attempts, created_at) VALUES ('u1', 'ana', 'Ana', 'cashier', 'h', true, 0, "
            "now())",
        )
        central.init(engine)  # the upgrade to c0003 (and later), and the stations' rights again
        head = ScriptDirectory.from_config(central.alembic_config(engine)).get_current_head()
        assert central.current_revision(engine) == head
        assert admin_query(url, "SELECT count(*) FROM sale") == [(2,)]
        assert admin_query(url, "SELECT station_code, series, number FROM station_claim") == [
            ("CH1", "receipt", 5306)
        ]
        assert admin_query(url, "SELECT stations FROM app_user") == [(["*"],)]
        (ch1,) = continuity.central_report(url)
        assert sorted(h.amount.cents for h in ch1.duplicates[5306]) == [6300, 27074]
        assert ch1.gaps == [(1, 5305)]
        # A third record with that number is refused from now on, even the owner's.
        with pytest.raises(psycopg.errors.UniqueViolation):
            row = json.dumps({**sale, "id": str(uuid.uuid4()), "total_cents": 1})
            admin_query(
                url,
                "INSERT INTO sale SELECT (jsonb_populate_record(NULL::sale, "
                "%s::jsonb || jsonb_build_object('pushed_by', 'x', 'changed_at', now()))).*",
                (row,),
            )
        command.downgrade(central.alembic_config(engine), "c0002")
        command.upgrade(central.alembic_config(engine), "head")
        assert admin_query(url, "SELECT count(*) FROM station_claim") == [(1,)]
    finally:
        central.drop_database_roles(engine)
        engine.dispose()
        with psycopg.connect(pg_server.conninfo(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
