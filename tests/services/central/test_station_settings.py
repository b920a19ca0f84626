"""Settings kept at the centre, per station or for every station, pulled with each sync
(services/central/station_settings.py), against a real PostgreSQL."""

from __future__ import annotations

import shutil

import pytest

from counterpos.cli import main
from counterpos.services import station_config
from counterpos.services.central import station_settings, sync
from counterpos.services.errors import InputError
from counterpos.services.station import DB_FILE, Station
from tests.conftest import audit_events
from tests.sync.helpers import admin_query, attach

pytestmark = pytest.mark.pg


def _other(template_home, tmp_path, code: str) -> Station:
    home = tmp_path / code
    home.mkdir()
    shutil.copy(template_home / DB_FILE, home / DB_FILE)
    st = Station.open(home)
    st.set_code(code, f"Counter {code}")
    return st


def test_one_change_at_the_centre_reaches_every_station_and_a_stations_own_value_wins(
    station, template_home, tmp_path, central_url
):
    other = _other(template_home, tmp_path, "CH9")
    try:
        attach(station, central_url)
        attach(other, central_url)
        station_settings.admin_set(central_url, "all", "printer.timeout", "9")
        station_settings.admin_set(central_url, "all", "receipt.footer_en", "Thank you")
        station_settings.admin_set(central_url, "CH9", "printer.timeout", "15")
        sync.run_once(station)
        sync.run_once(other)
        assert station.setting("printer.timeout") == "9"
        assert other.setting("printer.timeout") == "15"  # its own value, not every station's
        assert other.setting("receipt.footer_en") == "Thank you"
        [event] = [
            e for e in audit_events(other, "setting_change") if e.target == "printer.timeout"
        ]
        assert event.actor == "centre"
        assert event.details["new"] == "15" and event.details["changed_by"]
        # Nothing changed at the centre: the next sync writes and audits nothing.
        before = len(audit_events(other, "setting_change"))
        sync.run_once(other)
        assert len(audit_events(other, "setting_change")) == before
    finally:
        other.close()


def test_every_change_is_kept_at_the_centre_with_who_and_when(station, central_url):
    attach(station, central_url)
    assert station_settings.admin_set(central_url, station.code, "drawer.baud", "19200") is None
    assert station_settings.admin_set(central_url, station.code, "drawer.baud", "38400") == "19200"
    assert station_settings.admin_set(central_url, station.code, "drawer.baud", None) == "38400"
    rows = admin_query(
        central_url,
        "SELECT station_code, key, old_value, new_value, changed_by IS NOT NULL "
        "FROM station_setting_change ORDER BY id",
    )
    assert rows == [
        (station.code, "drawer.baud", None, "19200", True),
        (station.code, "drawer.baud", "19200", "38400", True),
        (station.code, "drawer.baud", "38400", None, True),
    ]
    with pytest.raises(Exception, match="append-only"):
        admin_query(central_url, "DELETE FROM station_setting_change")


@pytest.mark.parametrize(
    ("code", "key", "value", "message"),
    [
        ("all", "printer.colour", "red", "Unknown setting 'printer.colour'"),
        ("all", "printer.timeout", "soon", "printer.timeout takes a whole number"),
        ("all", "printer.url", "lpt1", "The printer address 'lpt1' is not one CounterPOS knows"),
        ("all", "station.code", "CH3", "station.code is set at the station itself"),
        ("all", "central.url", "postgresql://x@y/z", "central.url is set at the station itself"),
        ("ZZ9", "printer.timeout", "5", "There is no station ZZ9 at the centre"),
        ("all", "station.name", "4111 1111 1111 1111", "station.name is set at the station"),
        ("all", "receipt.footer_en", "card 4111 1111 1111 1111", "card number"),
    ],
)
def test_a_bad_setting_is_refused_at_the_centre_plainly(
    station, central_url, code, key, value, message
):
    attach(station, central_url)
    with pytest.raises(InputError, match=message) as caught:
        station_settings.admin_set(central_url, code, key, value)
    assert "4111" not in str(caught.value)
    assert admin_query(central_url, "SELECT count(*) FROM station_setting") == [(0,)]


def test_a_value_this_station_cannot_use_is_logged_and_the_rest_still_apply(
    station, central_url, caplog
):
    attach(station, central_url)
    # Written past the check, as a newer version's setting would arrive at an older station.
    admin_query(
        central_url,
        "INSERT INTO station_setting (station_code, key, value) VALUES "
        "('*', 'printer.colour', 'red'), ('*', 'printer.timeout', '12')",
    )
    report = sync.run_once(station)
    assert report is not None and station.setting("printer.timeout") == "12"
    assert "Central setting printer.colour = 'red' refused here" in caplog.text
    assert station_settings.managed_keys(station) == frozenset({"printer.timeout"})


def test_the_configuration_file_leaves_what_the_centre_sets_to_the_centre(station, central_url):
    attach(station, central_url)
    station_settings.admin_set(central_url, station.code, "printer.timeout", "20")
    sync.run_once(station)
    (station.home / station_config.FILE_NAME).write_text(
        "[printer]\ntimeout = 4\n[drawer]\nbaud = 19200\n", encoding="utf-8"
    )
    changed = station_config.apply(station, skip=station_settings.managed_keys(station))
    assert [c.key for c in changed] == ["drawer.baud"]
    assert station.setting("printer.timeout") == "20"
    # Once the centre stops setting it, the file's value is used again.
    station_settings.admin_set(central_url, station.code, "printer.timeout", None)
    sync.run_once(station)
    assert station_settings.managed_keys(station) == frozenset()
    station_config.apply(station, skip=station_settings.managed_keys(station))
    assert station.setting("printer.timeout") == "4"


def test_a_centre_without_station_settings_still_syncs(station, central_url, caplog):
    attach(station, central_url)
    admin_query(central_url, "DROP FUNCTION counterpos_station_settings()")
    sync.run_once(station)
    assert sync.status(station).state == "up_to_date"
    assert "keeps no station settings yet" in caplog.text


def test_central_setting_commands(station, central_url, capsys):
    attach(station, central_url)
    assert (
        main(["central", "setting", "set", "all", "printer.timeout", "7", "--url", central_url])
        == 0
    )
    assert (
        main(
            [
                "central",
                "setting",
                "set",
                station.code,
                "drawer.baud",
                "19200",
                "--url",
                central_url,
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "printer.timeout for every station: (not set) -> 7" in out
    assert f"drawer.baud for {station.code}: (not set) -> 19200" in out
    assert main(["central", "setting", "list", station.code, "--url", central_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("all      printer.timeout = 7")
    assert lines[1].startswith(f"{station.code:8} drawer.baud = 19200")
    assert (
        main(["central", "setting", "unset", "all", "printer.timeout", "--url", central_url]) == 0
    )
    assert "no longer set at the centre (it was '7')" in capsys.readouterr().out
    assert (
        main(["central", "setting", "set", "all", "printer.timeout", "x", "--url", central_url])
        == 2
    )
    assert "printer.timeout takes a whole number" in capsys.readouterr().err
