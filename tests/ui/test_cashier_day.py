"""A whole cashier's day through the real window, by keys only, on the 1366x768 screen: sign in,
count the float, ring services for several customers, cash with change, a check, a split
payment, a permit printed after the sale, the drawer's sales and a void with a supervisor's
approval, a paid-out, the lock, the blind close; then the supervisor's Z report on screen.

Every key goes to whatever has the focus in the active window, as a cashier's would (the test
reads the store only to check what the screens did). It mirrors no single ui module.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.drawer_balance import expected_cash
from counterpos.services.drawer.figures import session_figures
from counterpos.ui.back_office.day_view import DayViewDialog
from counterpos.ui.controls.close_session_dialog import CloseSessionDialog
from counterpos.ui.controls.override_dialog import OverrideDialog
from counterpos.ui.tender.dialog import TenderDialog
from tests.ui.conftest import rows, sale_count

pytestmark = pytest.mark.gui
K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Hands:
    """Keys into the focused widget of the active window; nothing else."""

    def __init__(self, qtbot, drive) -> None:
        self.qtbot, self.drive = qtbot, drive

    def active(self):
        """The window a cashier would be typing in: the modal dialog on top, else the active
        window, else the one window on screen (offscreen Qt activates none by itself)."""
        window = QApplication.activeModalWidget() or QApplication.activeWindow()
        if window is None:
            shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            window = next((w for w in shown if isinstance(w, QMainWindow)), shown[-1])
        return window

    def focused(self):
        window = self.active()
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        return QApplication.focusWidget() or window

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused(), key, modifiers)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def enter(self) -> None:
        self.key(K.Key_Return)

    def wait_for(self, kind, timeout: int = 5000):
        self.qtbot.waitUntil(
            lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=timeout
        )
        return QApplication.activeModalWidget()

    def approve_as_sofia(self) -> None:
        self.wait_for(OverrideDialog)
        self.type("sofia")
        self.enter()
        self.type("333333")
        self.enter()


def counts_for(cents: int) -> dict[str, int]:
    """The drawer's cash as few pieces as possible (bills, then coins; no rolls)."""
    out = {}
    for d in DENOMINATIONS:
        if d.kind == "roll":
            continue
        out[d.key], cents = divmod(cents, d.cents)
    assert cents == 0
    return out


def test_a_whole_cashier_day_by_keys(qtbot, drive, counter, station, owing):
    login, flow = counter
    hands = Hands(qtbot, drive)
    login.activateWindow()
    login.username.setFocus()

    # Sign in, count the float: Enter walks down the count, Ctrl+Enter opens the drawer.
    hands.type("maria")
    hands.enter()
    hands.type("1111")
    hands.enter()
    qtbot.waitUntil(lambda: flow.drawer_dialog is not None and flow.drawer_dialog.isVisible())
    hands.enter()  # $100 bills: none
    hands.enter()  # $50s: none
    hands.type("5")  # $20s
    hands.enter()
    hands.type("2")  # $10s
    hands.key(K.Key_Return, CTRL)
    qtbot.waitUntil(lambda: flow.till is not None)
    till = flow.till
    qtbot.addWidget(till)
    qtbot.waitExposed(till)
    assert "float $120.00" in till.session_label.text()

    # Customer 1: a bill paid in part, a yard sale permit; quick cash, the permit printed.
    hands.key(K.Key_F2)
    hands.type(owing["last_name"])
    qtbot.waitUntil(lambda: owing["id"] in till.lookup.result_ids())
    hands.key(K.Key_Down, times=till.lookup.result_ids().index(owing["id"]))
    hands.enter()
    assert till.state.customer.customer_id == owing["id"]
    hands.key(K.Key_F3)
    hands.type("1")
    qtbot.waitUntil(lambda: till.dialog is not None)
    hands.type("20.00")  # the amount field has the focus, its balance selected
    hands.enter()
    hands.key(K.Key_F3)
    hands.type("4")
    qtbot.waitUntil(lambda: till.dialog is not None)
    hands.type("1418 Juniper Way")
    hands.enter()
    assert till.total.text() == "$40.00"
    hands.key(K.Key_F5)
    pay = hands.wait_for(TenderDialog)
    hands.key(K.Key_4, ALT)  # quick cash: $40.00, $45, $50, then $60 (the next $20 above)
    qtbot.waitUntil(lambda: pay.completed is not None)
    assert pay.done_page.change_due.text() == "$20.00"
    first = pay.completed
    with qtbot.waitSignal(pay.documents_done, timeout=10_000) as printed:
        hands.key(K.Key_P)
    assert printed.args[0] is True and first.documents[0] in printed.args[1]
    hands.enter()  # next customer
    qtbot.waitUntil(lambda: till.dialog is None)
    assert till.panel.panel is None and till.state.cart.lines == []

    # Customer 2, no customer chosen: a miscellaneous receipt paid by check (F8).
    hands.key(K.Key_F3)
    hands.type("8")
    qtbot.waitUntil(lambda: till.dialog is not None)
    hands.key(K.Key_Tab)  # the GL account keeps its first choice: on to "What for"
    hands.type("Copies of minutes")
    hands.key(K.Key_Tab)
    hands.type("12.50")
    hands.enter()
    hands.key(K.Key_F8)
    pay = hands.wait_for(TenderDialog)
    assert pay.payment_page.current_kind() == "check"
    hands.key(K.Key_Tab)  # the amount offers $12.50: on to the check number
    hands.type("3301")
    hands.key(K.Key_Tab)
    hands.type("Dana Ruiz")
    hands.enter()
    qtbot.waitUntil(lambda: pay.completed is not None)
    hands.enter()
    qtbot.waitUntil(lambda: till.dialog is None)

    # Customer 3: a split payment, $10 cash as a part (F6), the rest by money order (F9).
    hands.key(K.Key_F3)
    hands.type("8")
    qtbot.waitUntil(lambda: till.dialog is not None)
    hands.key(K.Key_Tab)
    hands.type("Notary")
    hands.key(K.Key_Tab)
    hands.type("35.00")
    hands.enter()
    hands.key(K.Key_F5)
    pay = hands.wait_for(TenderDialog)
    hands.type("10")
    hands.key(K.Key_F6)
    assert pay.payment_page.remaining_label.text() == "$25.00"
    hands.key(K.Key_F9)
    hands.key(K.Key_Tab)
    hands.type("MO-5521")
    hands.enter()
    qtbot.waitUntil(lambda: pay.completed is not None)
    split = pay.completed
    hands.enter()
    qtbot.waitUntil(lambda: till.dialog is None)

    # The drawer's sales: print the last one again (Enter), void the check sale (V), which
    # needs a supervisor on the spot.
    hands.key(K.Key_F11)
    qtbot.waitUntil(lambda: till.dialog is not None and bool(till.dialog.records))
    sales = till.dialog
    with qtbot.waitSignal(sales.job_finished, timeout=10_000) as reprinted:
        hands.enter()
    assert reprinted.args[0] is True and split.receipt_no in reprinted.args[1]
    hands.key(K.Key_Down)
    check_sale = sales.selected()
    hands.key(K.Key_V)
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog is not sales)
    hands.type("Rang on the wrong service")
    hands.enter()
    hands.approve_as_sofia()
    void = till.dialog
    qtbot.waitUntil(lambda: void.result is not None)
    hands.enter()  # Done
    qtbot.waitUntil(lambda: till.dialog is None)
    assert check_sale.receipt_no in till.notice.text()

    # A paid-out for postage, approved on the spot; its slip prints.
    hands.key(K.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: till.dialog is not None)
    hands.enter()  # kind: paid-out
    hands.type("6.40")
    hands.enter()
    hands.type("Postage")
    hands.enter()
    hands.approve_as_sofia()
    paid = till.dialog
    qtbot.waitUntil(lambda: paid.result is not None)
    hands.enter()
    qtbot.waitUntil(lambda: till.dialog is None)
    qtbot.waitUntil(lambda: till.controls.last_slip_print is not None, timeout=10_000)
    assert not isinstance(till.controls.last_slip_print, str)

    # Stepping away: the lock, then the PIN.
    hands.key(K.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: till.idle_lock.screen is not None)
    assert not till.panel.isVisible()
    hands.type("1111")
    hands.enter()
    qtbot.waitUntil(lambda: till.idle_lock.screen is None)

    # The blind close: count by keys; tick the money order (the check was voided); card $0.
    with station.store.read() as s:
        expected = expected_cash(session_figures(s, till.state.session_id).movements)
    assert expected.cents == 12_000 + 4_000 + 1_000 - 640
    hands.key(K.Key_C, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(till.dialog, CloseSessionDialog))
    close = till.dialog
    pieces = counts_for(expected.cents)
    for d in DENOMINATIONS:
        if d.kind == "roll":
            break
        if pieces[d.key]:
            hands.type(str(pieces[d.key]))
        hands.enter()  # the next line
    assert close.grid.total() == expected
    hands.key(K.Key_Return, CTRL)  # to the checks: only the money order (the check was voided)
    assert close.checks.count() == 1
    hands.key(K.Key_Space)  # it is in the drawer
    hands.enter()  # to the card batch
    hands.enter()  # $0.00: the count is saved, the result shown
    qtbot.waitUntil(lambda: close.result is not None)
    assert "Over/short: even" in close.summary.toPlainText() or "$0.00" in (
        close.summary.toPlainText()
    )
    hands.enter()  # close the session
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog is not close)
    hands.key(K.Key_Escape)  # log out
    qtbot.waitUntil(login.isVisible)

    # The supervisor: the day view and its Z report, without opening a drawer of her own.
    login.username.setFocus()
    hands.type("sofia")
    hands.enter()
    hands.type("333333")
    hands.enter()
    qtbot.waitUntil(lambda: flow.drawer_dialog is not None and flow.drawer_dialog.isVisible())
    hands.key(K.Key_F11)
    qtbot.waitUntil(lambda: isinstance(flow.reports, DayViewDialog) and flow.reports.isVisible())
    report = flow.reports.report.toPlainText()
    assert "Z REPORT" in report and "Maria" in report
    net = first.total.cents + split.total.cents  # the check sale was voided
    assert f"${net / 100:,.2f}" in report
    hands.key(K.Key_P, CTRL)
    qtbot.waitUntil(lambda: "printed" in flow.reports.said(), timeout=10_000)
    assert sale_count(station) == 4  # three sales and the void's mirror
    (z,) = rows(station, "SELECT * FROM print_job WHERE kind = 'z_report'")
    assert z["status"] == "ok"
