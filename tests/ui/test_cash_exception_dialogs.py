"""GUI: refund, paid-out and no-sale from the till, each demanding a supervisor on the spot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.services.sale import refunds
from counterpos.store.models import AuditEvent, PaidInOut
from counterpos.ui.controls.no_sale_dialog import NoSaleDialog
from counterpos.ui.controls.paid_in_out_dialog import PaidInOutDialog
from counterpos.ui.controls.refund_dialog import RefundDialog
from tests.printing_support import PtyPort, set_setting
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui


def approve_as_sofia(qtbot, dlg) -> None:
    over = dlg.override_dialog
    assert over is not None, dlg.error.text()
    over.username.setText("sofia")
    over.pin.setText("3333")
    with qtbot.waitSignal(dlg.done_, timeout=5_000):
        over.try_approve()


def last_event(station, action):
    with station.store.read() as s:
        return s.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq.desc())
        ).first()


def test_refund_shows_what_is_refundable_and_needs_a_supervisor(qtbot, station, cashier, drawer):
    sale = ring(station, cashier, drawer.session_id, 4_000, cash(4_000))
    dlg = RefundDialog(station, cashier, drawer.session_id, sale.receipt_no)
    qtbot.addWidget(dlg)
    dlg.show_refundable()
    assert "$40.00" in dlg.error.text() and dlg.amount.text() == "40.00"
    dlg.amount.setText("45.00")
    dlg.reason.setText("Charged twice")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    # Bad input is refused before anyone is asked to approve it.
    assert "$40.00" in dlg.error.text() and dlg.override_dialog is None
    dlg.amount.setText("15.00")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    approve_as_sofia(qtbot, dlg)
    assert "Hand back $15.00" in dlg.error.text()
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
    assert "$10.00" in dlg.error.text() and dlg.result is None and dlg.override_dialog is None
    assert refunds.refundable(station, sale.receipt_no) == Money(1_000)


def test_paid_out_with_override_is_recorded(qtbot, station, cashier, drawer):
    dlg = PaidInOutDialog(station, cashier, drawer.session_id)
    qtbot.addWidget(dlg)
    dlg.amount.setText("8.00")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "reason" in dlg.error.text().lower() and dlg.override_dialog is None
    dlg.reason.setText("Postage")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    approve_as_sofia(qtbot, dlg)
    with station.store.read() as s:
        [row] = s.scalars(select(PaidInOut)).all()
    assert (row.direction, row.amount_cents, row.reason) == ("out", 800, "Postage")
    assert "paid-out" in dlg.error.text() and "$8.00" in dlg.error.text()


def test_no_sale_kicks_the_drawer_after_the_supervisor_approves(qtbot, station, cashier, drawer):
    port = PtyPort()
    try:
        set_setting(station, "drawer.port", port.path)
        dlg = NoSaleDialog(station, cashier, drawer.session_id)
        qtbot.addWidget(dlg)
        dlg.reason.setText("Change for the bus")
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
        assert port.read_available(1, timeout=0.3) == b""  # nothing before the approval
        approve_as_sofia(qtbot, dlg)
        assert port.read_available(5) == bytes.fromhex("1b700019fa")
        ev = last_event(station, "no_sale")
        assert (ev.actor, ev.approver, ev.details["reason"]) == (
            "maria",
            "sofia",
            "Change for the bus",
        )
    finally:
        port.close()


def test_no_sale_with_no_drawer_configured_says_so(qtbot, station, cashier, drawer):
    dlg = NoSaleDialog(station, cashier, drawer.session_id)
    qtbot.addWidget(dlg)
    dlg.reason.setText("Change for the bus")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    dlg.override_dialog.username.setText("sofia")
    dlg.override_dialog.pin.setText("3333")
    dlg.override_dialog.try_approve()
    assert "drawer" in dlg.error.text().lower() and dlg.ok.isEnabled()
