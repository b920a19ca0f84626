"""GUI: void with an override, the idle lock, the audit screen and the day view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from counterpos.services.sale import voids
from counterpos.store.models import AuditEvent
from counterpos.ui.back_office.audit_view import AuditView
from counterpos.ui.back_office.day_view import DayViewDialog
from counterpos.ui.controls.void_dialog import VoidDialog
from counterpos.ui.lock_screen import IdleLock
from tests.conftest import login
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui


def test_void_dialog_demands_an_override(qtbot, station, cashier, drawer, tmp_path):
    sale = ring(station, cashier, drawer.session_id, 1_234, cash(2_000))
    dlg = VoidDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    assert sale.receipt_no in dlg.text.toPlainText()
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    assert "reason" in dlg.error.text().lower() and dlg.override_dialog is None
    dlg.reason.setText("Customer changed mind")
    qtbot.mouseClick(dlg.void_button, Qt.MouseButton.LeftButton)
    over = dlg.override_dialog
    assert over is not None
    over.username.setText("sofia")
    over.pin.setText("3333")
    with qtbot.waitSignal(dlg.voided, timeout=5_000):
        over.try_approve()
    assert "VOID" in dlg.text.toPlainText() and "$12.34" in dlg.error.text()
    assert voids.is_voided(station, sale.receipt_no)
    assert dlg.save_slip_pdf(tmp_path / "void.pdf").exists()


def test_idle_lock_and_unlock_with_pin(qtbot, station, cashier):
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(station, cashier, window, idle_ms=50)
    with qtbot.waitSignal(lock.locked, timeout=3_000):
        pass
    screen = lock.screen
    assert screen is not None and screen.isVisible()
    screen.pin.setText("0000")
    screen.try_unlock()
    assert screen.isVisible() and screen.error.text()
    screen.reject()  # Escape does not unlock
    assert screen.isVisible()
    screen.pin.setText("1111")
    with qtbot.waitSignal(lock.unlocked, timeout=3_000):
        screen.try_unlock()
    lock.stop()
    with station.store.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert "screen_lock" in actions and actions[-1] == "unlock"


def test_audit_view_filters_and_verifies(qtbot, station, cashier, drawer):
    ring(station, cashier, drawer.session_id, 500, cash(500))
    view = AuditView(station, login(station, "sofia"))
    qtbot.addWidget(view)
    assert view.table.rowCount() > 3
    view.action.setCurrentIndex(view.action.findData("sale"))
    view.refresh()
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "sale"
    view.verify()
    assert "OK" in view.status.text()


def test_day_view_lists_sessions(qtbot, station, cashier, drawer, tmp_path):
    view = DayViewDialog(station, login(station, "sofia"))
    qtbot.addWidget(view)
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "open"
    view.table.selectRow(0)
    assert "session_id" in view.scope()
    assert view.write("z", tmp_path / "z.pdf").exists()


def test_controls_menu_opens_the_dialogs(qtbot, station, cashier, drawer):
    from PySide6.QtWidgets import QMainWindow

    from counterpos.ui.till.controls_menu import add_controls_menu

    win = QMainWindow()
    qtbot.addWidget(win)
    menu = win.menuBar().addMenu("Drawer")
    sofia = login(station, "sofia")
    actions = add_controls_menu(menu, win, station, lambda: sofia, lambda: drawer.session_id)
    assert actions["close"].shortcut().toString() == "Ctrl+Shift+C"
    actions["day"].trigger()
    actions["close"].trigger()
    opened = {type(w).__name__ for w in win.findChildren(QWidget) if w.isWindow()}
    assert {"DayViewDialog", "CloseSessionDialog"} <= opened
