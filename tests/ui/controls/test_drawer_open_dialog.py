"""Opening the drawer: a float counted by denomination, a live total, Enter opens the session."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services import sessions
from counterpos.ui.controls.drawer_open_dialog import DrawerOpenDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, styled, station, cashier):
    d = DrawerOpenDialog(station, cashier)
    qtbot.addWidget(d)
    d.show()
    return d


def test_the_total_follows_the_count_and_enter_opens_the_session(
    qtbot, drive, dialog, station, cashier
):
    assert dialog.total.text() == "$0.00"
    spin = dialog.counts["bill_20"]
    spin.selectAll()
    drive.type(spin, "5")
    dialog.counts["roll_25"].setValue(2)
    dialog.counts["coin_1"].setValue(50)
    assert dialog.subtotals["bill_20"].text() == "$100.00"
    assert dialog.total.text() == "$120.50"
    drive.press(dialog.counts["coin_1"], Qt.Key.Key_Return)
    assert dialog.result() == DrawerOpenDialog.DialogCode.Accepted
    session = sessions.current_session(station, cashier)
    assert session is not None and session.opening_float.cents == 12050
    assert dialog.session.session_id == session.session_id


def test_a_second_open_is_refused_with_a_message(qtbot, drive, dialog, station, cashier, drawer):
    dialog.counts["bill_1"].setValue(3)
    drive.press(dialog.counts["bill_1"], Qt.Key.Key_Return)
    assert "already have an open drawer" in dialog.error.text()
    assert dialog.isVisible()
    assert sessions.current_session(station, cashier).opening_float.cents == 10000


def test_a_user_without_the_permission_is_told_so(qtbot, drive, counter, station):
    login, flow = counter
    drive.log_in(login, "admin", "999999")
    dialog = flow.drawer_dialog  # the administrator role holds no open_session permission
    drive.press(dialog.counts["bill_100"], Qt.Key.Key_Return)
    assert "may not open a drawer session" in dialog.error.text()
