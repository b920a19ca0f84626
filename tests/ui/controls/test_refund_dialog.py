"""GUI: a refund from the till shows what is refundable and demands a supervisor on the spot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.money import Money
from counterpos.services.sale import refunds
from counterpos.ui.controls.refund_dialog import RefundDialog
from tests.sale_helpers import cash, ring
from tests.ui.conftest import approve_as_sofia, last_event

pytestmark = pytest.mark.gui


def test_refund_shows_what_is_refundable_and_needs_a_supervisor(qtbot, station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 4_000, cash(4_000))
    dlg = RefundDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    dlg.show_refundable()
    assert "$40.00" in dlg.said() and dlg.amount.text() == "40.00"
    dlg.amount.setText("45.00")
    dlg.reason.setText("Charged twice")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    # Bad input is refused before anyone is asked to approve it.
    assert "$40.00" in dlg.fields["amount"].error_text() and dlg.override_dialog is None
    dlg.amount.setText("15.00")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    approve_as_sofia(qtbot, dlg)
    assert "Hand back $15.00" in dlg.said()
    assert refunds.refundable(station, sale.receipt_no) == Money(2_500)
    ev = last_event(station, "refund")
    assert (ev.actor, ev.approver) == ("maria", "sofia")


def test_refund_over_what_was_paid_is_refused_plainly(qtbot, station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    dlg = RefundDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    dlg.amount.setText("12.00")
    dlg.reason.setText("Too much")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert (
        "$10.00" in dlg.fields["amount"].error_text()
        and dlg.result is None
        and dlg.override_dialog is None
    )
    assert refunds.refundable(station, sale.receipt_no) == Money(1_000)


def test_a_sale_of_several_lines_asks_which_line_is_refunded(qtbot, station, cashier, drawer):
    """$40.00 and $2.25 on one receipt: the refund names its line, and the amount follows it."""
    from tests.sale_helpers import cart_of

    sale = ring(station, cashier, drawer.session_id, cart_of(4_000, 225), cash(4_225))
    dlg = RefundDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    items = [dlg.line.itemText(i) for i in range(dlg.line.count())]
    assert items[:2] == ["Choose the line refunded", "Every line, in order"]
    assert items[2].startswith("1. ") and items[3].endswith("$2.25 left")
    dlg.reason.setText("Wrong fee")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "Choose the line refunded" in dlg.fields["line"].error_text()
    assert dlg.override_dialog is None and dlg.result is None
    dlg.line.setCurrentIndex(3)
    assert dlg.amount.text() == "2.25" and not dlg.fields["line"].error_text()
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    approve_as_sofia(qtbot, dlg)
    assert "Hand back $2.25" in dlg.said()
    assert [(x.line_no, x.left) for x in refunds.refundable_lines(station, sale.receipt_no)] == [
        (1, Money(4_000))
    ]
    assert last_event(station, "refund").details["line_no"] == 2


def test_a_one_line_sale_needs_no_choice(qtbot, station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    dlg = RefundDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    assert dlg.line.count() == 1 and not dlg.line.isEnabled()
