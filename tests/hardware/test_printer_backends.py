"""Printer URLs (hardware/printer_backends.py): each kind of backend, the bad ones, the status switch."""

from __future__ import annotations

import sys

import pytest

from counterpos.hardware.printer_backends import (
    BadPrinterUrl,
    CupsBackend,
    FileBackend,
    PreviewBackend,
    PrinterFault,
    PrintJob,
    SerialBackend,
    TcpBackend,
    UsbBackend,
    Win32Backend,
    open_backend,
    status_allowed,
)


@pytest.mark.parametrize(
    ("url", "kind", "where"),
    [
        ("tcp://10.0.0.5:9100", TcpBackend, "10.0.0.5:9100"),
        ("tcp://printer.local", TcpBackend, "printer.local:9100"),
        ("serial:///dev/ttyS0?baud=38400", SerialBackend, "/dev/ttyS0"),
        ("serial://COM3?baud=9600", SerialBackend, "COM3"),
        ("usb://04b8:0202", UsbBackend, "USB 04b8:0202"),
        ("file:///dev/usb/lp0", FileBackend, "/dev/usb/lp0"),
        ("cups://Receipts", CupsBackend, "CUPS queue Receipts"),
        ("win32://EPSON TM-T88V Receipt", Win32Backend, "Windows printer EPSON TM-T88V Receipt"),
        ("win32://Star%20TSP100", Win32Backend, "Windows printer Star TSP100"),
        ("WIN32://\\\\frontdesk\\Receipt", Win32Backend, "Windows printer \\\\frontdesk\\Receipt"),
    ],
)
def test_printer_urls(url, kind, where, tmp_path):
    backend = open_backend(url, tmp_path)
    assert isinstance(backend, kind) and backend.describe() == where


def test_serial_baud_and_preview_folder(tmp_path):
    assert open_backend("serial:///dev/ttyS0?baud=38400", tmp_path).baud == 38400
    preview = open_backend("", tmp_path)
    assert isinstance(preview, PreviewBackend) and preview.folder == tmp_path / "preview"
    assert open_backend(f"preview:{tmp_path}/x", tmp_path).folder == tmp_path / "x"


@pytest.mark.parametrize(
    "url",
    ["lpt1", "tcp://", "usb://epson", "serial://?baud=x", "http://p", "win32://", "win32:// "],
)
def test_bad_urls_say_what_is_accepted(url, tmp_path):
    with pytest.raises(BadPrinterUrl, match="tcp://HOST:9100"):
        open_backend(url, tmp_path)


def test_status_switch_on_the_url():
    assert status_allowed("tcp://p:9100", True)
    assert not status_allowed("tcp://p:9100?status=off", True)
    assert status_allowed("serial:///dev/ttyS0?status=on", False)


@pytest.mark.parametrize("url", ["tcp://[::1", "tcp://[nope]:9100", "serial://[x"])
def test_an_address_that_does_not_parse_is_a_plain_refusal(url, tmp_path):
    with pytest.raises(BadPrinterUrl, match="not one CounterPOS knows"):
        open_backend(url, tmp_path)
    assert status_allowed(url, True) is True  # the switch reads no further


def test_a_bracketed_ipv6_host_is_a_printer_address(tmp_path):
    assert open_backend("tcp://[::1]:9100", tmp_path).describe() == "::1:9100"


@pytest.mark.skipif(sys.platform == "win32", reason="the message for systems other than Windows")
def test_a_windows_printer_elsewhere_is_a_plain_fault_naming_what_works_here(tmp_path):
    backend = open_backend("win32://EPSON TM-T88V Receipt", tmp_path)
    with pytest.raises(PrinterFault) as caught:
        backend.send(PrintJob(b"\x1b@hello"), timeout=1.0, check_status=False)
    message = str(caught.value)
    assert "not running Windows" in message
    assert "counterpos printer list" in message
    assert "cups://" in message


def test_the_windows_printer_library_is_imported_only_when_printing_to_one():
    import subprocess

    code = (
        "import sys; from pathlib import Path\n"
        "from counterpos.hardware.printer_backends import open_backend\n"
        "open_backend('win32://Receipt', Path('.'))\n"
        "print(sorted(m for m in ('win32print', 'pywintypes', 'escpos.printer.win32raw') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
