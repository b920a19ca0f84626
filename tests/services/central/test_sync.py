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
