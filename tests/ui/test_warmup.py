"""The warm-up after the store opens (ui/warmup.py): the screens after sign-in are loaded in a
background thread, so the first of them is not slower for the lighter start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from counterpos.ui import warmup
before = [m for m in warmup.MODULES if m in sys.modules]
warm = warmup.start()
warm.thread.join(120)
thread = warm.thread
from counterpos.services.access import auth
print(json.dumps({
    "before": before,
    "after": [m for m in warmup.MODULES if m in sys.modules],
    "alive": thread.is_alive(),
    "nobody": auth.nobody_hash.cache_info().currsize,
}))
"""


def test_the_screens_after_sign_in_load_in_the_background():
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen"},
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["before"] == [] and not got["alive"]
    assert got["after"] == [
        "counterpos.services.access.auth",
        "counterpos.services.access.users",
        "counterpos.services.sessions",
        "counterpos.ui.controls.drawer_open_dialog",
        "counterpos.ui.till.window",
        "counterpos.ui.tender.dialog",
    ]
    assert got["nobody"] == 1  # an unknown username's hash is made once, before anyone asks
    assert "QObject" not in done.stderr and "thread" not in done.stderr.lower()  # no Qt warning


STOP_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from counterpos.ui import warmup
warm = warmup.start()
warm.stop()  # as a sign-in does at once
loading = [m for m in warmup.MODULES if m in sys.modules]
warm.thread.join(120)
print(json.dumps({"at_stop": loading, "later": [m for m in warmup.MODULES if m in sys.modules]}))
"""


def test_a_sign_in_stops_it_so_only_one_thread_imports():
    """Stopped, it finishes the module it is loading and starts no other: what is loaded when
    `stop` returns is all it ever loads."""
    src = Path(__file__).resolve().parents[2] / "src"
    done = subprocess.run(
        [sys.executable, "-c", STOP_PROBE],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(src), "QT_QPA_PLATFORM": "offscreen"},
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["later"] == got["at_stop"]
    assert "counterpos.ui.till.window" not in got["later"]
