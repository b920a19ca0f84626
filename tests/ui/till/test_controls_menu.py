"""GUI: the Controls menu, built on any main window, opens the end-of-day and supervisor dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from counterpos.ui.till.controls_menu import add_controls_menu
from tests.conftest import login

pytestmark = pytest.mark.gui


def test_controls_menu_opens_the_dialogs(qtbot, station, cashier, drawer):
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
