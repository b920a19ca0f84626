"""Sync as the till sees it (services/central/sync.py): a centre away or empty, said plainly."""

from __future__ import annotations

import psycopg
import pytest

from counterpos.services.central import sync
from tests.sync.helpers import first_accounts, outbox_states, sell

pytestmark = pytest.mark.pg


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
    assert outbox_states(station).get("sent", 0) == 0


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


def test_a_new_station_takes_its_users_from_the_centre_once_one_is_allowed_there(
    station, empty_station, central_url
):
    from counterpos.sync import central
    from tests.sync.helpers import admin_query, apply_held, attach

    attach(station, central_url)  # an older station brings its users to the centre
    sync.run_once(station)
    apply_held(central_url)
    new = empty_station
    new.set_code("CH8")
    attach(new, central_url)
    assert sync.take_users(new) == (
        "No one can sign in at station CH8 yet: the central database allows no user here. Ask "
        "the administrator (`counterpos central allow-user NAME CH8`); the station takes them "
        "at its next sync."
    )
    engine = central.make_central_engine(central_url)
    try:
        central.allow_user(engine, "sofia", ["CH8"])
    finally:
        engine.dispose()
    assert sync.take_users(new) == "" and new.is_initialised()
    assert admin_query(central_url, "SELECT count(*) FROM app_user") != [(0,)]
