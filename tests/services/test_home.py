"""Where the store lives (services/home.py): the machine-wide folder by default, the user's own
for a single-user install, --home and COUNTERPOS_HOME first, and a plain word for IT when the
folder may not be written."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from counterpos.services import home
from counterpos.services.errors import StateError
from counterpos.services.station import Station


@pytest.fixture
def places(tmp_path, monkeypatch):
    """This test's user folder (platformdirs follows XDG_DATA_HOME) and a machine folder in
    the test's own temp folder, so the real /var/lib is never touched."""
    monkeypatch.delenv(home.ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    machine = tmp_path / "machine" / "counterpos"
    monkeypatch.setattr(home, "machine_home", lambda: machine)
    return home.user_home(), machine


def test_the_folders_each_system_uses(monkeypatch):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", r"D:\ProgramData")
    assert home.machine_home() == Path(r"D:\ProgramData") / "CounterPOS"
    monkeypatch.setattr(sys, "platform", "darwin")
    assert home.machine_home() == Path("/Library/Application Support/CounterPOS")
    monkeypatch.setattr(sys, "platform", "linux")
    assert home.machine_home() == Path("/var/lib/counterpos")


def test_a_new_station_defaults_to_the_machine_folder(places):
    user, machine = places
    assert home.choose() == home.Home(machine, "machine")


def test_the_option_then_the_variable_win(places, tmp_path, monkeypatch):
    monkeypatch.setenv(home.ENV, str(tmp_path / "from-env"))
    assert home.choose(tmp_path / "opt").path == tmp_path / "opt"
    assert home.choose(None, scope="machine") == home.Home(tmp_path / "from-env", "env")


def test_init_chooses_explicitly(places):
    user, machine = places
    assert home.choose(scope="machine") == home.Home(machine, "machine-chosen")
    assert home.choose(scope="user") == home.Home(user, "user-chosen")


def test_a_single_user_install_is_found_again_by_its_store(places):
    user, machine = places
    Station.open(home.choose(scope="user").path).close()  # init --user-only
    assert home.choose() == home.Home(user, "user")  # every later start finds it


def test_a_demo_with_no_store_anywhere_is_the_users_own(places):
    user, machine = places
    assert home.choose(demo=True).path == user
    Station.open(machine).close()  # once the PC has its machine-wide store, a demo uses that
    assert home.choose(demo=True).path == machine


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="needs root on POSIX")
def test_root_hands_the_machine_folder_to_the_counterpos_group(places):
    import grp

    try:
        gid = grp.getgrnam(home.GROUP).gr_gid
    except KeyError:
        pytest.skip("no counterpos group on this machine (the Linux package makes it)")
    _, machine = places
    home.prepare(machine)
    assert machine.stat().st_gid == gid and machine.stat().st_mode & 0o2775 == 0o2775


def test_a_folder_this_user_may_not_write_is_a_plain_message():
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("needs root on POSIX to become an ordinary user")
    # The real machine folder, as an ordinary login (nobody) meets it on a PC set up by no one:
    # /var/lib is root's. The child process sends back what it was told.
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            try:
                Station(home.machine_home())
            except StateError as exc:
                os.write(write_end, str(exc).encode())
                code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    message = b""
    while chunk := os.read(read_end, 4096):
        message += chunk
    os.close(read_end)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    text = message.decode()
    assert text.startswith(f"CounterPOS may not write to {home.machine_home()}.")
    assert "sudo counterpos init --machine" in text
    assert "usermod -aG counterpos" in text
    assert "counterpos init --user-only" in text
