"""The card payment dialog, driven offscreen against the simulated terminal over TCP."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services import config
from counterpos.services.card.requests import open_requests
from counterpos.services.card.sales import finish_sale
from counterpos.services.sale import catalog, receipts
from counterpos.ui.tender.card_dialog import CardPaymentDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def terminal(sim, station):
    config.set_value(station, "card.terminal", sim.url, None)
    t = TcpTerminal(sim.url, sale_timeout=5.0, call_timeout=3.0, connect_timeout=1.0)
    yield t
    t.close()


def utility_cart(station, amount: str) -> Cart:
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": "10000000"}, amount_text=amount
        )
    )
    return cart


def open_dialog(qtbot, station, cashier, drawer, cart, amount, terminal):
    dlg = CardPaymentDialog(station, cashier, drawer.session_id, cart, amount, terminal=terminal)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def run_and_wait(qtbot, dlg):
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    assert "Waiting for the terminal" in dlg.status_label.text()
    assert dlg.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dlg._busy, timeout=10_000)


def test_split_cash_and_card_with_the_fee_shown_and_printed(
    qtbot, station, cashier, drawer, sim, terminal
):
    """A utility payment: $20 cash, the rest by card, the convenience fee shown and printed."""
    config.set_value(station, "card.convenience_fee", "utility=3%", None)
    cart = utility_cart(station, "120.00")
    dlg = open_dialog(qtbot, station, cashier, drawer, cart, Money(10000), terminal)
    assert dlg.amount_label.text() == "$100.00"
    assert dlg.fee_label.text() == "$3.00"
    assert "$103.00" in dlg.charge_label.text()
    run_and_wait(qtbot, dlg)
    assert "Approved: $103.00" in dlg.status_label.text()
    assert dlg.done_button.isVisible()
    qtbot.mouseClick(dlg.done_button, Qt.MouseButton.LeftButton)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert dlg.payment.approved == Money(10300)
    done = finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [Tender("cash", Money(2000))],
        [dlg.payment.request_id],
    )
    doc = receipts.receipt_document(station, done.receipt_no)
    assert [(li.description, li.amount) for li in doc.lines][-1] == (
        "Card convenience fee",
        Money(300),
    )
    assert sim.records[dlg.payment.request_id].requested_cents == 10300


def test_decline_shows_the_reason_and_returns_to_tender(
    qtbot, station, cashier, drawer, sim, terminal
):
    sim.push("decline")
    dlg = open_dialog(
        qtbot, station, cashier, drawer, utility_cart(station, "40.00"), Money(4000), terminal
    )
    run_and_wait(qtbot, dlg)
    assert "Declined: insufficient funds" in dlg.status_label.text()
    assert dlg.run_button.isEnabled() and dlg.run_button.text() == "Try again (Enter)"
    assert dlg.payment is None
    # another card, approved
    run_and_wait(qtbot, dlg)
    assert dlg.payment is not None and dlg.payment.approved == Money(4000)


def test_partial_approval_says_what_is_still_due(qtbot, station, cashier, drawer, sim, terminal):
    sim.push("partial:25.00")
    dlg = open_dialog(
        qtbot, station, cashier, drawer, utility_cart(station, "40.00"), Money(4000), terminal
    )
    run_and_wait(qtbot, dlg)
    text = dlg.status_label.text()
    assert "Partly approved: $25.00 of $40.00" in text and "$15.00 is still due" in text
    qtbot.mouseClick(dlg.done_button, Qt.MouseButton.LeftButton)
    assert dlg.payment.base == Money(2500)


def test_cancel_while_the_customer_is_at_the_pin_pad(
    qtbot, station, cashier, drawer, sim, terminal
):
    sim.push("wait:20")
    dlg = open_dialog(
        qtbot, station, cashier, drawer, utility_cart(station, "40.00"), Money(4000), terminal
    )
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg._request_id is not None and dlg._request_id in sim.records)
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()  # the dialog waits for the terminal's own answer
    qtbot.waitUntil(lambda: not dlg._busy, timeout=10_000)
    assert "Cancelled" in dlg.status_label.text()
    assert open_requests(station) == []


def test_unknown_outcome_offers_a_status_check(qtbot, station, cashier, drawer, sim):
    sim.push("timeout")
    config.set_value(station, "card.terminal", sim.url, None)
    t = TcpTerminal(sim.url, sale_timeout=0.5, call_timeout=2.0)

    class Mute(TcpTerminal):
        answer = False

        def status(self, request_id):
            if not self.answer:
                from counterpos.hardware.card_terminal import TerminalTimeout

                raise TerminalTimeout("no answer")
            return super().status(request_id)

    mute = Mute(sim.url, sale_timeout=0.5, call_timeout=2.0)
    try:
        dlg = open_dialog(
            qtbot, station, cashier, drawer, utility_cart(station, "40.00"), Money(4000), mute
        )
        run_and_wait(qtbot, dlg)
        assert "may or may not have been charged" in dlg.status_label.text()
        assert dlg.check_button.isVisible() and not dlg.run_button.isEnabled()
        mute.answer = True
        qtbot.mouseClick(dlg.check_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dlg._busy, timeout=10_000)
        assert "Approved: $40.00" in dlg.status_label.text()
        assert sim.sales_received == 1
    finally:
        t.close()
        mute.close()


def test_standalone_terminal_takes_keyed_results(qtbot, station, cashier, drawer):
    dlg = CardPaymentDialog(
        station, cashier, drawer.session_id, utility_cart(station, "40.00"), Money(4000)
    )
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.standalone.isVisible()
    # It says what it is at its top, as every dialog does (not only in the window's title).
    assert dlg.heading.isVisible() and dlg.heading.text() == "Card payment"
    assert dlg.heading.geometry().top() < dlg.amount_label.geometry().top()
    qtbot.keyClicks(dlg.approval_edit, "ok77")
    qtbot.keyClicks(dlg.last4_edit, "4242")
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    assert "Approved: $40.00, VISA ending 4242" in dlg.status_label.text()


def test_a_card_left_unknown_is_checked_before_another_runs(
    qtbot, station, cashier, drawer, sim, terminal
):
    """Closed while unknown: the next dialog opens on that card, asks, and finds it declined."""
    from counterpos.hardware.card_terminal import TerminalTimeout

    sim.push("timeout-decline")

    class Mute(TcpTerminal):
        def status(self, request_id):
            raise TerminalTimeout("no answer")

    mute = Mute(sim.url, sale_timeout=0.5, call_timeout=2.0)
    cart = utility_cart(station, "40.00")
    try:
        first = open_dialog(qtbot, station, cashier, drawer, cart, Money(4000), mute)
        run_and_wait(qtbot, first)
        assert first.check_button.isVisible()
        first.reject()
    finally:
        mute.close()
    second = open_dialog(qtbot, station, cashier, drawer, cart, Money(4000), terminal)
    assert "may or may not have been charged" in second.status_label.text()
    assert not second.run_button.isEnabled()
    qtbot.mouseClick(second.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not second._busy, timeout=10_000)
    assert "Declined" in second.status_label.text() and second.run_button.isEnabled()
    run_and_wait(qtbot, second)
    assert second.payment is not None and second.payment.approved == Money(4000)
    assert sim.sales_received == 2 and open_requests(station) == []


def test_a_refused_code_is_said_in_red_and_the_buttons_name_their_keys(
    qtbot, styled, station, cashier, drawer
):
    """The keyed card's refusal ("Enter the approval code…") was in the hint's plain colour,
    and its buttons, unlike every other dialog's, named no key and put Cancel on the right."""
    from PySide6.QtGui import QPalette

    dlg = CardPaymentDialog(
        station, cashier, drawer.session_id, utility_cart(station, "40.00"), Money(4000)
    )
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)

    def colour() -> str:
        return dlg.status_label.palette().color(QPalette.ColorRole.WindowText).name()

    plain = colour()
    qtbot.keyClick(dlg.approval_edit, Qt.Key.Key_Return)  # no code typed
    assert dlg.payment is None and "approval code" in dlg.status_label.text()
    refused = colour()
    assert refused != plain
    assert dlg.run_button.text().endswith("(Enter)") and dlg.cancel_button.text().endswith("(Esc)")
    assert dlg.cancel_button.x() < dlg.run_button.x()
    qtbot.keyClicks(dlg.approval_edit, "ok77")
    qtbot.keyClicks(dlg.last4_edit, "4242")
    qtbot.keyClick(dlg.last4_edit, Qt.Key.Key_Return)
    assert dlg.payment is not None and colour() not in (plain, refused)
    assert dlg.done_button.text() == "Done (Enter)"
