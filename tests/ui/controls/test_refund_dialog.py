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
