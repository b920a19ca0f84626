"""What a station tells the centre with each sync, and what it learns back
(services/central/station_report.py), against a real PostgreSQL."""

from __future__ import annotations

import logging
import platform
import socket

import pytest

from counterpos.cli import main
from counterpos.logging_setup import configure
from counterpos.services.central import admin, station_report, sync
from counterpos.version import version
from tests.sync.helpers import admin_query, attach, first_accounts, sell

pytestmark = pytest.mark.pg


def test_each_station_shows_at_the_centre_with_its_version_last_sync_and_newest_error(
    station, cashier, drawer, central_url
):
    attach(station, central_url)
    attach_other = admin.add_station(central_url, "NEVER")  # registered, never synced
    assert attach_other["station"] == "NEVER"
    configure(station.home)
    logging.getLogger("counterpos.services.devices.printing").error(
        "print of T1-000001 on tcp://10.0.0.9:9100 failed: The printer is out of paper."
    )
    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    sync.run_once(station)
    rows, approved = admin.station_statuses(central_url)
    assert approved == ""
    by_code = {r.code: r for r in rows}
    mine = by_code[station.code]
    assert mine.version == version()
    assert mine.host == socket.gethostname() and mine.platform.startswith(platform.system())
    assert mine.pending == 0 and mine.failed == 0
    assert mine.last_sync_at is not None
    assert mine.last_error.endswith("The printer is out of paper.")
    assert mine.last_error.startswith("counterpos.services.devices.printing: print of T1-000001")
    assert mine.last_error_at is not None
    assert by_code["NEVER"].version == "" and by_code["NEVER"].last_sync_at is None


def test_a_station_behind_the_approved_version_says_so(
    station, cashier, drawer, central_url, capsys
):
    attach(station, central_url)
    sync.run_once(station)
    assert station_report.update_notice(station) is None  # nothing approved yet
    assert admin.approve_version(central_url, "999.0") is None
    sync.run_once(station)  # the station learns it with its next sync
    assert station_report.approved_version(station) == "999.0"
    assert station_report.behind(station) == (version(), "999.0")
    notice = station_report.update_notice(station)
    assert notice == (
        f"This station runs CounterPOS {version()}; the city has approved 999.0. "
        "Sales work as usual; ask IT to install the new version."
    )
    assert main(["--home", str(station.home), "sync", "status"]) == 0
    out = capsys.readouterr().out
    assert f"version: {version()} (approved: 999.0)" in out and notice in out
    # Approving the version it runs ends the notice; every approval is kept at the centre.
    assert admin.approve_version(central_url, version()) == "999.0"
    sync.run_once(station)
    assert station_report.update_notice(station) is None
    assert admin_query(
        central_url,
        "SELECT old_value, new_value FROM central_setting_change ORDER BY id",
    ) == [(None, "999.0"), ("999.0", version())]


def test_a_centre_from_before_the_report_still_syncs(station, cashier, drawer, central_url, caplog):
    attach(station, central_url)
    admin_query(
        central_url,
        "DROP FUNCTION counterpos_report_status(text, text, text, integer, integer, text, "
        "timestamptz)",
    )
    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    with caplog.at_level(logging.WARNING):
        report = sync.run_once(station)
    assert report.push.sent > 0 and sync.status(station).state == "up_to_date"
    assert "The central database took no status report" in caplog.text


def test_a_bad_version_is_refused_plainly(central_url):
    from counterpos.services.errors import InputError

    with pytest.raises(InputError, match="is not a version like 1.4.2"):
        admin.approve_version(central_url, "latest")


def test_central_stations_lists_them_for_it(station, central_url, capsys):
    attach(station, central_url)
    sync.run_once(station)
    admin.approve_version(central_url, "999.0")
    assert main(["central", "stations", "--url", central_url]) == 0
    out = capsys.readouterr().out
    assert "Approved version: 999.0" in out
    [line] = [x for x in out.splitlines() if x.startswith(station.code)]
    assert f"{version()} (old)" in line
