"""The real `python -m counterpos` process: init, users, settings, receipts and every --help."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def counterpos(home: Path | None, *args: str, stdin: str = "", env: dict | None = None):
    e = dict(os.environ)
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), e.get("PYTHONPATH")]))
    e.pop("COUNTERPOS_HOME", None)
    e.update(env or {})
    cmd = [sys.executable, "-m", "counterpos"]
    if home is not None:
        cmd += ["--home", str(home)]
    return subprocess.run(
        cmd + list(args),
        input=stdin,
        capture_output=True,
        text=True,
        env=e,
        timeout=120,
        # No controlling terminal: getpass falls back to reading the PIN from stdin.
        start_new_session=True,
    )


BOSS = {"COUNTERPOS_PIN": "864213"}  # the administrator's PIN, as a script would give it


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli") / "home"
    done = counterpos(
        home,
        *("init", "--station", "EC1", "--admin-name", "boss", "--full-name", "Bea Boss"),
        stdin="864213\n",  # no terminal: the PIN is the first line of standard input
    )
    assert done.returncode == 0, done.stderr
    assert "Created administrator boss." in done.stdout
    assert f"Station EC1 is ready in {home}" in done.stdout
    assert (home / "counterpos.sqlite").is_file()
    return home


def test_users_are_added_listed_and_disabled(store):
    added = counterpos(
        store,
        *("user", "add", "lee", "--name", "Lee Park", "--role", "cashier", "--user", "boss"),
        stdin="864213\n5678\n",  # the administrator's PIN, then the new user's
    )
    assert added.returncode == 0, added.stderr
    assert "Added lee (Lee Park) as cashier." in added.stdout
    listed = counterpos(store, "user", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert rows["boss"].split()[-2:] == ["admin", "active"] and "Bea Boss" in rows["boss"]
    assert rows["lee"].split()[-2:] == ["cashier", "active"] and "Lee Park" in rows["lee"]
    assert counterpos(store, "user", "disable", "lee").returncode == 2  # nobody signed in
    assert counterpos(store, "user", "disable", "lee", "--user", "boss", env=BOSS).returncode == 0
    listed = counterpos(store, "user", "list")
    lee = next(line for line in listed.stdout.splitlines() if line.startswith("lee"))
    assert lee.split()[-1] == "disabled"


def test_settings_are_read_and_changed(store):
    one = counterpos(store, "config", "get", "station.code")
    assert one.returncode == 0 and one.stdout.strip() == "EC1"
    every = counterpos(store, "config", "get")
    assert "auth.max_failures = 5" in every.stdout and "printer.url" in every.stdout
    changed = counterpos(
        store, "config", "set", "city.phone", "(555) 010-9999", "--user", "boss", env=BOSS
    )
    assert changed.returncode == 0, changed.stderr
    assert counterpos(store, "config", "get", "city.phone").stdout.strip() == "(555) 010-9999"


def test_an_unknown_receipt_is_a_plain_message_not_a_traceback(store):
    shown = counterpos(store, "receipt", "show", "EC1-000999")
    assert shown.returncode == 2
    assert "There is no receipt EC1-000999" in shown.stderr and "Traceback" not in shown.stderr


def test_commands_need_an_initialised_store(tmp_path):
    listed = counterpos(tmp_path / "nothing-here", "user", "list")
    assert listed.returncode == 2 and "counterpos init" in listed.stderr


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["init"],
        ["user"],
        ["user", "add"],
        ["user", "list"],
        ["user", "disable"],
        ["config"],
        ["config", "get"],
        ["config", "set"],
        ["receipt"],
        ["receipt", "show"],
    ],
)
def test_every_command_has_help(args):
    shown = counterpos(None, *args, "--help")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage: counterpos")
    if args:
        assert " ".join(args) in shown.stdout.splitlines()[0]


def test_no_terminal_and_no_pin_is_a_plain_message_not_a_traceback(store, tmp_path):
    """Once `init --admin` and `receipt reprint --user` ended in an EOFError traceback."""
    for home, args in (
        (tmp_path / "fresh", ("init", "--admin-name", "it")),
        (store, ("receipt", "reprint", "EC1-000001", "--user", "boss")),
        (store, ("config", "set", "city.phone", "1", "--user", "boss")),
    ):
        done = counterpos(home, *args, stdin="")
        assert done.returncode == 2, done.stderr
        assert "No PIN was given" in done.stderr and "Traceback" not in done.stderr


def test_a_reader_that_goes_away_stops_the_output_quietly(store):
    """`counterpos report eod | head`: once a BrokenPipeError traceback."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "counterpos", "--home", str(store), "config", "get"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # the reader is gone before the first line is written
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == "", err
