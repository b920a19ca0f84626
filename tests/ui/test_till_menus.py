"""The till's menus and keys: void with an override, close the drawer, stub scans, accounts, lock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.clock import local_today
from counterpos.ui.account.ledger_dialog import AccountLedgerDialog
from counterpos.ui.lock_screen import LockScreen
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui

K = Qt.Key
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def chord(qtbot, window, key, modifiers=CTRL_SHIFT) -> None:
    """A shortcut as the cashier presses it: to whatever has the focus in the window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def rows(station, sql: str, **params) -> list[dict]:
    with station.store.read() as s:
        return [dict(r._mapping) for r in s.execute(text(sql), params)]


def test_the_menus_show_every_action_with_its_key(till):
    titles = [a.text() for a in till.menuBar().actions()]
    assert titles == ["&Sale", "&Account", "&Controls"]
    keys = {name: a.shortcut().toString() for name, a in till.menus.actions.items()}
    assert keys["pay"] == "F5" and keys["logout"] == "F12"
    assert keys["void"] == "Ctrl+Shift+V" and keys["close"] == "Ctrl+Shift+C"
    assert keys["ledger"] == "Ctrl+Shift+L" and keys["fees"] == "Ctrl+Shift+F"


def test_void_from_the_menu_takes_a_supervisors_override(qtbot, drive, till, station):
    done = ring(station, till.state.actor, till.state.session.session_id, 2_500, cash(3_000))
    chord(qtbot, till, K.Key_V)
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
    assert over is not None and "may not" in over.message.text()
    drive.type(over.username, "sofia")
    drive.type(over.pin, "3333")
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
    chord(qtbot, till, K.Key_V)
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


def close_balanced(qtbot, drive, till):
    """Close the drawer from the menu with exactly the $95.00 float counted."""
    chord(qtbot, till, K.Key_C)
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
    drive.press(dialog.counts["bill_20"], K.Key_Return)
    qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
    assert "float $100.00" in flow.till.session_label.text()
    flow.till.close()


def test_a_scanned_bill_stub_opens_the_payment_with_the_amount_due(
    qtbot, drive, till, station, owing
):
    stub = make_stub(owing["account_no"], Money(4_321), local_today() + timedelta(days=9))
    drive.type(till.lookup.box, stub)
    drive.press(till.lookup.box, K.Key_Return)  # the scanner's Enter
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog.isVisible())
    form = till.dialog
    assert form.service.code == "utility_payment"
    assert form.value("account_no") == owing["account_no"]
    assert form.value("amount") == "43.21"
    assert till.panel.panel.customer_id == owing["id"]
    drive.press(form.fields["amount"].editor, K.Key_Return)
    assert (
        till.total.text() == "$43.21" and till.state.cart.lines[0].account_no == owing["account_no"]
    )


def test_a_bad_scan_is_refused_plainly(qtbot, drive, till, owing):
    stub = make_stub(owing["account_no"], Money(4_321), local_today())
    bad = stub[:-1] + str((int(stub[-1]) + 1) % 10)
    drive.type(till.lookup.box, bad)
    drive.press(till.lookup.box, K.Key_Return)
    assert till.dialog is None and "scan it again" in till.message.text()
    assert till.lookup.box.hasFocus() and till.lookup.box.text() == ""


def test_account_ledger_and_a_cashiers_stop_from_the_account_menu(
    qtbot, drive, till, station, owing
):
    chord(qtbot, till, K.Key_L)
    assert till.dialog is None and "choose one of their accounts" in till.message.text()
    drive.type(till.lookup.box, owing["last_name"])
    qtbot.waitUntil(lambda: till.lookup.results.count() > 0, timeout=3000)
    ids = [
        till.lookup.results.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(till.lookup.results.count())
    ]
    for _ in range(ids.index(owing["id"])):
        drive.press(till.lookup.box, K.Key_Down)
    drive.press(till.lookup.box, K.Key_Return)
    chord(qtbot, till, K.Key_L)
    ledger = till.dialog
    assert isinstance(ledger, AccountLedgerDialog) and ledger.isVisible()
    drive.press(ledger, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    chord(qtbot, till, K.Key_X)  # maria is a cashier: stopping service is not hers
    assert till.dialog is None and "may not stop utility service" in till.message.text()
    chord(qtbot, till, K.Key_F)
    assert till.dialog is None and "may not change the fee schedules" in till.message.text()


def test_lock_from_the_menu_and_the_idle_lock_stops_at_logout(qtbot, drive, counter, till):
    login, _flow = counter
    assert till.idle_lock.parent() is till
    chord(qtbot, till, K.Key_K)
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
