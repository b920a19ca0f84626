"""`counterpos init` (commands/init.py): provisioning an empty store needs no terminal and no
sign-in; anything else on a set-up store does. A new station says where its store lives
(--machine or --user-only), and later starts find it there."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from counterpos.cli import main
from counterpos.services.access import auth
from counterpos.services.station import Station
from tests.conftest import PINS, audit_events

ROOT = Path(__file__).resolve().parents[2]


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


def counterpos(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """The real command, with this test's own user folder (XDG_DATA_HOME) and no --home."""
    env = {k: v for k, v in os.environ.items() if k != "COUNTERPOS_HOME"}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    env["PYTHONPATH"] = str(ROOT / "src")
    return subprocess.run(
        [sys.executable, "-m", "counterpos", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        start_new_session=True,  # no terminal: the PIN is read from stdin
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the folders named are Linux's")
def test_a_new_station_must_say_where_its_store_lives(tmp_path):
    done = counterpos(tmp_path, "init", "--admin", "boss")
    assert done.returncode == 2
    assert "counterpos init --machine" in done.stderr and "/var/lib/counterpos" in done.stderr
    assert "counterpos init --user-only" in done.stderr and str(tmp_path / "xdg") in done.stderr
    assert not (tmp_path / "xdg" / "CounterPOS" / "counterpos.sqlite").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the folders named are Linux's")
def test_user_only_puts_the_store_in_the_users_folder_and_later_starts_find_it(tmp_path):
    done = counterpos(
        tmp_path, "init", "--user-only", "--admin", "boss", "--name", "Bea Boss", stdin="654321\n"
    )
    assert done.returncode == 0, done.stderr
    user = tmp_path / "xdg" / "CounterPOS"
    assert (user / "counterpos.sqlite").exists()
    assert f"ready in {user}" in done.stdout
    listed = counterpos(tmp_path, "user", "list")  # no --home, no choice: found again
    assert listed.returncode == 0, listed.stderr
    assert "boss" in listed.stdout


def test_home_and_a_choice_of_folder_do_not_go_together(tmp_path):
    done = counterpos(tmp_path, "--home", str(tmp_path / "h"), "init", "--machine")
    assert done.returncode == 2
    assert "leave out --machine and --user-only" in done.stderr


def test_with_no_one_to_type_init_says_what_to_give_instead(tmp_path):
    done = counterpos(tmp_path, "--home", str(tmp_path / "h"), "init", "--admin", "boss")
    assert done.returncode == 2
    assert "No PIN was given" in done.stderr
    assert "Traceback" not in done.stderr


def test_init_unattended_with_the_pin_in_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTERPOS_PIN", "654321")
    home = tmp_path / "h"
    done = counterpos(tmp_path, "--home", str(home), "init", "--admin", "boss", "--name", "Bea B")
    assert done.returncode == 0, done.stderr
    assert "Created administrator boss." in done.stdout


def test_init_of_a_station_named_to_a_centre_makes_no_local_user(tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    home = tmp_path / "h"
    home.mkdir()
    (home / "counterpos.toml").write_text(
        f'[station]\ncode = "CH4"\n[central]\nurl = "postgresql+psycopg://r@127.0.0.1:{port}/c"\n'
    )
    done = counterpos(tmp_path, "--home", str(home), "init")
    assert done.returncode == 0, done.stderr
    assert "No one can sign in at station CH4 yet" in done.stdout
    assert "Station CH4 is ready" in done.stdout
