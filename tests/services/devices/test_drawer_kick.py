"""The cash drawer (services/devices/drawer_kick.py): pty or printer, custom bytes, no late kick."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select

from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import after_sale, printing
from counterpos.services.devices import drawer_kick as drawer_service
from counterpos.services.drawer import no_sale
from counterpos.services.errors import DeviceError
from counterpos.store.models import Sale
from tests.conftest import audit_events
from tests.printing_support import KICK, LoopbackPrinter, five_line_sale, set_setting


def test_sale_kick_arrives_on_the_serial_port(
    station, cashier, drawer, drawer_pty, preview_printer
):
    sale = five_line_sale(station, cashier, drawer)
    result = after_sale.after_sale(station, cashier, sale)
    assert result.ok and result.drawer_opened and result.printed, result.message
    assert drawer_pty.read_available(len(KICK)) == KICK
    [ev] = audit_events(station, "drawer_open")
    assert (ev.actor, ev.target, ev.details["reason"]) == (
        "maria",
        sale.receipt_no,
        f"sale {sale.receipt_no}",
    )


def test_custom_kick_bytes(station, drawer_pty):
    set_setting(station, "drawer.kick", "1b 70 01 32 fa")
    drawer_service.drawer_test(station)
    assert drawer_pty.read_available(5) == bytes.fromhex("1b700132fa")


def test_missing_drawer_port_leaves_the_sale_and_says_so(
    station, cashier, drawer, preview_printer, tmp_path
):
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
    [ev] = audit_events(station, "drawer_open_failed")
    assert "There is no serial port" in ev.details["error"]


def test_no_drawer_configured(station, supervisor):
    with pytest.raises(DeviceError, match="No cash drawer is set up"):
        no_sale.no_sale(station, supervisor, "count check")


def test_kick_through_the_printer(station, supervisor, loopback_printer):
    set_setting(station, "drawer.port", "printer")
    no_sale.no_sale(station, supervisor, "open for the deposit bag")
    assert decode(loopback_printer.wait_job()).kicks == [KICK]


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
            no_sale.no_sale(station, supervisor, "customer change")
        assert "cancelled" in str(err.value)
        printing_thread.join(10)
        time.sleep(1.0)
        # One connection only: the print's. The dropped kick never reached the printer.
        assert len(silent._conns) == 1
    finally:
        silent.close()
    [ev] = audit_events(station, "no_sale_failed")
    assert ev.details["reason"] == "customer change"


def test_a_kick_through_a_printer_without_status_is_not_confirmed(station, cashier, drawer):
    deaf = LoopbackPrinter(answer=False)
    try:
        set_setting(station, "printer.url", f"{deaf.url}?status=off")
        set_setting(station, "drawer.port", "printer")
        said = drawer_service.drawer_test(station, "sofia")
        sale = five_line_sale(station, cashier, drawer)
        after = after_sale.after_sale(station, cashier, sale)
    finally:
        deaf.close()
    assert said.startswith(
        f"The drawer kick was sent to the printer at 127.0.0.1:{deaf.port}, not confirmed"
    )
    assert "opened" not in said.replace("drawer opened.", "")
    assert "not confirmed" in after.message and after.ok
    events = audit_events(station, "drawer_open")
    assert [e.details.get("confirmed") for e in events] == [False, False]


def test_a_drawer_fault_is_logged_for_it(
    station, cashier, drawer, preview_printer, tmp_path, caplog
):
    set_setting(station, "drawer.port", str(tmp_path / "ttyUSB9"))
    sale = five_line_sale(station, cashier, drawer)
    with caplog.at_level("ERROR", logger="counterpos.services.devices.drawer_kick"):
        after_sale.after_sale(station, cashier, sale)
    [record] = [r for r in caplog.records if r.name.endswith("drawer_kick")]
    assert record.levelname == "ERROR"
    assert record.getMessage() == (
        f"Drawer on {tmp_path / 'ttyUSB9'} did not open: There is no serial port "
        f"{tmp_path / 'ttyUSB9'}. Is the cable or USB adapter plugged in?"
    )
