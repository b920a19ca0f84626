"""The till's hand-off of Controls-menu dialogs, through the real window: a void opened from the
menu takes a supervisor's override, and its VOID slip prints off the GUI thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.sale_helpers import cash, ring
from tests.ui.conftest import rows

pytestmark = pytest.mark.gui

K = Qt.Key


def test_void_from_the_menu_takes_a_supervisors_override(qtbot, drive, till, station):
    done = ring(station, till.state.actor, till.state.session.session_id, 2_500, cash(3_000))
    drive.chord(till, K.Key_V)
    void = till.dialog
    assert void is not None and void.windowTitle() == "Void a sale"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is void, timeout=2000)
    drive.type(void.receipt, done.receipt_no)
    drive.press(void.receipt, K.Key_Tab)
    assert done.receipt_no in void.text.toPlainText()  # the receipt is previewed
    drive.type(void.reason, "Rang the wrong service")
    void.void_button.setFocus()
    drive.press(void.void_button, K.Key_Space)
    over = void.override_dialog
    assert over is not None and "may not" in over.about.text()
    drive.type(over.username, "sofia")
    drive.type(over.pin, "333333")
    drive.press(over.pin, K.Key_Return)
    qtbot.waitUntil(lambda: void.result is not None)
    assert "Voided" in till.notice.text() and "$25.00" in till.notice.text()
    (v,) = rows(station, "SELECT * FROM sale WHERE kind = 'void'")
    assert v["original_sale_id"] == done.sale_id and v["approver_id"] is not None
    # The VOID slip prints off the GUI thread (to the preview printer here).
    qtbot.waitUntil(lambda: till.controls.last_void_print is not None, timeout=10_000)
    outcome = till.controls.last_void_print
    assert not isinstance(outcome, str), outcome
    assert outcome.receipt_no == f"{done.receipt_no}-V"
    (job,) = rows(station, "SELECT * FROM print_job WHERE kind = 'void_slip'")
    assert job["status"] == "ok"


def test_a_wrong_override_pin_leaves_the_sale_standing(qtbot, drive, till, station):
    done = ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    drive.chord(till, K.Key_V)
    void = till.dialog
    drive.type(void.receipt, done.receipt_no)
    drive.type(void.reason, "Customer changed her mind")
    void.void_button.setFocus()
    drive.press(void.void_button, K.Key_Space)
    over = void.override_dialog
    drive.type(over.username, "sofia")
    drive.type(over.pin, "0000")
    drive.press(over.pin, K.Key_Return)
    assert over.isVisible() and "PIN" in over.error.text()
    assert rows(station, "SELECT COUNT(*) AS n FROM sale WHERE kind = 'void'")[0]["n"] == 0
