"""Spans the demo and sync: the demo city's history syncs whole, totals by day and GL match."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from counterpos.demo.city import load_demo
from counterpos.services import sessions
from counterpos.services.central import sync
from counterpos.services.station import Station
from tests.conftest import login
from tests.sync.helpers import admin_query, attach, first_accounts, sell

pytestmark = pytest.mark.pg

BY_DAY = "SELECT {day} AS day, count(*), sum(s.total_cents) FROM sale s GROUP BY day ORDER BY day"
LOCAL_DAY, CENTRAL_DAY = "date(s.created_at)", "to_char(s.created_at, 'YYYY-MM-DD')"
BY_GL = (
    "SELECT l.gl_account, count(*), sum(l.amount_cents) FROM sale_line l "
    "GROUP BY l.gl_account ORDER BY l.gl_account"
)
BY_TENDER = "SELECT kind, sum(amount_cents) FROM tender GROUP BY kind ORDER BY kind"


def _plain(rows) -> list[tuple]:
    """First column as text, the others as int: SQLite and PostgreSQL then compare exactly."""
    return [tuple(str(v) if i == 0 else int(v) for i, v in enumerate(r)) for r in rows]


def _local(station, sql: str) -> list[tuple]:
    with station.store.read() as s:
        return _plain(s.execute(text(sql)))


def _central(url: str, sql: str) -> list[tuple]:
    return _plain(admin_query(url, sql))


def test_demo_history_and_todays_sales_sync_completely(tmp_path, central_url):
    station = Station.open(tmp_path / "demo")
    station.set_code("D1", "Demo counter")
    load_demo(station, customers=200)
    maria = login(station, "maria")
    drawer = sessions.open_session(station, maria, {"bill_20": 5})
    accounts = first_accounts(station, 4)
    for i, account in enumerate(accounts * 3):
        sell(station, maria, drawer, account_no=account, pay=f"{10 + i}.25", extra=f"{i + 1}.10")
    attach(station, central_url)
    sync.run_once(station, batch_size=250)
    assert sync.status(station).state == "up_to_date"
    local_by_day = _local(station, BY_DAY.format(day=LOCAL_DAY))
    assert sum(r[1] for r in local_by_day) >= 12
    assert _central(central_url, BY_DAY.format(day=CENTRAL_DAY)) == local_by_day
    assert _central(central_url, BY_GL) == _local(station, BY_GL)
    assert _central(central_url, BY_TENDER) == _local(station, BY_TENDER)
    audit = "SELECT 'audit', count(*), max(seq) FROM audit_event"
    assert _central(central_url, audit) == _local(station, audit)
    station.close()
