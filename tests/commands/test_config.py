"""`counterpos config get|set` (commands/config.py): checked by the schema, signed in, audited."""

from __future__ import annotations

from counterpos.cli import main
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
