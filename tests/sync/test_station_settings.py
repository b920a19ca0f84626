"""The centre's station settings (sync/station_settings.py, central migration c0007_i19) as a
station's own role meets them: it reads its own values through the function, and the server
refuses it every write and every other station's values."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counterpos.sync import central, station_settings
from tests.sync.helpers import admin_query

pytestmark = pytest.mark.pg


def _as_station(central_url: str, code: str):
    engine = central.make_central_engine(central_url)
    try:
        info = central.add_station(engine, code)
    finally:
        engine.dispose()
    url = make_url(info["url"]).set(drivername="postgresql", password=info["password"])
    return info, url.render_as_string(hide_password=False)


def test_a_station_reads_its_own_settings_and_every_stations_and_no_one_elses(central_url):
    info, _ = _as_station(central_url, "CH1")
    _as_station(central_url, "CH2")
    admin = central.make_central_engine(central_url)
    try:
        station_settings.put(admin, "*", "printer.timeout", "9")
        station_settings.put(admin, "*", "drawer.baud", "9600")
        station_settings.put(admin, "CH1", "drawer.baud", "38400")
        station_settings.put(admin, "CH2", "printer.url", "tcp://10.0.0.2:9100")
    finally:
        admin.dispose()
    engine = central.make_central_engine(info["url"], info["password"])
    try:
        mine = {r.key: r.value for r in station_settings.for_this_station(engine)}
    finally:
        engine.dispose()
    assert mine == {"drawer.baud": "38400", "printer.timeout": "9"}


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM station_setting",
        "SELECT * FROM station_setting_change",
        "INSERT INTO station_setting (station_code, key, value) VALUES ('CH1', 'printer.url', "
        "'tcp://evil:9100')",
        "UPDATE station_setting SET value = 'x'",
        "DELETE FROM station_setting",
        "INSERT INTO station_setting_change (station_code, key, new_value) VALUES ('CH1', 'k', 'v')",
    ],
)
def test_a_station_role_can_neither_read_the_tables_nor_write_a_setting(central_url, sql):
    _, url = _as_station(central_url, "CH1")
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql)
    assert admin_query(central_url, "SELECT count(*) FROM station_setting") == [(0,)]


def test_a_role_that_is_no_station_gets_nothing(central_url):
    admin = central.make_central_engine(central_url)
    try:
        station_settings.put(admin, "*", "printer.timeout", "9")
        # The administrator is no station: the function finds no sync_station row for it.
        assert station_settings.for_this_station(admin) == []
    finally:
        admin.dispose()
