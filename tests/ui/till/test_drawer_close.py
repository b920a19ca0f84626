"""Closing the drawer from the till's menu: once it is closed, log out or count a new float."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services import sessions

pytestmark = pytest.mark.gui

K = Qt.Key


def close_balanced(qtbot, drive, till):
    """Close the drawer from the menu with exactly the $95.00 float counted."""
    drive.chord(till, K.Key_C)
    close = till.dialog
    assert close is not None and close.windowTitle() == "Close drawer session"
    for key, n in (("bill_20", 4), ("bill_10", 1), ("coin_25", 20)):
        close.spins[key].setValue(n)
    for _ in range(3):
        close.next.setFocus()
        drive.press(close.next, K.Key_Space)
    assert "Over/short" in close.summary.toPlainText()
    close.close_button.setFocus()
    drive.press(close.close_button, K.Key_Space)
    qtbot.waitUntil(lambda: close.result is not None)
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog is not close)
    return till.dialog


def test_close_drawer_from_the_menu_then_log_out(qtbot, drive, counter, till, station):
    login, flow = counter
    box = close_balanced(qtbot, drive, till)
    assert "closed" in box.text()
    assert sessions.current_session(station, till.state.actor) is None
    drive.press(box, K.Key_Escape)
    qtbot.waitUntil(login.isVisible)
    assert flow.till is None and not till.isVisible()


def test_close_drawer_then_count_a_new_float(qtbot, drive, counter, till, station):
    login, flow = counter
    box = close_balanced(qtbot, drive, till)
    drive.press(box, K.Key_Return)
    qtbot.waitUntil(lambda: flow.drawer_dialog is not None and flow.drawer_dialog.isVisible())
    dialog = flow.drawer_dialog
    dialog.counts["bill_20"].setValue(5)
    drive.confirm(dialog.counts["bill_20"])
    qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
    assert "float $100.00" in flow.till.session_label.text()
    flow.till.close()
