"""The cash drawer on a real pty (serial) or through a loopback printer; no-sale; stale kicks."""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
import time

import pytest
from sqlalchemy import select

from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import after_sale, printing
from counterpos.services.devices import drawer_kick as drawer_service
from counterpos.services.errors import DeviceError, InputError, PermissionDenied
from counterpos.store.models import AuditEvent, PrintJob, Sale
from tests.printing_support import LoopbackPrinter, PtyPort, five_line_sale, set_setting

KICK = bytes.fromhex("1b700019fa")


@pytest.fixture
def pty(station):
    port = PtyPort()
    set_setting(station, "drawer.port", port.path)
    set_setting(station, "drawer.baud", "9600")
    yield port
    port.close()


def events(station, action):
    with station.store.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_sale_kick_arrives_on_the_serial_port(station, cashier, drawer, pty):
    set_setting(station, "printer.url", "preview:")
    sale = five_line_sale(station, cashier, drawer)
    result = after_sale.after_sale(station, cashier, sale)
    assert result.ok and result.drawer_opened and result.printed, result.message
    assert pty.read_available(len(KICK)) == KICK
    [ev] = events(station, "drawer_open")
    assert (ev.actor, ev.target, ev.details["reason"]) == (
        "maria",
        sale.receipt_no,
        f"sale {sale.receipt_no}",
    )


def test_custom_kick_bytes(station, pty):
    set_setting(station, "drawer.kick", "1b 70 01 32 fa")
    drawer_service.drawer_test(station)
    assert pty.read_available(5) == bytes.fromhex("1b700132fa")


def test_no_sale_needs_permission_and_reason_and_is_audited(station, cashier, supervisor, pty):
    with pytest.raises(PermissionDenied):
        drawer_service.no_sale(station, cashier, "making change")
    with pytest.raises(InputError):
        drawer_service.no_sale(station, supervisor, "  ")
    assert pty.read_available(1, timeout=0.3) == b""  # nothing was sent
    message = drawer_service.no_sale(station, supervisor, "Customer needed change for the bus")
    assert pty.read_available(len(KICK)) == KICK
    assert pty.path in message
    [ev] = events(station, "no_sale")
    assert ev.actor == "sofia" and ev.details["reason"] == "Customer needed change for the bus"
    assert ev.at is not None


def test_cashier_no_sale_at_the_till_with_a_supervisor_override(station, cashier, drawer, pty):
    from counterpos.services.access import overrides
    from tests.conftest import PINS

    with pytest.raises(PermissionDenied):
        drawer_service.no_sale(station, cashier, "Change for the bus", session_id=drawer.session_id)
    assert pty.read_available(1, timeout=0.3) == b""
    approval = overrides.approve(station, cashier, "sofia", PINS["sofia"], "no_sale")
    drawer_service.no_sale(
        station, cashier, "Change for the bus", session_id=drawer.session_id, approval=approval
    )
    assert pty.read_available(len(KICK)) == KICK
    [ev] = events(station, "no_sale")  # audited once, naming both people
    assert (ev.actor, ev.approver, ev.details["reason"]) == ("maria", "sofia", "Change for the bus")


def test_missing_drawer_port_leaves_the_sale_and_says_so(station, cashier, drawer, tmp_path):
    set_setting(station, "printer.url", "preview:")
    set_setting(station, "drawer.port", str(tmp_path / "ttyUSB9"))
    sale = five_line_sale(station, cashier, drawer)
    result = after_sale.after_sale(station, cashier, sale)
    assert result.printed and not result.drawer_opened
    assert result.problems == (
        f"Sale {sale.receipt_no} is saved. The drawer did not open: There is no serial port "
        f"{tmp_path / 'ttyUSB9'}. Is the cable or USB adapter plugged in?",
    )
    with station.store.read() as s:
        assert s.scalar(select(Sale).where(Sale.receipt_no == sale.receipt_no))
    [ev] = events(station, "drawer_open_failed")
    assert "There is no serial port" in ev.details["error"]


def test_no_drawer_configured(station, supervisor):
    with pytest.raises(DeviceError, match="No cash drawer is set up"):
        drawer_service.no_sale(station, supervisor, "count check")


def test_kick_through_the_printer(station, supervisor):
    printer = LoopbackPrinter()
    try:
        set_setting(station, "printer.url", printer.url)
        set_setting(station, "drawer.port", "printer")
        drawer_service.no_sale(station, supervisor, "open for the deposit bag")
        data = printer.wait_job()
    finally:
        printer.close()
    assert decode(data).kicks == [KICK]


def test_a_kick_that_cannot_start_in_time_is_dropped_never_fired_late(
    station, cashier, drawer, supervisor
):
    silent = LoopbackPrinter(answer=False)  # a print blocks the printer's worker for ~2 s
    try:
        set_setting(station, "printer.url", silent.url)
        set_setting(station, "printer.timeout", "2")
        set_setting(station, "drawer.port", "printer")
        set_setting(station, "drawer.open_within", "1")
        sale = five_line_sale(station, cashier, drawer)
        printing_thread = threading.Thread(
            target=lambda: pytest.raises(
                DeviceError, printing.print_receipt, station, cashier, sale.receipt_no
            )
        )
        printing_thread.start()
        deadline = time.monotonic() + 10
        while not silent._conns and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until the print holds the printer's worker
        assert silent._conns
        with pytest.raises(DeviceError, match="did not open within 1 second ") as err:
            drawer_service.no_sale(station, supervisor, "customer change")
        assert "cancelled" in str(err.value)
        printing_thread.join(10)
        time.sleep(1.0)
        # One connection only: the print's. The dropped kick never reached the printer.
        assert len(silent._conns) == 1
    finally:
        silent.close()
    [ev] = events(station, "no_sale_failed")
    assert ev.details["reason"] == "customer change"


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
