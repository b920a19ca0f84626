"""F5 takes payment for the cart, then the till kicks the drawer and prints off the GUI thread;
an empty cart cannot be paid and faults never lose the sale."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
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


def test_the_payment_screen_is_built_once_and_each_sale_opens_it_clean(qtbot, drive, till):
    """F5 opens the same payment screen each time (building it was most of what F5 cost);
    nothing one sale left on it reaches the next: kind, amounts, details, errors, parts,
    messages, the sale-saved page, the focus."""
    drive.add_misc(till, "Copies", "12.50")
    drive.key(till, K.Key_F5)
    pay = till.dialog
    page = pay.payment_page
    # Left behind by a first try: a check with its number and payer, a refused amount.
    drive.key(pay, K.Key_F8)
    drive.type(page.number.editor, "1234")
    drive.type(page.payer.editor, "Ann Lee")
    page.amount.editor.selectAll()
    drive.type(page.amount.editor, "abc")
    drive.press(page.amount.editor, K.Key_Return)
    assert page.amount.error_text() and pay.completed is None
    drive.key(pay, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)

    drive.key(till, K.Key_F5)
    assert till.dialog is pay  # the same screen, opened again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pay, timeout=2000)
    assert page.current_kind() == "cash" and page.amount_text() == "12.50"
    assert not page.amount.error_text() and page.amount.editor.property("invalid") is False
    assert page.reference() == "" and page.payer_name() == ""
    assert not page.number.isVisibleTo(pay) and page.message.text() == ""
    assert pay.focusWidget() is page.amount.editor
    # A split: $5.00 cash as one part, then $20.00 for the rest; change $12.50 - 5 = 7.50 due.
    page.amount.editor.selectAll()
    drive.type(page.amount.editor, "5")
    drive.key(pay, K.Key_F6)
    assert page.remaining_label.text() == "$7.50" and page.parts_table.rowCount() == 1
    page.amount.editor.selectAll()
    drive.type(page.amount.editor, "20")
    drive.press(page.amount.editor, K.Key_Return)
    assert pay.completed is not None and pay.done_page.change_due.text() == "$12.50"
    drive.key(pay, K.Key_Return)  # Next customer
    qtbot.waitUntil(lambda: till.dialog is None)

    drive.add_misc(till, "Copies", "3.00")
    drive.key(till, K.Key_F5)
    assert till.dialog is pay
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pay, timeout=2000)
    assert pay.completed is None and pay.parts == [] and pay.cards == []
    assert pay.pages.currentIndex() == 0 and pay.bar.isVisible()
    assert page.take_button.isVisible() and not pay.done_page.next_button.isVisible()
    assert pay.primary is page.take_button
    assert page.total_label.text() == "$3.00" and page.remaining_label.text() == "$3.00"
    assert page.amount_text() == "3.00" and page.change_preview.text() == ""
    assert not page.parts_table.isVisibleTo(pay) and page.message.text() == ""
    assert pay.done_page.receipt_no.text() == "" and pay.done_page.change_due.text() == "$0.00"
    assert pay.focusWidget() is page.amount.editor
    drive.press(page.amount.editor, K.Key_Return)
    assert pay.completed is not None and pay.completed.total.format() == "$3.00"
