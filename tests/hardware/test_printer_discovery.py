"""What printers and ports this computer has (hardware/printer_discovery.py): CUPS's answers
read, a serial port found where pyserial finds a USB adapter, the plain notes."""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path

import pytest

from counterpos.hardware.printer_discovery import discover, parse_lpstat_devices
from tests.conftest import free_port
from tests.printing_support import PtyPort


def test_lpstat_device_lines_become_queues_and_their_devices():
    text = (
        "device for Receipt: socket://10.1.2.3:9100\n"
        "device for Front_Desk: usb://EPSON/TM-T20II?serial=123\n"
        "some other line\n"
    )
    assert parse_lpstat_devices(text) == [
        ("Receipt", "socket://10.1.2.3:9100"),
        ("Front_Desk", "usb://EPSON/TM-T20II?serial=123"),
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS is asked on Linux and macOS")
def test_a_cups_that_is_not_running_is_a_note_not_a_failure(monkeypatch):
    if not Path("/usr/bin/lpstat").exists():
        pytest.skip("needs CUPS's lpstat (cups-client; .ci/run installs it)")
    monkeypatch.setenv("CUPS_SERVER", f"127.0.0.1:{free_port()}")  # nothing listens there
    found = discover()
    assert not [p for p in found.found if p.kind == "CUPS queue"]
    assert "CUPS is installed but not running (its scheduler, cupsd)." in found.notes


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS is asked on Linux and macOS")
def test_without_cups_installed_the_note_says_so(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no lpstat anywhere on it
    found = discover()
    assert "CUPS is not installed on this computer (no `lpstat` command)." in found.notes


@pytest.fixture
def usb_serial_adapter():
    """A pty where the kernel puts a USB serial adapter: /dev/ttyUSB<something>, which is
    where pyserial's own listing looks. Needs root and a writable /dev (the test machine)."""
    if sys.platform != "linux":
        pytest.skip("the /dev/ttyUSB* naming is Linux's")
    port = PtyPort()
    link = Path(f"/dev/ttyUSBcounterpos{uuid.uuid4().hex[:8]}")
    try:
        link.symlink_to(port.path)
    except OSError as exc:
        port.close()
        pytest.skip(f"cannot add a device name in /dev here ({exc.strerror})")
    yield link
    with contextlib.suppress(OSError):
        link.unlink()
    port.close()


def test_a_usb_serial_adapter_is_listed_as_a_serial_printer_url(usb_serial_adapter):
    found = discover()
    listed = {p.url: p for p in found.found}
    url = f"serial://{usb_serial_adapter}?baud=9600"
    assert url in listed
    assert listed[url].kind == "serial port"
    assert listed[url].note == ""  # root may open it
    # the URL it gives is one printer.url takes, naming the same port
    from counterpos.hardware.printer_backends import SerialBackend, open_backend

    backend = open_backend(url, Path("."))
    assert isinstance(backend, SerialBackend)
    assert backend.port == str(usb_serial_adapter) and backend.baud == 9600


def test_a_port_this_user_may_not_open_carries_what_it_takes(usb_serial_adapter):
    if os.geteuid() != 0:
        pytest.skip("needs root to become another user")
    url = f"serial://{usb_serial_adapter}?baud=9600"
    pid = os.fork()  # the child lists as an ordinary user (nobody), as a cashier's login would
    if pid == 0:
        code = 1
        try:
            os.setgid(65534)
            os.setuid(65534)
            note = {p.url: p.note for p in discover().found}.get(url, "missing")
            code = 0 if "add the user to the dialout group" in note else 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
