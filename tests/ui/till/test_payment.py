"""F5 takes payment for the cart, then the till kicks the drawer and prints off the GUI thread;
an empty cart cannot be paid and faults never lose the sale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.printing_support import PtyPort, closed_port, set_setting
from tests.ui.conftest import sale_count

pytestmark = pytest.mark.gui

K = Qt.Key


def cash_sale(drive, till, amount: str = "12.50"):
    """A miscellaneous receipt paid in cash, all by keys; returns the tender dialog."""
    drive.add_misc(till, "Copies", amount)
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None, pay.payment_page.message.text()
    return pay


def test_an_empty_cart_cannot_be_paid(qtbot, drive, till, station):
    drive.key(till, K.Key_F5)
    assert till.dialog is None
    assert "cart is empty" in till.message.text()
    assert sale_count(station) == 0


def test_a_cash_sale_kicks_the_drawer_and_prints_the_receipt(qtbot, drive, till, station):
    port = PtyPort()
    try:
        set_setting(station, "drawer.port", port.path)
        pay = cash_sale(drive, till)
        qtbot.waitUntil(lambda: till.payment.last_print is not None, timeout=10_000)
        after = till.payment.last_print
        assert after.ok and after.printed and after.drawer_opened, after.problems
        assert port.read_available(5, timeout=5.0) == bytes.fromhex("1b700019fa")  # ESC p 0 25 250
        assert after.preview and os.path.exists(after.preview)
        assert pay.completed.receipt_no in Path(after.preview).read_text(encoding="utf-8")
        assert till.message.text() == ""
    finally:
        port.close()


def test_a_printer_fault_is_said_plainly_and_the_sale_stands(qtbot, drive, till, station):
    port = closed_port()  # nothing answers on this port now
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{port}")
    pay = cash_sale(drive, till)
    qtbot.waitUntil(lambda: till.payment.last_print is not None, timeout=15_000)
    assert not till.payment.last_print.printed
    assert f"Sale {pay.completed.receipt_no} is saved" in till.message.text()
    assert "Reprint" in till.message.text()
    with station.store.read() as s:
        n = s.execute(
            text("SELECT COUNT(*) FROM sale WHERE receipt_no = :r"), {"r": pay.completed.receipt_no}
        ).scalar()
        failed = s.execute(text("SELECT COUNT(*) FROM print_job WHERE status = 'failed'")).scalar()
    assert n == 1 and failed == 1
