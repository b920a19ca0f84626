"""After a sale the till kicks the drawer and prints off the GUI thread; faults never lose it."""

from __future__ import annotations

import os
import select
import socket
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from counterpos.services import settings
from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.sync_status import SyncStatusLabel
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui

K = Qt.Key


def put(station, key: str, value: str) -> None:
    with station.store.write() as s:
        settings.put(s, key, value)


def cash_sale(qtbot, drive, till, amount: str = "12.50"):
    """A miscellaneous receipt paid in cash, all by keys; returns the tender dialog."""
    drive.key(till, K.Key_F3)
    drive.type(till.picker, "8")
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog.isVisible())
    line = till.dialog
    drive.type(line.fields["memo"].editor, "Copies")
    drive.type(line.fields["amount"].editor, amount)
    drive.press(line.fields["amount"].editor, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None, pay.payment_page.message.text()
    return pay


def read_pty(fd: int, want: int, timeout: float = 5.0) -> bytes:
    got = b""
    while len(got) < want:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            break
        got += os.read(fd, 64)
    return got


def test_a_cash_sale_kicks_the_drawer_and_prints_the_receipt(qtbot, drive, till, station):
    master, slave = os.openpty()
    try:
        put(station, "drawer.port", os.ttyname(slave))
        pay = cash_sale(qtbot, drive, till)
        qtbot.waitUntil(lambda: till.payment.last_print is not None, timeout=10_000)
        after = till.payment.last_print
        assert after.ok and after.printed and after.drawer_opened, after.problems
        assert read_pty(master, 5) == bytes.fromhex("1b700019fa")  # ESC p 0 25 250
        assert after.preview and os.path.exists(after.preview)
        assert pay.completed.receipt_no in Path(after.preview).read_text(encoding="utf-8")
        assert till.message.text() == ""
    finally:
        os.close(master)
        os.close(slave)


def test_a_printer_fault_is_said_plainly_and_the_sale_stands(qtbot, drive, till, station):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()  # nothing answers on this port now
    put(station, "printer.url", f"tcp://127.0.0.1:{port}")
    pay = cash_sale(qtbot, drive, till)
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


def test_reprint_is_on_f6(qtbot, drive, till, station):
    ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    drive.key(till, K.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.dialog, ReprintDialog) and till.dialog.isVisible())
    drive.press(till.dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)


def test_the_sync_state_fills_the_status_bar_slot_and_warns_at_close(qtbot, drive, till, station):
    assert isinstance(till.sync_slot, SyncStatusLabel)
    ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    put(station, "central.url", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    till.sync_slot.refresh()
    assert "waiting" in till.sync_slot.text().lower()
    till.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is till)
    qtbot.keyClick(
        QApplication.focusWidget(),
        K.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    close = till.dialog
    assert "have not reached the central database" in close.sync_warning.text()
