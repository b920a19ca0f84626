"""The counter's screen flow through the real windows: login, the drawer count, the till, and back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui

K = Qt.Key


def test_log_out_returns_to_login_and_next_login_skips_the_drawer(qtbot, drive, counter, till):
    login, flow = counter
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(login.isVisible)
    qtbot.waitUntil(login.username.hasFocus)
    assert not till.isVisible()
    drive.log_in(login, "maria", "1111")
    qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
    assert flow.drawer_dialog is None  # her session is still open: no second count
    assert "float $95.00" in flow.till.session_label.text()
    assert "Station T1" in flow.till.station_label.text()
    assert "Maria" in flow.till.cashier_label.text()
    flow.till.close()


def test_esc_backs_out_to_the_login(qtbot, drive, counter, station):
    login, flow = counter
    drive.log_in(login, "maria", "1111")
    drive.press(flow.drawer_dialog.counts["bill_100"], K.Key_Escape)
    qtbot.waitUntil(login.username.hasFocus)
    assert flow.till is None and login.username.text() == ""
