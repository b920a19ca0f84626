"""Device tests run against real parts: a preview printer, a CUPS of their own."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import free_port
from tests.printing_support import lpstat, set_setting

CUPSD = "/usr/sbin/cupsd"
CUPS_LIB = Path("/usr/lib/cups")
HAS_CUPS = (
    Path(CUPSD).exists() and shutil.which("lp") and shutil.which("lpadmin") and os.geteuid() == 0
)


@pytest.fixture
def preview_printer(station):
    """The station prints to its preview folder (text, PNG and PDF), which this gives."""
    set_setting(station, "printer.url", "preview:")
    return station.home / "preview"


@pytest.fixture
def unconfirmed_printer(station):
    """A network printer that reports no status (`?status=off`): it takes each job into its
    connection and never answers nor reads, so nothing says the job printed. Gives the words
    a sent, unconfirmed job ends with (printing.done_words)."""
    from tests.printing_support import LoopbackPrinter

    deaf = LoopbackPrinter(answer=False)
    set_setting(station, "printer.url", f"{deaf.url}?status=off")
    yield f"was sent to the printer at 127.0.0.1:{deaf.port}, not confirmed"
    deaf.close()


# The printer's end of the queue: writes the job to the path in the device URI.
CAPTURE = """#!/bin/sh
[ $# -eq 0 ] && { echo 'direct capture "Unknown" "Capture"'; exit 0; }
out="${DEVICE_URI#capture:}"
if [ -n "$6" ]; then cat "$6" > "$out"; else cat > "$out"; fi
"""


@pytest.fixture
def cups(monkeypatch):
    """A cupsd of our own (config, spool, logs, port), with the capture backend. Its folder is
    outside pytest's private temp folders: cupsd's helpers run as the unprivileged lp user."""
    if not HAS_CUPS:
        pytest.skip(
            "needs CUPS (cups-daemon, cups-client; .ci/run installs them) and root to run cupsd"
        )
    base = Path(tempfile.mkdtemp(prefix="counterpos-cups-"))
    base.chmod(0o755)
    root, serverbin, out = base / "cups", base / "bin", base / "out"
    for sub in ("spool", "cache", "logs", "state", "ppd"):
        (root / sub).mkdir(parents=True)
    (serverbin / "backend").mkdir(parents=True)
    for part in ("daemon", "filter"):  # cupsd's own helpers (cups-exec, ...)
        (serverbin / part).symlink_to(CUPS_LIB / part)
    backend = serverbin / "backend" / "capture"
    backend.write_text(CAPTURE)
    backend.chmod(0o755)
    out.mkdir()
    out.chmod(0o777)
    port = free_port()
    (root / "cupsd.conf").write_text(
        f"Listen 127.0.0.1:{port}\n"
        "LogLevel warn\n"
        "WebInterface No\n"
        "DefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order allow,deny\n    Allow all\n  </Limit>\n"
        "</Policy>\n"
    )
    (root / "cups-files.conf").write_text(
        f"ServerRoot {root}\n"
        f"ServerBin {serverbin}\n"
        f"RequestRoot {root / 'spool'}\n"
        f"CacheDir {root / 'cache'}\n"
        f"StateDir {root / 'state'}\n"
        f"ErrorLog {root / 'logs' / 'error_log'}\n"
        f"AccessLog {root / 'logs' / 'access_log'}\n"
        f"PageLog {root / 'logs' / 'page_log'}\n"
        "Sandboxing Relaxed\n"
    )
    proc = subprocess.Popen(
        [CUPSD, "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{port}")
    deadline = time.monotonic() + 15
    while "scheduler is running" not in lpstat("-r"):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            log = root / "logs" / "error_log"
            raise AssertionError(
                "cupsd did not start: " + (log.read_text() if log.exists() else "no log")
            )
        time.sleep(0.1)
    yield out
    proc.terminate()
    proc.wait(10)
    shutil.rmtree(base, ignore_errors=True)
