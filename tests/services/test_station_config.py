"""counterpos.toml (services/station_config.py): read with tomllib, every value checked, a bad
one named with its line, applied all or nothing and audited, at start or on demand."""

from __future__ import annotations

import logging

import pytest

from counterpos.services import station_config
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.sync import credentials
from tests.conftest import audit_events

GOOD = """\
# dropped in by configuration management
card.terminal = "tcp://10.20.0.31:9400"

[station]
name = "City Hall counter 2"

[printer]
url = "tcp://10.20.0.40:9100"
profile = "epson-tm-t88"
timeout = 8

[drawer]
port = "printer"
baud = 38400
"""


def write(home, text: str):
    path = home / station_config.FILE_NAME
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_is_applied_once_and_audited(station):
    write(station.home, GOOD)
    changes = station_config.apply(station)
    assert {c.key: c.new for c in changes} == {
        "station.name": "City Hall counter 2",
        "printer.url": "tcp://10.20.0.40:9100",
        "printer.profile": "epson-tm-t88",
        "printer.timeout": "8",
        "drawer.port": "printer",
        "drawer.baud": "38400",
        "card.terminal": "tcp://10.20.0.31:9400",
    }
    assert station.setting("printer.url") == "tcp://10.20.0.40:9100"
    events = audit_events(station, "setting_change")
    assert {e.target for e in events} >= {"printer.url", "drawer.baud"}
    assert {e.actor for e in events if e.target == "printer.url"} == {"counterpos.toml"}
    assert station_config.apply(station) == []  # nothing differs the second time


PREFIX = 'receipt.footer_en = "Changed"\n\n'  # two lines before each case's text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[printer]\nurl = "tcp://p:9100"\ncolour = "red"\n',
            "line 5: printer.colour = 'red': Unknown setting 'printer.colour'",
        ),
        (
            '[printer]\n\n# seconds\ntimeout = "fast"\n',
            "line 6: printer.timeout = 'fast': printer.timeout takes a whole number of seconds from 1 "
            "to 120.",
        ),
        (
            'printer.url = "lpt1"\n',
            "line 3: printer.url = 'lpt1': The printer address 'lpt1' is not one CounterPOS "
            "knows. Use tcp://HOST:9100",
        ),
        (
            '[card]\n"terminal" = "serial:COM4"\n',
            "line 4: card.terminal = 'serial:COM4': card.terminal is 'standalone' or "
            "tcp://HOST:PORT",
        ),
        ("[drawer]\nbaud = true\n", "line 4: drawer.baud must be text or a whole number."),
        (
            '[station]\nname = "Counter 4111 1111 1111 1111"\n',
            "line 4: station.name = 'Counter [card number removed]': ",
        ),
    ],
)
def test_a_bad_value_is_named_with_its_key_and_line_and_nothing_is_applied(station, text, expected):
    path = write(station.home, PREFIX + text)
    before = station.setting("receipt.footer_en")
    with pytest.raises(station_config.ConfigFileError) as caught:
        station_config.apply(station)
    message = str(caught.value)
    assert message.startswith(f"{path}, {expected}"), message
    assert "4111" not in message
    assert station.setting("receipt.footer_en") == before  # all or nothing


def test_not_toml_at_all_says_where(station):
    write(station.home, '[printer]\nurl = "tcp://p:9100\n')
    with pytest.raises(station_config.ConfigFileError, match=r"not valid TOML: .*line 2"):
        station_config.apply(station)


def test_the_check_is_one_pluggable_function_naming_the_allowed_range(station):
    """The settings schema plugs in here: a (key, value) check that raises with the range."""

    def schema_check(key: str, value: str) -> None:
        if key == "printer.timeout" and not 1 <= int(value) <= 60:
            raise InputError("printer.timeout is a whole number of seconds from 1 to 60.")

    path = write(station.home, "[printer]\ntimeout = 600\n")
    with pytest.raises(station_config.ConfigFileError) as caught:
        station_config.apply(station, path, check=schema_check)
    assert str(caught.value) == (
        f"{path}, line 2: printer.timeout = '600': printer.timeout is a whole number of seconds "
        "from 1 to 60."
    )


def test_the_station_applies_its_file_at_start(home):
    write(home, GOOD)
    station = Station.open(home)
    try:
        assert station.setting("drawer.baud") == "38400" and station.config_problem == ""
    finally:
        station.close()


def test_a_bad_file_at_start_is_logged_and_the_station_opens_as_it_was(home, caplog):
    write(home, '[printer]\nurl = "tcp://10.1.1.1:9100"\ntimeout = "soon"\n')
    with caplog.at_level(logging.ERROR, logger="counterpos.services.station_config"):
        station = Station.open(home)
    try:
        assert station.setting("printer.url") != "tcp://10.1.1.1:9100"
        assert "line 3: printer.timeout = 'soon'" in station.config_problem
        assert "was not applied" in caplog.text and "line 3" in caplog.text
    finally:
        station.close()


def test_a_new_station_takes_its_code_and_centre_from_the_file(empty_station):
    station = empty_station
    write(
        station.home,
        '[station]\ncode = "CH7"\n[central]\n'
        'url = "postgresql://counterpos_station_ch7:s3cret@db.city.example/counterpos"\n',
    )
    station_config.apply(station)
    assert station.code == "CH7"
    assert station.setting("central.url") == (
        "postgresql+psycopg://counterpos_station_ch7@db.city.example/counterpos"
    )
    assert "s3cret" not in station.setting("central.url")
    assert credentials.load(station.home) == "s3cret"  # the password went where passwords go


def test_keys_the_centre_manages_are_left_to_it(station):
    write(station.home, GOOD)
    changes = station_config.apply(station, skip=frozenset({"printer.url"}))
    assert "printer.url" not in {c.key for c in changes}
    assert station.setting("printer.url") != "tcp://10.20.0.40:9100"


def test_another_file_can_be_named(station, tmp_path, monkeypatch):
    other = tmp_path / "etc" / "counterpos.toml"
    other.parent.mkdir()
    other.write_text('[drawer]\nport = "/dev/ttyUSB0"\n')
    monkeypatch.setenv(station_config.ENV, str(other))
    assert station_config.config_path(station.home) == other
    assert [c.key for c in station_config.apply(station)] == ["drawer.port"]


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        ('[printer]\nurl = "x"\n', "printer.url", 2),
        ('a = 1\nprinter.url = "x"\n', "printer.url", 2),
        ('[ "printer" ]\n"url" = "x"  # the queue\n', "printer.url", 2),
        ('[drawer]\nport = "a"\n[printer]\nport = "b"\n', "printer.port", 4),
        ('[drawer]\nport = "a"\n', "printer.url", None),
    ],
)
def test_find_line(text, key, line):
    assert station_config.find_line(text, key) == line


def test_a_station_that_issued_receipts_keeps_its_code_and_nothing_else_is_applied(
    station, cashier, drawer
):
    from tests.sync.helpers import first_accounts, sell

    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    code = station.code
    write(station.home, '[printer]\ntimeout = 9\n[station]\ncode = "CH9"\n')
    with pytest.raises(InputError, match=f"has issued receipts as {code}"):
        station_config.apply(station)
    assert station.code == code and station.setting("printer.timeout") != "9"
