"""Fixtures of the office tests: a centre with finance logins, and stations joined to it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from counterpos.services.office import connection
from counterpos.sync import central
from tests.services.office.office_support import (
    add_finance_users,
    join,
    new_station,
    office_as,
    publish_accounts,
)


@pytest.fixture
def centre(central_url):
    """The central database with a clerk's and a supervisor's finance login."""
    admin = central.make_central_engine(central_url)
    logins = {r: connection.add_login(admin, f"t_{r}", r) for r in ("clerk", "supervisor")}
    opened = []
    yield SimpleNamespace(url=central_url, admin=admin, logins=logins, opened=opened)
    for office in opened:
        office.close()
    connection.drop_logins(admin)
    admin.dispose()


@pytest.fixture
def joined(station, centre):
    """The test station joined to the centre, with the finance users added."""
    join(station, centre.url)
    publish_accounts(station, centre.admin)
    add_finance_users(station, centre.url)
    return station


@pytest.fixture
def second(template_home, tmp_path, centre, joined):
    """A second station, T2, joined to the same centre."""
    st = new_station(template_home, tmp_path / "t2", "T2")
    join(st, centre.url)
    yield st
    st.close()


@pytest.fixture
def clerk(joined, centre):
    office = office_as(joined, centre.logins["clerk"], "fiona")
    centre.opened.append(office)
    return office


@pytest.fixture
def boss(joined, centre):
    """Felix, finance supervisor, through the supervisor's login."""
    office = office_as(joined, centre.logins["supervisor"], "felix")
    centre.opened.append(office)
    return office
