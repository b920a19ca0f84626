"""Opening the drawer: a float counted by denomination, a live total; Enter moves down the count,
Ctrl+Enter (or Enter on the last line) opens the session; a $0.00 float asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services import sessions
from counterpos.ui.controls.drawer_open_dialog import DrawerOpenDialog

pytestmark = pytest.mark.gui
K = Qt.Key


@pytest.fixture
def dialog(qtbot, styled, station, cashier):
    d = DrawerOpenDialog(station, cashier)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_the_total_follows_the_count_and_enter_walks_down_to_open(
    qtbot, drive, dialog, station, cashier
):
    assert dialog.total.text() == "$0.00"
    spin = dialog.counts["bill_20"]
    spin.selectAll()
    drive.type(spin, "5")
    assert dialog.focusWidget() is not None
    dialog.counts["roll_25"].setValue(2)
    dialog.counts["coin_1"].setValue(50)
    assert dialog.subtotals["bill_20"].text() == "$100.00"
    assert dialog.total.text() == "$120.50"
    # Enter moves to the next line of the count; it neither opens nor closes the dialog.
    dialog.counts["coin_1"].setFocus()
    drive.press(dialog.counts["coin_1"], K.Key_Return)
    assert dialog.isVisible() and dialog.counts["roll_25"].hasFocus()
    for key in ("roll_25", "roll_10", "roll_5"):
        drive.press(dialog.counts[key], K.Key_Return)
    assert dialog.counts["roll_1"].hasFocus()
    drive.press(dialog.counts["roll_1"], K.Key_Return)  # the last line: open the drawer
    assert dialog.result() == DrawerOpenDialog.DialogCode.Accepted
    session = sessions.current_session(station, cashier)
    assert session is not None and session.opening_float.cents == 12050
    assert dialog.session.session_id == session.session_id


def test_a_second_open_is_refused_with_a_message(qtbot, drive, dialog, station, cashier, drawer):
    dialog.counts["bill_1"].setValue(3)
    drive.confirm(dialog.counts["bill_1"])
    assert "already have an open drawer" in dialog.errors()
    assert dialog.isVisible()
    assert sessions.current_session(station, cashier).opening_float.cents == 10000


def test_a_zero_float_asks_and_enter_goes_back_to_count(qtbot, drive, dialog, station, cashier):
    drive.confirm(dialog.counts["bill_100"])
    question = dialog.question
    assert question is not None and question.isVisible() and "$0.00" in question.text()
    drive.press(question, K.Key_Return)  # Enter keeps counting
    assert not question.isVisible() and dialog.isVisible()
    assert sessions.current_session(station, cashier) is None
    drive.confirm(dialog.counts["bill_100"])
    again = dialog.question
    drive.key(again, K.Key_Return, Qt.KeyboardModifier.ControlModifier)  # the same key again
    qtbot.waitUntil(lambda: dialog.result() == DrawerOpenDialog.DialogCode.Accepted)
    assert sessions.current_session(station, cashier).opening_float.cents == 0


def test_esc_after_counting_asks_before_throwing_the_count_away(qtbot, drive, dialog):
    dialog.counts["bill_5"].setValue(2)
    drive.press(dialog.counts["bill_5"], K.Key_Escape)
    assert dialog.isVisible() and dialog.question is not None
    drive.press(dialog.question, K.Key_Return)  # keep it
    assert dialog.isVisible() and dialog.counts["bill_5"].value() == 2
    drive.press(dialog.counts["bill_5"], K.Key_Escape)
    drive.press(dialog.question, K.Key_Escape)  # Esc again: thrown away
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == DrawerOpenDialog.DialogCode.Rejected


def test_a_user_without_the_permission_is_told_so(qtbot, drive, counter, station):
    login, flow = counter
    drive.log_in(login, "admin", "999999")
    dialog = flow.drawer_dialog  # the administrator role holds no open_session permission
    dialog.counts["bill_100"].setValue(1)
    drive.confirm(dialog.counts["bill_100"])
    assert "may not open a drawer session" in dialog.errors()


def test_a_supervisor_sees_the_day_without_opening_a_drawer(qtbot, drive, counter, station):
    login, flow = counter
    drive.log_in(login, "sofia", "333333")
    dialog = flow.drawer_dialog
    qtbot.waitExposed(dialog)
    drive.key(dialog, K.Key_F11)
    qtbot.waitUntil(lambda: flow.reports is not None and flow.reports.isVisible())
    assert flow.reports.report.toPlainText()  # the Z report (or "no sessions") on screen
    assert sessions.current_session(station, flow.reports.actor) is None
