"""`counterpos init` (commands/init.py): provisioning an empty store needs no terminal and no
sign-in; anything else on a set-up store does."""

from __future__ import annotations

from counterpos.cli import main
from counterpos.services.access import auth
from counterpos.services.station import Station
from tests.conftest import PINS, audit_events


def test_an_empty_store_gets_its_first_administrator_from_the_environment(
    tmp_path, monkeypatch, capsys
):
    home = tmp_path / "new"
    monkeypatch.setenv("COUNTERPOS_PIN", "864213")
    args = ["--home", str(home), "init", "--station", "ch4", "--admin-name", "it"]
    assert main([*args, "--full-name", "Ines Tan"]) == 0
    out = capsys.readouterr().out
    assert "Created administrator it." in out and f"Station CH4 is ready in {home}" in out
    st = Station.open(home)
    try:
        actor = auth.login(st, "it", "864213")
        assert (actor.role, actor.full_name) == ("admin", "Ines Tan")
        assert actor.can("manage_users") and actor.can("manage_store")
    finally:
        st.close()


def test_no_pin_and_no_terminal_is_a_plain_message_and_no_user(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("COUNTERPOS_PIN", raising=False)
    home = tmp_path / "new"
    assert main(["--home", str(home), "init", "--admin-name", "it"]) == 2
    err = capsys.readouterr().err
    assert "No PIN was given" in err and "Traceback" not in err
    assert main(["--home", str(home), "init"]) == 2
    assert "--admin-name NAME" in capsys.readouterr().err
    st = Station.open(home)
    try:
        assert not st.is_initialised()
    finally:
        st.close()


def test_a_set_up_store_takes_no_second_first_user_and_no_demo(home, station, capsys):
    assert main(["--home", str(home), "init", "--admin-name", "mallory"]) == 2
    assert "already has users" in capsys.readouterr().err
    assert main(["--home", str(home), "init", "--demo"]) == 2
    assert "set up already" in capsys.readouterr().err
    assert main(["--home", str(home), "init"]) == 0  # migrating, which every start does
    assert audit_events(station, "user_add")[-1].target != "mallory"


def test_the_code_of_a_set_up_store_changes_only_for_a_signed_in_user(
    home, station, capsys, monkeypatch
):
    assert main(["--home", str(home), "init", "--station", "T7"]) == 2
    assert "needs --user" in capsys.readouterr().err
    monkeypatch.setenv("COUNTERPOS_PIN", PINS["admin"])
    assert main(["--home", str(home), "init", "--station", "T7", "--user", "admin"]) == 0
    assert "Station T7 is ready" in capsys.readouterr().out
    (event,) = audit_events(station, "setting_change")
    assert (event.actor, event.details) == ("admin", {"old": "T1", "new": "T7"})
