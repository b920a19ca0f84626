"""The status report at the centre (sync/status_report.py, central migration c0006_i19): a
station writes only its own row, and only through the report; the approvals are kept."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.engine import make_url

from counterpos.services.central import sync
from counterpos.sync import central
from counterpos.sync.status_report import ReportRefused, StationReport, report, statuses
from tests.sync.helpers import admin_query, attach

pytestmark = pytest.mark.pg

REPORT = StationReport("1.0.0", "Linux 6", "front-1", 3, 0, "", None)


def station_conn(station) -> psycopg.Connection:
    url = make_url(sync.central_url(station)).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(False))


def test_a_station_reports_as_itself_and_touches_nothing_else(station, central_url):
    attach(station, central_url)
    other = central.make_central_engine(central_url)
    try:
        central.add_station(other, "B2")
    finally:
        other.dispose()
    engine = central.make_central_engine(sync.central_url(station))
    try:
        assert report(engine, REPORT) == ""
    finally:
        engine.dispose()
    assert admin_query(central_url, "SELECT station_code, version, host FROM station_status") == [
        (station.code, "1.0.0", "front-1")
    ]
    with station_conn(station) as conn:
        for sql in (
            "SELECT * FROM station_status",
            "UPDATE station_status SET version = '9'",
            "INSERT INTO station_status (station_code, version, last_sync_at, reported_by) "
            "VALUES ('B2', '0.0.1', now(), 'x')",
            "DELETE FROM station_status",
            "INSERT INTO central_setting (key, value) VALUES ('approved_version', '0.0.1')",
            "SELECT * FROM central_setting_change",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
            conn.rollback()


def test_only_a_registered_station_may_report(central_url):
    engine = central.make_central_engine(central_url)  # the administrator is no station
    try:
        with pytest.raises(ReportRefused, match="only a registered station reports its status"):
            report(engine, REPORT)
    finally:
        engine.dispose()


def test_the_record_of_approvals_cannot_be_rewritten(central_url):
    engine = central.make_central_engine(central_url)
    try:
        from counterpos.sync.status_report import set_approved_version

        set_approved_version(engine, "1.2.0")
        assert statuses(engine) == ([], "1.2.0")
    finally:
        engine.dispose()
    for sql in (
        "UPDATE central_setting_change SET new_value = '0'",
        "DELETE FROM central_setting_change",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            admin_query(central_url, sql)
