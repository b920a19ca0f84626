"""The till window by keys: lines, removing and clearing (each asks), Esc, F3 then a number, the
drawer's sales, reprint, the lock, the sync slot, leaving; the window and its key bar at 1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.controls.void_dialog import VoidDialog
from counterpos.ui.lock_screen import LockScreen
from counterpos.ui.sync_status import SyncStatusLabel
from counterpos.ui.tender.dialog import TenderDialog
from counterpos.ui.till.session_sales_dialog import SessionSalesDialog
from tests.printing_support import set_setting
from tests.sale_helpers import cash, ring
from tests.ui.conftest import SCREEN, sale_count

pytestmark = pytest.mark.gui

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def test_the_till_fills_the_counter_screen_and_its_key_bar_is_never_cut(qtbot, till):
    till.show_on_screen()
    qtbot.waitUntil(lambda: till.width() >= 1200)
    assert till.screen().availableGeometry().contains(till.geometry())
    assert till.geometry().width() <= SCREEN[0] and till.geometry().height() <= SCREEN[1]
    for key, label in till.bar.labels.items():
        assert label.isVisible(), key
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), key
        assert till.bar.keys[key].width() >= till.bar.keys[key].fontMetrics().horizontalAdvance(key)
    assert till.bar.geometry().bottom() <= till.centralWidget().height()
    # The body text is at least 16 px on this 96 DPI screen.
    assert till.total.fontInfo().pixelSize() > till.cart_table.fontInfo().pixelSize() >= 16


def test_removing_a_line_asks_and_enter_keeps_it(qtbot, drive, till, station, owing):
    drive.find(till, owing["last_name"], owing["id"])
    for _ in range(2):
        drive.add_misc(till, "Copies", "35.00")
    assert till.total.text() == "$70.00" and till.cart_table.rowCount() == 2
    drive.key(till, K.Key_F4)
    assert till.question is not None and "Remove line 2" in till.question.text()
    drive.key(till.question, K.Key_Return)  # Enter keeps the line
    assert till.total.text() == "$70.00"
    drive.key(till, K.Key_F4)
    drive.key(till.question, K.Key_F4)  # F4 again removes it
    qtbot.waitUntil(lambda: till.cart_table.rowCount() == 1)
    assert till.total.text() == "$35.00"
    assert sale_count(station) == 0


def test_no_key_empties_the_cart_without_asking(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    drive.add_misc(till, "Copies", "35.00")
    # F8 is Check everywhere: on the till it takes payment by check, the cart stays.
    drive.key(till, K.Key_F8)
    qtbot.waitUntil(lambda: isinstance(till.dialog, TenderDialog))
    assert till.dialog.payment_page.current_kind() == "check"
    drive.key(till.dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert len(till.state.cart.lines) == 1
    # Ctrl+Delete asks; Esc or Enter keep the sale; Ctrl+Delete again clears it.
    drive.key(till, K.Key_Delete, CTRL)
    assert till.question is not None and "Clear this sale" in till.question.text()
    drive.key(till.question, K.Key_Escape)
    assert len(till.state.cart.lines) == 1 and till.panel.panel is not None
    drive.key(till, K.Key_Delete, CTRL)
    drive.key(till.question, K.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: till.state.cart.lines == [])
    assert till.panel.panel is None and till.focusWidget() is till.lookup.box
    drive.key(till, K.Key_F4)
    assert "no lines" in till.message.text()


def test_bad_line_input_is_explained_and_esc_asks_before_dropping_it(
    qtbot, drive, till, station, owing
):
    till.choose_customer(owing["id"])
    drive.type(till.picker, "1")
    qtbot.waitUntil(lambda: till.dialog is not None)
    form = till.dialog
    form.fields["amount"].editor.clear()
    drive.type(form.fields["amount"].editor, "abc")
    drive.press(form.fields["amount"].editor, K.Key_Return)
    assert form.isVisible() and "not an amount" in form.field_error("amount")
    assert till.state.cart.lines == [] and till.total.text() == "$0.00"
    drive.type(form.fields["amount"].editor, "1")  # changed: the error goes
    assert form.field_error("amount") == ""
    drive.press(form.fields["amount"].editor, K.Key_Escape)
    assert form.isVisible() and form.question is not None
    drive.key(form.question, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert till.state.cart.lines == []
    assert sale_count(station) == 0


def test_f3_then_a_number_opens_that_service_wherever_the_list_stood(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    assert till.picker.hasFocus() and till.picker.current_code() == "utility_payment"
    drive.key(till, K.Key_F3)
    assert till.dialog is None  # F3 opens nothing by itself
    drive.type(till.picker, "4")
    qtbot.waitUntil(lambda: till.dialog is not None)
    assert till.dialog.service.code == "yard_sale_permit"
    assert till.dialog.fields["address"].editor.text() == ""  # the digit did not land in it


def test_log_out_is_refused_with_a_sale_in_progress(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    line = drive.add_service(till, "1")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    drive.key(till, K.Key_F12)
    assert till.isVisible() and "before logging out" in till.message.text()
    assert len(till.state.cart.lines) == 1


def test_a_cashier_gets_a_supervisor_on_the_spot_to_stop_service(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    drive.chord(till, K.Key_X)
    over = till.dialog
    assert "may not stop utility service" in over.about.text()
    drive.key(over, K.Key_Escape)  # no supervisor: said plainly, nothing opened
    qtbot.waitUntil(lambda: till.dialog is None)
    assert "may not stop utility service" in till.message.text()
    drive.chord(till, K.Key_X)
    over = till.dialog
    drive.type(over.username, "sofia")
    drive.press(over.username, K.Key_Return)
    drive.type(over.pin, "333333")
    drive.press(over.pin, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog is not over)
    assert till.dialog.windowTitle().startswith("Stop service")
    assert till.dialog.approval is not None and till.dialog.approval.approver.username == "sofia"


def test_esc_goes_back_to_the_lookup_then_clears_it(qtbot, drive, till, owing):
    drive.find(till, owing["last_name"], owing["id"])
    assert till.picker.hasFocus()
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.hasFocus() and till.lookup.box.text() == owing["last_name"]
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.text() == "" and till.lookup.results.rowCount() == 0
    # The chosen customer stays until the sale is paid or cleared.
    assert till.panel.panel.customer_id == owing["id"]


def test_reprint_any_receipt_is_on_ctrl_p(qtbot, drive, till, station):
    ring(station, till.state.actor, till.state.session.session_id, 1_000, cash(1_000))
    drive.key(till, K.Key_P, CTRL)
    qtbot.waitUntil(lambda: isinstance(till.dialog, ReprintDialog) and till.dialog.isVisible())
    drive.press(till.dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)


def test_the_drawers_sales_reprint_with_enter_and_void_with_v(qtbot, drive, till, station):
    sid = till.state.session.session_id
    first = ring(station, till.state.actor, sid, 1_000, cash(1_000))
    second = ring(station, till.state.actor, sid, 2_500, cash(3_000))
    drive.key(till, K.Key_F11)
    qtbot.waitUntil(lambda: isinstance(till.dialog, SessionSalesDialog))
    sales = till.dialog
    assert [r.receipt_no for r in sales.records] == [second.receipt_no, first.receipt_no]
    assert "counted at close" in sales.totals.text()  # her own cash stays blind
    with qtbot.waitSignal(sales.job_finished, timeout=10_000) as printed:
        drive.key(sales, K.Key_Return)
    assert printed.args[0] is True and second.receipt_no in printed.args[1]
    drive.key(sales, K.Key_Down)
    drive.key(sales, K.Key_V)
    qtbot.waitUntil(lambda: isinstance(till.dialog, VoidDialog))
    assert till.dialog.receipt.text() == first.receipt_no
    assert till.dialog.focusWidget() is till.dialog.reason


def test_the_lock_hides_the_customer_and_a_wrong_pin_says_so(qtbot, drive, counter, till, owing):
    login, _flow = counter
    drive.find(till, owing["last_name"], owing["id"])
    drive.add_misc(till, "Copies", "5.00")
    drive.key(till, K.Key_F5)  # a dialog with the customer's sale is open
    qtbot.waitUntil(lambda: isinstance(till.dialog, TenderDialog))
    pay = till.dialog
    assert till.idle_lock.parent() is till
    till.lock_now()
    screen = till.idle_lock.screen
    assert isinstance(screen, LockScreen) and screen.isVisible()
    # Nothing of the customer shows: the till's content and its dialogs are put away, and
    # the lock covers the whole screen.
    assert not till.panel.isVisible() and not till.centralWidget().isVisible()
    assert not pay.isVisible()
    assert screen.geometry() == till.screen().geometry()
    assert owing["last_name"] not in "".join(
        w.text() for w in screen.findChildren(type(screen.error)) if w.isVisible()
    )
    drive.type(screen.pin, "0000")
    drive.press(screen.pin, K.Key_Return)
    assert screen.isVisible() and "did not unlock" in screen.error.text()
    assert "Wrong" in screen.error.text()
    drive.type(screen.pin, "1111")
    drive.press(screen.pin, K.Key_Return)
    qtbot.waitUntil(lambda: till.idle_lock.screen is None)
    assert till.panel.isVisible() and pay.isVisible()
    drive.key(pay, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    drive.key(till, K.Key_Delete, CTRL)
    drive.key(till.question, K.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: till.state.cart.lines == [])
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
    till.clear_sale()
    drive.key(till.question, K.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: till.state.cart.lines == [])
    assert till.close()
    assert QApplication.activeModalWidget() is None


def test_a_service_form_is_kept_and_opens_again_cleared_for_the_next_line(
    qtbot, drive, till, owing
):
    """F3 8 opens the form built the first time (building it was most of the key's cost), as
    new: no value typed before, no error, no line, focus in its first field. For another
    customer the form is built for them."""
    form = drive.add_service(till, "8")
    drive.type(form.fields["memo"].editor, "Copies")
    drive.type(form.fields["amount"].editor, "abc")
    drive.press(form.fields["amount"].editor, K.Key_Return)
    assert form.field_error("amount") and till.dialog is form
    drive.key(form, K.Key_Escape)  # typed work: it asks; Esc again throws it away
    drive.key(form.question, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert till.state.cart.lines == []

    again = drive.add_service(till, "8")
    assert again is form
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=2000)
    assert form.value("memo") == "" and form.value("amount") == ""
    assert not form.field_error("amount") and form.said() == ""
    assert form.fields["amount"].editor.property("invalid") is False
    assert form.line is None and not form.has_work()
    assert form.focusWidget() is form.first_field
    drive.type(form.fields["memo"].editor, "Plans")
    drive.type(form.fields["amount"].editor, "4.00")
    drive.press(form.fields["amount"].editor, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert [ln.amount.cents for ln in till.state.cart.lines] == [400]

    assert drive.add_service(till, "8") is form and form.value("memo") == ""
    drive.key(form, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert len(till.state.cart.lines) == 1  # Esc on an untouched form adds nothing

    drive.key(till, K.Key_Delete, CTRL)
    drive.key(till.question, K.Key_Delete, CTRL)
    qtbot.waitUntil(lambda: till.state.cart.lines == [])
    drive.find(till, owing["last_name"], owing["id"])
    other = drive.add_service(till, "8")
    assert other is not form and other.customer_id == owing["id"]
