"""Printing through a real CUPS scheduler: a private cupsd on loopback, a raw queue, and at the
printer's end a capture backend (standing in for the printer, as the loopback TCP server does
for a network printer), so the bytes CounterPOS hands to `lp` are checked as CUPS delivers them."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import printing
from counterpos.services.errors import DeviceError
from tests.printing_support import five_line_sale, set_setting

CUPSD = "/usr/sbin/cupsd"
CUPS_LIB = Path("/usr/lib/cups")
pytestmark = pytest.mark.skipif(
    not (Path(CUPSD).exists() and shutil.which("lp") and shutil.which("lpadmin"))
    or os.geteuid() != 0,
    reason="needs CUPS (cups-daemon, cups-client; .ci/run installs them) and root to run cupsd",
)

# The printer's end of the queue: writes the job to the path in the device URI.
CAPTURE = """#!/bin/sh
[ $# -eq 0 ] && { echo 'direct capture "Unknown" "Capture"'; exit 0; }
out="${DEVICE_URI#capture:}"
if [ -n "$6" ]; then cat "$6" > "$out"; else cat > "$out"; fi
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def cups(monkeypatch):
    """A cupsd of our own (config, spool, logs, port), with the capture backend. Its folder is
    outside pytest's private temp folders: cupsd's helpers run as the unprivileged lp user."""
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


def lpstat(*args: str) -> str:
    return subprocess.run(["lpstat", *args], capture_output=True, text=True).stdout


def add_queue(name: str, device: str) -> None:
    done = subprocess.run(
        ["lpadmin", "-p", name, "-E", "-v", device], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_receipt_through_a_cups_raw_queue_reaches_the_printer_intact(
    cups, station, cashier, drawer
):
    device = cups / "lp0"
    add_queue("Receipts", f"capture:{device}")
    set_setting(station, "printer.url", "cups://Receipts")
    sale = five_line_sale(station, cashier, drawer)
    outcome = printing.print_receipt(station, cashier, sale.receipt_no)
    assert outcome.message == f"Receipt {sale.receipt_no} printed."
    deadline = time.monotonic() + 20
    while lpstat("-o").strip() or not device.exists():
        assert time.monotonic() < deadline, "CUPS did not deliver the job"
        time.sleep(0.1)
    got = decode(device.read_bytes())
    # CUPS passed the job through untouched: the barcode, the cut, the Spanish letters.
    assert got.barcodes == [sale.receipt_no] and got.cuts == 1
    assert "Ibáñez" in "\n".join(got.text_lines())


def test_an_unknown_cups_queue_is_a_plain_message_and_the_sale_stands(
    cups, station, cashier, drawer
):
    set_setting(station, "printer.url", "cups://NoSuchQueue")
    sale = five_line_sale(station, cashier, drawer)
    with pytest.raises(DeviceError) as err:
        printing.print_receipt(station, cashier, sale.receipt_no)
    message = str(err.value)
    assert message.startswith(f"Sale {sale.receipt_no} is saved. CUPS refused the job for ")
    assert "NoSuchQueue" in message and message.endswith("Fix it, then use Reprint.")
