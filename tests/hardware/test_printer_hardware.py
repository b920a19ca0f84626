"""Profiles, the ESC/POS rendering per code page, printer URLs and the per-device worker."""

from __future__ import annotations

import threading
import time

import pytest

from counterpos.hardware.device_worker import DeviceBusy, DeviceWorker
from counterpos.hardware.escpos_decode import decode
from counterpos.hardware.escpos_render import printer_test_page
from counterpos.hardware.printer_backends import (
    BadPrinterUrl,
    CupsBackend,
    FileBackend,
    PreviewBackend,
    SerialBackend,
    TcpBackend,
    UsbBackend,
    open_backend,
    status_allowed,
)
from counterpos.hardware.printer_profile import (
    SPANISH,
    ProfileError,
    load_profile,
    printable,
    profile_names,
)

PROFILES = ["generic-58mm", "generic-80mm", "epson-tm-t88", "epson-tm-t20", "star-tsp100-escpos"]


def test_every_required_profile_ships():
    assert set(PROFILES) <= set(profile_names())


@pytest.mark.parametrize("name", PROFILES)
def test_test_page_spanish_under_the_selected_code_page(name):
    profile = load_profile(name)
    data = printer_test_page(profile, "tcp://printer:9100")
    d = decode(data)
    assert d.codepages == [profile.codepage_n]
    assert data.index(b"\x1bt") < data.index(b"CounterPOS")  # ESC t n before any text
    assert SPANISH.encode(profile.codepage) in data
    assert f"Español: {SPANISH}" in d.text_lines()
    for ch in SPANISH:
        assert ch.encode("utf-8") not in data
    assert all(len(line.text) <= profile.chars for line in d.lines if not line.big)
    assert d.cuts == (0 if profile.cut == "none" else 1)
    assert d.barcodes == ["TEST-0001"]


def test_unknown_profile_names_the_choices():
    with pytest.raises(ProfileError, match="generic-80mm"):
        load_profile("tm-x999")
    with pytest.raises(ProfileError):
        load_profile("../db/seed/catalog")


def test_printable_keeps_spanish_and_replaces_what_the_page_lacks():
    assert printable(SPANISH, "cp850") == SPANISH
    assert printable("Pe\u0301rez 1–2 “ok” Łódź", "cp858") == 'Pérez 1-2 "ok" Lódz'
    assert printable("5 €", "cp858") == "5 €" and printable("5 €", "cp850") == "5 EUR"


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


@pytest.mark.parametrize("url", ["lpt1", "tcp://", "usb://epson", "serial://?baud=x", "http://p"])
def test_bad_urls_say_what_is_accepted(url, tmp_path):
    with pytest.raises(BadPrinterUrl, match="tcp://HOST:9100"):
        open_backend(url, tmp_path)


def test_status_switch_on_the_url():
    assert status_allowed("tcp://p:9100", True)
    assert not status_allowed("tcp://p:9100?status=off", True)
    assert status_allowed("serial:///dev/ttyS0?status=on", False)


def test_worker_runs_calls_in_order_on_one_thread():
    w = DeviceWorker("t")
    names = [w.call(lambda: threading.current_thread().name, timeout=2) for _ in range(3)]
    assert names == ["device:t"] * 3
    with pytest.raises(ZeroDivisionError):
        w.call(lambda: 1 / 0, timeout=2)
    w.stop()


def test_worker_drops_a_job_that_could_not_start_in_time():
    w = DeviceWorker("slow")
    fired: list[float] = []
    busy = threading.Event()

    def hold() -> None:
        busy.set()
        time.sleep(1.0)

    blocker = threading.Thread(target=lambda: w.call(hold, timeout=5))
    blocker.start()
    assert busy.wait(5)  # the device is now busy
    with pytest.raises(DeviceBusy):
        w.call(lambda: fired.append(time.monotonic()), timeout=0.3, start_within=0.3)
    blocker.join()
    time.sleep(0.2)
    assert fired == []  # never fired late
    w.stop()
