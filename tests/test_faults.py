"""Every unhandled error of a real process is logged (counterpos.faults), the newest one kept
for the centre, and a hard crash leaves its traceback in logs/faults.log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from counterpos import faults

ROOT = Path(__file__).resolve().parents[1]


def run_python(code: str, home: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, str(home)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), **env},
    )


SETUP = (
    "import sys, threading, logging\n"
    "from pathlib import Path\n"
    "from counterpos.logging_setup import configure\n"
    "from counterpos import faults\n"
    "home = Path(sys.argv[1])\n"
    "configure(home)\n"
    "faults.install(home / 'logs')\n"
)


def test_errors_in_threads_and_the_main_thread_are_logged_with_their_traceback(tmp_path):
    code = SETUP + (
        "def worker():\n"
        "    raise KeyError('a worker lost its key')\n"
        "t = threading.Thread(target=worker, name='printer-worker'); t.start(); t.join()\n"
        "raise ValueError('the main thread gave up: 4111 1111 1111 1111')\n"
    )
    done = run_python(code, tmp_path)
    assert done.returncode == 1
    log = (tmp_path / "logs" / "counterpos.log").read_text()
    assert "ERROR counterpos.fault: Unhandled error in thread printer-worker" in log
    assert "KeyError: 'a worker lost its key'" in log
    assert "CRITICAL counterpos.fault: Unhandled error" in log
    assert "in <module>" in log  # the traceback is there
    assert "4111 1111 1111 1111" not in log  # and card numbers are not
    when, what = faults.last_error(tmp_path / "logs")
    assert when is not None
    assert what.startswith("counterpos.fault: Unhandled error: ValueError: the main thread gave up")
    assert "4111" not in what
    assert "ValueError" in done.stderr  # a console program still shows it


def test_a_hard_crash_leaves_its_traceback_in_faults_log(tmp_path):
    code = SETUP + "import faulthandler\nfaulthandler._sigsegv()\n"
    done = run_python(code, tmp_path)
    assert done.returncode != 0
    crash = (tmp_path / "logs" / faults.FAULT_FILE).read_text()
    assert "Fatal Python error: Segmentation fault" in crash


def test_the_log_level_setting_and_alembic_kept_to_warnings(tmp_path):
    code = SETUP + (
        "from counterpos.services.station import Station\n"
        "Station.open(home).close()\n"
        "logging.getLogger('counterpos.test').debug('a debug line')\n"
    )
    quiet = run_python(code, tmp_path / "info")
    assert quiet.returncode == 0, quiet.stderr
    log = (tmp_path / "info" / "logs" / "counterpos.log").read_text()
    assert "alembic" not in log  # 37 of the demo's 38 lines were Alembic's INFO
    assert "a debug line" not in log
    verbose = run_python(code, tmp_path / "debug", COUNTERPOS_LOG_LEVEL="debug")
    assert verbose.returncode == 0, verbose.stderr
    assert (
        "DEBUG counterpos.test: a debug line"
        in (tmp_path / "debug" / "logs" / "counterpos.log").read_text()
    )


def test_no_error_yet_is_no_last_error(tmp_path):
    assert faults.last_error(tmp_path) == (None, "")
