"""Spans the CLI and sync: the real process sets up the centre, connects a station, syncs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sync.helpers import admin_query

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.e2e, pytest.mark.pg]


def _run(*args: str, stdin: str = "", home: Path | None = None) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "counterpos"]
    if home is not None:
        cmd += ["--home", str(home)]
    done = subprocess.run(
        [*cmd, *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_central_setup_and_sync_through_the_cli(central_url, tmp_path):
    home = tmp_path / "station"
    _run("init", "--station", "E1", "--admin-name", "it", stdin="864213\n", home=home)
    assert "up to date" in _run("central", "init", central_url)
    out = _run("central", "add-station", "E1", "--url", central_url)
    url = re.search(r"central.url = (\S+)", out).group(1)
    password = re.search(r"password\s+= (\S+)", out).group(1)
    # No terminal: the administrator's PIN is the first line, the password the next.
    connect = ("sync", "connect", url, "--password-stdin", "--user", "it")
    _run(*connect, stdin="864213\n" + password + "\n", home=home)
    assert password not in (home / "counterpos.sqlite").read_bytes().decode("latin-1")
    out = _run("sync", "--once", home=home)
    assert re.search(r"up\s+service: \d+", out)
    # The station's catalog waits for the administrator, who applies it.
    assert admin_query(central_url, "SELECT count(*) FROM service")[0][0] == 0
    held = _run("central", "changes", "--url", central_url)
    assert "stations may not change service" in held
    assert re.search(r"Applied \d+ change", _run("central", "apply", "--all", "--url", central_url))
    assert admin_query(central_url, "SELECT count(*) FROM service")[0][0] > 0
    assert "No change waits" in _run("central", "changes", "--url", central_url)
    assert _run("sync", "status", home=home).startswith("Up to date")
