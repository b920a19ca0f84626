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


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("cli") / "home"
    done = counterpos(
        home, "init", "--station", "EC1", "--admin", "boss", stdin="Bea Boss\n654321\n"
    )
    assert done.returncode == 0, done.stderr
    assert "Created supervisor boss." in done.stdout
    assert f"Station EC1 is ready in {home}" in done.stdout
    assert (home / "counterpos.sqlite").is_file()
    return home


def test_users_are_added_listed_and_disabled(store):
    added = counterpos(
        store,
        "user",
        "add",
        "lee",
        "--name",
        "Lee Park",
        "--role",
        "cashier",
        env={"COUNTERPOS_PIN": "5678"},
    )
    assert added.returncode == 0, added.stderr
    assert "Added lee (Lee Park) as cashier." in added.stdout
    listed = counterpos(store, "user", "list")
    assert listed.returncode == 0, listed.stderr
    rows = {line.split()[0]: line for line in listed.stdout.splitlines()[1:]}
    assert rows["boss"].split()[-2:] == ["supervisor", "active"] and "Bea Boss" in rows["boss"]
    assert rows["lee"].split()[-2:] == ["cashier", "active"] and "Lee Park" in rows["lee"]
    assert counterpos(store, "user", "disable", "lee").returncode == 0
    listed = counterpos(store, "user", "list")
    lee = next(line for line in listed.stdout.splitlines() if line.startswith("lee"))
    assert lee.split()[-1] == "disabled"


def test_settings_are_read_and_changed(store):
    one = counterpos(store, "config", "get", "station.code")
    assert one.returncode == 0 and one.stdout.strip() == "EC1"
    every = counterpos(store, "config", "get")
    assert "auth.max_failures = 5" in every.stdout and "printer.url" in every.stdout
    changed = counterpos(store, "config", "set", "city.phone", "(555) 010-9999")
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
