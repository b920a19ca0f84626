"""`counterpos config get|set|check|apply` (commands/config.py): values checked by the schema,
signed in and audited; the station's counterpos.toml."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.services.station import Station
from tests.conftest import audit_events


def test_a_bad_value_is_refused_with_its_range_before_any_pin(home, station, capsys, monkeypatch):
    monkeypatch.delenv("COUNTERPOS_PIN", raising=False)  # no PIN is even asked for
    cases = {
        "auth.max_failures": ("100000", "from 1 to 20"),
        "auth.lockout_minutes": ("99999999999999", "from 1 to 1440"),
        "session.over_short_limit_cents": ("99999999999", "from 0 to 10000"),
        "printer.url": ("tcp://[::1", "not one CounterPOS knows"),
        "printer.profile": ("x" * 10_000, "at most 60 characters"),
        "drawer.kick": ("nothex", "in hex"),
        "city.name": ("\udcff", "not valid text"),
    }
    for key, (value, said) in cases.items():
        assert main(["--home", str(home), "config", "set", key, value, "--user", "admin"]) == 2
        err = capsys.readouterr().err
        assert said in err and "Traceback" not in err and len(err) < 600, err
    assert audit_events(station, "setting_change", "login_cli", "login_failed") == []


def test_setting_the_same_value_again_is_not_a_change(home, station, capsys, signed):
    args = ["--home", str(home), "config", "set", "printer.profile", "generic-80mm"]
    assert main([*args, *signed("admin")]) == 0
    assert "is already generic-80mm; nothing changed" in capsys.readouterr().out
    assert audit_events(station, "setting_change") == []


def test_get_lists_every_setting_without_signing_in(home, station, capsys):
    assert main(["--home", str(home), "config", "get"]) == 0
    out = capsys.readouterr().out
    assert "auth.max_failures = 5" in out and "backup.interval_minutes = 60" in out
    assert main(["--home", str(home), "config", "get", "no.such"]) == 2


def test_check_reads_without_applying_and_apply_applies(home, capsys):
    (home / "counterpos.toml").write_text("[printer]\ntimeout = 11\n[drawer]\nbaud = 19200\n")
    assert main(["--home", str(home), "config", "check"]) == 0
    out = capsys.readouterr().out
    assert "2 setting(s), all good." in out and "printer.timeout = 11" in out
    st = Station.open(home)  # opening applies the file too; undo that to see `apply` do it
    try:
        assert st.setting("printer.timeout") == "11"
    finally:
        st.close()
    (home / "counterpos.toml").write_text("[printer]\ntimeout = 12\n")
    assert main(["--home", str(home), "config", "apply"]) == 0
    assert "printer.timeout: 11 -> 12" in capsys.readouterr().out


def test_a_bad_file_is_named_with_its_line_and_the_command_fails(home, capsys):
    (home / "counterpos.toml").write_text('# set by IT\n[printer]\ntimeout = "soon"\n')
    assert main(["--home", str(home), "config", "check"]) == 2
    err = capsys.readouterr().err
    assert "counterpos.toml, line 3: printer.timeout = 'soon'" in err and "Traceback" not in err
