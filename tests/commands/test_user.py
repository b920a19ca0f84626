"""`counterpos user add|list|disable` (commands/user.py): signed in, each PIN from its place."""

from __future__ import annotations

import io

from counterpos.cli import main
from counterpos.services.access import auth
from tests.conftest import PINS, audit_events


def test_user_add_takes_the_signers_pin_then_the_new_one(home, station, capsys, monkeypatch):
    monkeypatch.delenv("COUNTERPOS_PIN", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PINS['admin']}\n2468\n"))
    args = ["user", "add", "lee", "--name", "Lee Park", "--role", "cashier", "--user", "admin"]
    assert main(["--home", str(home), *args]) == 0
    assert "Added lee (Lee Park) as cashier." in capsys.readouterr().out
    assert auth.login(station, "lee", "2468").username == "lee"
    event = audit_events(station, "user_add")[-1]
    assert (event.actor, event.target) == ("admin", "lee")


def test_the_new_pin_may_come_from_its_own_variable(home, station, capsys, monkeypatch):
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["admin"])
    monkeypatch.setenv("COUNTERPOS_NEW_PIN", "1357")
    args = ["user", "add", "ana", "--name", "Ana Ruiz", "--user", "admin"]
    assert main(["--home", str(home), *args]) == 0
    assert auth.login(station, "ana", "1357").role == "cashier"


def test_disable_is_audited_as_who_signed_in(home, station, monkeypatch):
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["admin"])
    assert main(["--home", str(home), "user", "disable", "james", "--user", "admin"]) == 0
    event = audit_events(station, "user_disable")[-1]
    assert (event.actor, event.target) == ("admin", "james")
