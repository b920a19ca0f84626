"""What the office tests share: finance users, stations that ring and close real days and push
them to the centre, and the office as a finance login sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.drawer_balance import expected_cash
from counterpos.services import sessions
from counterpos.services.access import auth, users
from counterpos.services.central import sync as sync_service
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.drawer.figures import session_figures
from counterpos.services.office.connection import Office, office_engine
from counterpos.services.station import DB_FILE, Station
from tests.sync.helpers import apply_held, attach

# username -> (full name, role, PIN)
FINANCE = {
    "fiona": ("Fiona Park", "finance_clerk", "4444"),
    "felix": ("Felix Ortega", "finance_supervisor", "555555"),
    "frank": ("Frank Osei", "finance_supervisor", "666666"),
}
FLOAT = {"bill_20": 4, "bill_10": 1, "bill_1": 5, "coin_25": 20}  # $100.00


def new_station(template_home: Path, where: Path, code: str) -> Station:
    """Another station of the same city (a copy of the seeded test store) under its own code."""
    where.mkdir(parents=True)
    shutil.copy(template_home / DB_FILE, where / DB_FILE)
    st = Station.open(where)
    st.set_code(code, f"Test counter {code}")
    return st


def join(station: Station, central_url: str) -> None:
    """Register the station at the centre, connect it, and sync once (the finance roles come
    down with the reference data). The catalog it sends waits for the administrator, who
    applies it, as at a city's first station."""
    attach(station, central_url)
    sync_service.run_once(station)
    apply_held(central_url, station.code)
    sync_service.run_once(station)


def add_finance_users(station: Station, central_url: str) -> None:
    """The finance users, added at the station and applied by the centre's administrator."""
    for username, (name, role, pin) in FINANCE.items():
        users.add_user(station, username, name, role, pin)
    sync_service.run_once(station)
    apply_held(central_url, station.code)


def office_as(station: Station, login: dict, username: str) -> Office:
    """The back office as `username` (signed in at the station) through a finance login."""
    actor = auth.login(station, username, FINANCE[username][2])
    return Office(office_engine(login["url"], login["password"]), actor, "City of Mission Vista")


def count_of(cents: int) -> dict[str, int]:
    """A drawer count of exactly `cents`, largest pieces first."""
    out: dict[str, int] = {}
    for d in DENOMINATIONS:
        if d.kind == "roll":
            continue
        n, cents = divmod(cents, d.cents)
        if n:
            out[d.key] = n
    assert cents == 0
    return out


def close_exactly(station, actor, session_id: str, *, off_by: int = 0, approval=None, note=""):
    """Close a session with a count `off_by` cents from what it should hold, every check ticked
    and the card batch as recorded."""
    with station.store.read() as s:
        figures = session_figures(s, session_id)
    expected = expected_cash(figures.movements).cents
    count = ClosingCount(
        count_of(expected + off_by),
        frozenset(i.tender_id for i in figures.items),
        figures.card_total,
    )
    return balancing.close_session(station, actor, session_id, count, approval=approval, note=note)


def open_drawer(station, actor):
    return sessions.open_session(station, actor, FLOAT)


def push(station: Station) -> None:
    sync_service.run_once(station)


def publish_accounts(station: Station, admin_engine) -> int:
    """Copy the station's customers and utility accounts to the centre as the billing system
    would have written them there (the test store seeds them locally, unsynced)."""
    from sqlalchemy import select
    from sqlalchemy import text as sql

    from counterpos.store.models import Customer, UtilityAccount

    with station.store.read() as s:
        customers = [dict(r._mapping) for r in s.execute(select(Customer.__table__))]
        accounts = [dict(r._mapping) for r in s.execute(select(UtilityAccount.__table__))]
    with admin_engine.begin() as conn:
        for table, rows in (("customer", customers), ("utility_account", accounts)):
            # Only the columns the centre keeps (a station-only column, such as the customer's
            # receipt language, stays on the station).
            central = set(
                conn.execute(
                    sql("SELECT column_name FROM information_schema.columns WHERE table_name = :t"),
                    {"t": table},
                ).scalars()
            )
            cols = [c for c in rows[0] if c in central]
            rows = [{c: row[c] for c in cols} for row in rows]
            conn.execute(
                sql(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                    f"({', '.join(':' + c for c in cols)}) ON CONFLICT DO NOTHING"
                ),
                rows,
            )
    return len(accounts)
