"""The till window by keys: lines and a new sale, Esc, reprint, the lock, the sync slot, leaving."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.lock_screen import LockScreen
from counterpos.ui.sync_status import SyncStatusLabel
from tests.printing_support import set_setting
from tests.sale_helpers import cash, ring
from tests.ui.conftest import sale_count

pytestmark = pytest.mark.gui

K = Qt.Key


def test_remove_line_and_new_sale(qtbot, drive, till, station, owing):
    drive.find(till, owing["last_name"], owing["id"])
    # Passports now need a senior cashier and their own dialog: ring two miscellaneous receipts.
    for _ in range(2):
        drive.add_misc(till, "Copies", "35.00")
    assert till.total.text() == "$70.00" and till.cart_table.rowCount() == 2
    drive.key(till, K.Key_F4)
    assert till.total.text() == "$35.00" and till.cart_table.rowCount() == 1
    drive.key(till, K.Key_F8)
    assert till.state.cart.lines == [] and till.panel.panel is None
    assert till.lookup.box.hasFocus()
    drive.key(till, K.Key_F4)
    assert "no lines" in till.message.text()
    assert sale_count(station) == 0


def test_bad_line_input_in_the_till_leaves_the_cart_and_store_alone(
    qtbot, drive, till, station, owing
):
    till.choose_customer(owing["id"])
    drive.type(till.picker, "1")
    qtbot.waitUntil(lambda: till.dialog is not None)
    form = till.dialog
    form.fields["amount"].editor.clear()
    drive.type(form.fields["amount"].editor, "abc")
    drive.press(form.fields["amount"].editor, Qt.Key.Key_Return)
    assert form.isVisible() and till.state.cart.lines == [] and till.total.text() == "$0.00"
    drive.press(form.fields["amount"].editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert till.state.cart.lines == []
    assert sale_count(station) == 0


def test_log_out_is_refused_with_a_sale_in_progress(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    line = drive.add_service(till, "1")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    drive.key(till, K.Key_F12)
    assert till.isVisible() and "before logging out" in till.message.text()
    assert len(till.state.cart.lines) == 1


def test_a_cashier_is_told_plainly_she_may_not_stop_service(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    till.picker.setCurrentRow([s.code for s in till.state.services].index("stop_service"))
    drive.key(till, K.Key_F3)
    assert till.dialog is None and till.state.cart.lines == []
    assert "may not stop utility service" in till.message.text()


def test_esc_goes_back_to_the_lookup_then_clears_it(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    assert till.picker.hasFocus()
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.hasFocus() and till.lookup.box.text() == owing["last_name"]
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.text() == "" and till.lookup.results.count() == 0
    # The chosen customer stays until F8 (a new sale).
    assert till.panel.panel.customer_id == owing["id"]


def test_reprint_is_on_f6(qtbot, drive, till, station):
    ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    drive.key(till, K.Key_F6)
    qtbot.waitUntil(lambda: isinstance(till.dialog, ReprintDialog) and till.dialog.isVisible())
    drive.press(till.dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)


def test_lock_from_the_menu_and_the_idle_lock_stops_at_logout(qtbot, drive, counter, till):
    login, _flow = counter
    assert till.idle_lock.parent() is till
    drive.chord(till, K.Key_K)
    screen = till.idle_lock.screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    drive.type(screen.pin, "0000")
    drive.press(screen.pin, K.Key_Return)
    assert screen.isVisible() and screen.error.text()
    drive.type(screen.pin, "1111")
    drive.press(screen.pin, K.Key_Return)
    qtbot.waitUntil(lambda: till.idle_lock.screen is None)
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(login.isVisible)
    assert not till.idle_lock.timer.isActive()


def test_the_sync_state_fills_the_status_bar_slot_and_warns_at_close(qtbot, drive, till, station):
    assert isinstance(till.sync_slot, SyncStatusLabel)
    ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    set_setting(station, "central.url", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    till.sync_slot.refresh()
    assert "waiting" in till.sync_slot.text().lower()
    drive.chord(till, K.Key_C)
    close = till.dialog
    assert "have not reached the central database" in close.sync_warning.text()


def test_the_window_does_not_close_over_a_sale_in_progress(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    line = drive.add_service(till, "1")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    assert not till.close()
    assert till.isVisible() and "before closing" in till.message.text()
    drive.key(till, K.Key_F8)
    assert till.close()
