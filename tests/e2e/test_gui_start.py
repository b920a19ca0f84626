"""`counterpos --demo` as a real process: the till starts, builds the demo city, reaches sign-in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]


def start(home: Path, *flags: str, until: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTERPOS_BENCH_EXIT_ON_SHOWN=until)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", str(home), *flags],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


@pytest.mark.demo_city
def test_first_start_with_demo_reaches_sign_in_on_the_demo_city(tmp_path):
    home = tmp_path / "fresh"
    done = start(home, "--demo", until="ready")
    assert done.returncode == 0, done.stderr
    assert "COUNTERPOS_READY" in done.stdout
    # The demo city really is in the store the till opened.
    listed = subprocess.run(
        [sys.executable, "-m", "counterpos", "--home", str(home), "user", "list"],
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        timeout=120,
    )
    names = {line.split()[0] for line in listed.stdout.splitlines()[1:]}
    assert {"maria", "james", "sofia", "admin"} <= names


def test_the_login_window_paints_on_a_fresh_home(tmp_path):
    done = start(tmp_path / "later", until="shown")
    assert done.returncode == 0, done.stderr
    assert "COUNTERPOS_SHOWN" in done.stdout
