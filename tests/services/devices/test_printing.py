"""Printing a saved sale's receipt (services/devices/printing.py): each printer, each fault."""

from __future__ import annotations

import contextlib
import fcntl
import importlib.util
import os
import threading
import time

import pytest
from sqlalchemy import select

from counterpos.hardware.escpos_decode import decode
from counterpos.services import audit
from counterpos.services.devices import printing
from counterpos.services.errors import DeviceError
from counterpos.services.sale import receipts
from counterpos.store.models import PrintJob, Sale
from tests.printing_support import (
    LONG_NAME_LAST,
    LoopbackPrinter,
    PtyPort,
    add_queue,
    closed_port,
    five_line_sale,
    lpstat,
    set_setting,
)
from tests.sale_helpers import cash, ring


def test_printer_profiles_lists_every_profile_sorted_by_name():
    profiles = printing.printer_profiles()
    names = [p.name for p in profiles]
    assert names == sorted(names)
    assert {"generic-58mm", "generic-80mm", "epson-tm-t88", "star-tsp100-escpos"} <= set(names)
    by_name = {p.name: p for p in profiles}
    assert by_name["generic-80mm"].chars == 48 and by_name["generic-58mm"].chars < 48


def jobs(station, receipt_no):
    with station.store.read() as s:
        return list(s.scalars(select(PrintJob).where(PrintJob.receipt_no == receipt_no)))


def test_receipt_reaches_the_network_printer_in_its_code_page(
    station, cashier, drawer, loopback_printer
):
    set_setting(station, "printer.profile", "generic-80mm")
    set_setting(station, "printer.timeout", "2")
    sale = five_line_sale(station, cashier, drawer)
    outcome = printing.print_receipt(station, cashier, sale.receipt_no)
    data = loopback_printer.wait_job()
    assert outcome.receipt_no == sale.receipt_no
    # Status queries (DLE EOT 1, 4), then ESC @ and ESC t 19 (CP858) before any text.
    assert data.startswith(b"\x10\x04\x01\x10\x04\x04\x1b@\x1bt\x13")
    assert "ñ".encode() not in data and "á".encode() not in data
    assert "Peñita".encode("cp858") in data
    decoded = decode(data)
    assert decoded.codepages == [19]
    lines = decoded.text_lines()
    expected = receipts.receipt_document(station, sale.receipt_no)
    assert any(expected.city_name in line for line in lines)
    assert f"Receipt{' ' * (48 - 7 - len(sale.receipt_no))}{sale.receipt_no}" in lines
    # The long customer name wraps onto its own lines below the label, whole.
    i = lines.index("Customer")
    assert LONG_NAME_LAST.split()[-1] in " ".join(lines[i + 1 : i + 4])
    assert all(len(d.text) <= (24 if d.big else 48) for d in decoded.lines)
    for line in expected.lines:
        assert any(line.amount.format() in t for t in lines)
    assert any("José Núñez" in t for t in lines)
    assert any("Gracias. Guarde este recibo" in t for t in lines)
    assert decoded.barcodes == [sale.receipt_no]
    assert decoded.cuts == 1
    assert data.endswith(b"\x1dV\x01")  # the profile's partial cut, last
    [job] = jobs(station, sale.receipt_no)
    assert (job.kind, job.status, job.printer_url, job.actor) == (
        "print",
        "ok",
        loopback_printer.url,
        "maria",
    )


def fault_case(station, cashier, drawer, url):
    set_setting(station, "printer.url", url)
    set_setting(station, "printer.timeout", "1")
    sale = five_line_sale(station, cashier, drawer)
    with pytest.raises(DeviceError) as err:
        printing.print_receipt(station, cashier, sale.receipt_no)
    with station.store.read() as s:
        assert s.scalar(select(Sale).where(Sale.receipt_no == sale.receipt_no)) is not None
    [job] = jobs(station, sale.receipt_no)
    assert job.status == "failed" and job.kind == "print"
    message = str(err.value)
    assert message.startswith(f"Sale {sale.receipt_no} is saved. ")
    assert message.endswith("Fix it, then use Reprint.")
    assert job.error and job.error in message
    with station.store.read() as s:
        assert audit.verify(s).ok
    return message


def test_closed_port_is_refused(station, cashier, drawer):
    port = closed_port()
    msg = fault_case(station, cashier, drawer, f"tcp://127.0.0.1:{port}")
    assert f"The printer at 127.0.0.1:{port} refused the connection." in msg


def test_server_that_never_answers_times_out(station, cashier, drawer):
    silent = LoopbackPrinter(answer=False)
    try:
        msg = fault_case(station, cashier, drawer, silent.url)
    finally:
        silent.close()
    assert f"The printer at 127.0.0.1:{silent.port} did not answer within 1 second." in msg


def test_paper_out_is_reported(station, cashier, drawer):
    empty = LoopbackPrinter(status=0x72)  # DLE EOT: paper end sensor bits set
    try:
        msg = fault_case(station, cashier, drawer, empty.url)
    finally:
        empty.close()
    assert f"The printer at 127.0.0.1:{empty.port} is out of paper." in msg


def test_missing_device_path(station, cashier, drawer, tmp_path):
    missing = tmp_path / "dev" / "lp9"
    msg = fault_case(station, cashier, drawer, f"file://{missing}")
    assert f"The printer device {missing} does not exist." in msg


def test_bad_printer_url_is_a_plain_message(station, cashier, drawer):
    msg = fault_case(station, cashier, drawer, "lpt1")
    assert "is not one CounterPOS knows" in msg


def test_printer_settings_are_checked_when_set(station):
    from counterpos.services import config
    from counterpos.services.errors import InputError

    with pytest.raises(InputError, match="is not one CounterPOS knows"):
        config.set_value(station, "printer.url", "lpt1", None)
    with pytest.raises(InputError, match="no printer profile"):
        config.set_value(station, "printer.profile", "tm-x999", None)
    config.set_value(station, "printer.url", "tcp://10.1.2.3:9100", None)
    config.set_value(station, "printer.profile", "epson-tm-t20", None)
    assert station.setting("printer.url") == "tcp://10.1.2.3:9100"


def test_device_file_that_exists_receives_the_job(station, cashier, drawer, tmp_path):
    device = tmp_path / "lp0"
    device.write_bytes(b"")  # stands in for /dev/usb/lp0
    set_setting(station, "printer.url", f"file://{device}")
    sale = five_line_sale(station, cashier, drawer)
    printing.print_receipt(station, cashier, sale.receipt_no)
    d = decode(device.read_bytes())
    assert d.status_queries == 0  # a device file cannot answer DLE EOT
    assert d.barcodes == [sale.receipt_no] and d.cuts == 1


def test_logo_prints_where_the_profile_can(station, cashier, drawer, tmp_path):
    from PIL import Image

    logo = tmp_path / "seal.png"
    Image.new("1", (200, 80), 0).save(logo)
    set_setting(station, "receipt.logo", str(logo))
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    set_setting(station, "printer.url", f"file://{device}")
    sale = five_line_sale(station, cashier, drawer)
    printing.print_receipt(station, cashier, sale.receipt_no)
    with_logo = decode(device.read_bytes())
    assert with_logo.images == 1 and with_logo.cuts == 1
    set_setting(station, "printer.profile", "generic-58mm")  # no image support
    device.write_bytes(b"")
    printing.print_receipt(station, cashier, sale.receipt_no)
    assert decode(device.read_bytes()).images == 0


def test_cups_without_cups_is_a_plain_message(station, cashier, drawer, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # a computer with no `lp` command
    msg = fault_case(station, cashier, drawer, "cups://Receipts")
    assert "CUPS is not installed on this computer (no `lp` command)." in msg


def test_usb_without_pyusb_is_a_plain_message(station, cashier, drawer):
    pytest.importorskip("escpos")
    if importlib.util.find_spec("usb") is not None:
        pytest.skip("pyusb is installed here")
    msg = fault_case(station, cashier, drawer, "usb://04b8:0202")
    assert "USB printing needs the pyusb package and libusb" in msg


def test_preview_printer_writes_text_png_and_pdf(station, cashier, drawer, preview_printer):
    sale = five_line_sale(station, cashier, drawer)
    outcome = printing.print_receipt(station, cashier, sale.receipt_no)
    folder = preview_printer
    text = (folder / f"{sale.receipt_no}.txt").read_text(encoding="utf-8")
    assert outcome.note == str(folder / f"{sale.receipt_no}.txt")
    assert "Peñita" in text and sale.receipt_no in text and "- cut -" in text
    assert (folder / f"{sale.receipt_no}.png").stat().st_size > 1000
    assert (folder / f"{sale.receipt_no}.pdf").read_bytes().startswith(b"%PDF")


def test_printer_over_serial_pty(station, cashier, drawer):
    port = PtyPort()
    try:
        set_setting(station, "printer.url", f"serial://{port.path}?baud=38400")
        sale = five_line_sale(station, cashier, drawer)
        got = bytearray()

        def printer_side():
            # Answer the two DLE EOT status queries like a printer with paper, then capture.
            for _ in range(2):
                got.extend(port.read_available(3))
                os.write(port.master, b"\x12")
            while True:
                chunk = port.read_available(1, timeout=1.0)
                if not chunk:
                    break
                got.extend(chunk)

        t = threading.Thread(target=printer_side)
        t.start()
        printing.print_receipt(station, cashier, sale.receipt_no)
        t.join(10)
    finally:
        port.close()
    decoded = decode(bytes(got))
    assert decoded.status_queries == 2 and decoded.codepages == [19]
    assert any("Peñita" in line for line in decoded.text_lines())


def test_pty_closed_mid_write(station, cashier, drawer, tmp_path):
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("1", (576, 600), 0).save(logo)  # a big raster: the job outgrows the pty buffer
    port = PtyPort()
    set_setting(station, "printer.url", f"serial://{port.path}?baud=38400&status=off")
    set_setting(station, "printer.timeout", "3")
    set_setting(station, "receipt.logo", str(logo))
    sale = five_line_sale(station, cashier, drawer)

    # The printer has stopped taking data: the port's buffer is nearly full, so the job's write
    # blocks part-way; then the adapter is pulled out while the job is being written.
    fcntl.fcntl(port.slave, fcntl.F_SETFL, fcntl.fcntl(port.slave, fcntl.F_GETFL) | os.O_NONBLOCK)
    with contextlib.suppress(BlockingIOError):
        while True:
            os.write(port.slave, b"\0" * 256)
    assert len(port.read_available(1500)) >= 1500  # room for part of the job only

    def unplug():
        time.sleep(0.5)
        os.close(port.master)

    t = threading.Thread(target=unplug)
    t.start()
    try:
        with pytest.raises(DeviceError) as err:
            printing.print_receipt(station, cashier, sale.receipt_no)
    finally:
        t.join(5)
        os.close(port.slave)
    msg = str(err.value)
    assert msg.startswith(
        f"Sale {sale.receipt_no} is saved. The printer on {port.path} was disconnected while printing"
    )
    assert "Fix it, then use Reprint." in msg
    with station.store.read() as s:
        assert s.scalar(select(Sale).where(Sale.receipt_no == sale.receipt_no))
        [job] = s.scalars(select(PrintJob).where(PrintJob.receipt_no == sale.receipt_no))
    assert job.status == "failed"


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


def test_a_printer_that_reports_no_status_is_sent_to_not_confirmed(station, cashier, drawer):
    """With ?status=off a TCP printer that accepts and never reads takes a receipt into its
    connection: the cashier is told it was sent, not that it printed."""
    deaf = LoopbackPrinter(answer=False)
    try:
        set_setting(station, "printer.url", f"{deaf.url}?status=off")
        sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
        outcome = printing.print_receipt(station, cashier, sale.receipt_no)
        test_page = printing.print_test_page(station, "admin")
    finally:
        deaf.close()
    assert not outcome.confirmed and not test_page.confirmed
    assert "printed" not in outcome.message.replace("that it printed", "")
    assert (
        f"Receipt {sale.receipt_no} was sent to the printer at 127.0.0.1:{deaf.port}, not confirmed"
        in outcome.message
    )
    assert "not confirmed" in test_page.message


def test_a_printer_that_answers_its_status_is_confirmed(station, cashier, drawer, loopback_printer):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    outcome = printing.print_receipt(station, cashier, sale.receipt_no)
    assert outcome.confirmed and outcome.message == f"Receipt {sale.receipt_no} printed."


def test_a_failed_print_is_logged_for_it(station, cashier, drawer, caplog):
    port = closed_port()
    with caplog.at_level("ERROR", logger="counterpos.services.devices.printing"):
        fault_case(station, cashier, drawer, f"tcp://127.0.0.1:{port}")
    [record] = [r for r in caplog.records if r.name.endswith("devices.printing")]
    assert record.levelname == "ERROR"
    message = record.getMessage()
    assert message.startswith("print of ") and f"on tcp://127.0.0.1:{port} failed" in message
    assert message.endswith(f"The printer at 127.0.0.1:{port} refused the connection.")
