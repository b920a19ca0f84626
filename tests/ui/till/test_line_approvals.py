"""GUI, by keys: lines a supervisor approves on the spot at the till (ui/till/line_approvals.py)
— a misc receipt above the catalog's $10,000.00 ceiling, and a late penalty owed on a citation
paid earlier without it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.sale import catalog
from counterpos.store.models import Citation
from counterpos.ui.controls.line_approval_dialog import LineApprovalDialog
from counterpos.ui.till.service_line_dialog import ServiceLineDialog
from tests.services.counter_visit import TODAY, pay_cash
from tests.ui.conftest import last_event, rows

pytestmark = pytest.mark.gui

K = Qt.Key


def _approval_dialog(qtbot, till) -> LineApprovalDialog:
    qtbot.waitUntil(lambda: isinstance(till.dialog, LineApprovalDialog) and till.dialog.isVisible())
    return till.dialog


def _supervisor_approves(qtbot, drive, dlg: LineApprovalDialog) -> None:
    """The cashier lacks `approve_line`: Sofia types her name and PIN in the override."""
    qtbot.waitUntil(lambda: dlg.override_dialog is not None and dlg.override_dialog.isVisible())
    over = dlg.override_dialog
    drive.type(over.username, "sofia")
    drive.press(over.username, K.Key_Return)
    drive.type(over.pin, "333333")
    with qtbot.waitSignal(dlg.done_, timeout=5_000):
        drive.press(over.pin, K.Key_Return)


def _pay_exact_cash(qtbot, drive, till, amount: str) -> str:
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.key(pay, K.Key_F7)
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, amount)
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None, (
        pay.payment_page.message.text() + pay.payment_page.amount.error_text()
    )
    receipt_no = pay.completed.receipt_no
    drive.press(pay.done_page.next_button, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)
    return receipt_no


def _ring_misc(qtbot, drive, till, amount: str) -> None:
    line = drive.add_service(till, "8")
    drive.type(line.fields["memo"].editor, "Court-ordered restitution")
    drive.type(line.fields["amount"].editor, amount)
    drive.press(line.fields["amount"].editor, K.Key_Return)


def test_a_misc_receipt_above_the_ceiling_is_confirmed_by_a_supervisor_then_sold(
    qtbot, drive, till, station
):
    _ring_misc(qtbot, drive, till, "12,000.00")
    dlg = _approval_dialog(qtbot, till)
    assert "$12,000.00" in dlg.about.text() and "$10,000.00" in dlg.about.text()
    assert till.state.cart.lines == []  # not on the sale before it is confirmed
    # A reason first, and a real one: refused beside the field before anyone is asked.
    drive.type(dlg.reason, "ok")
    drive.press(dlg.reason, K.Key_Return)
    assert "reason" in dlg.fields["reason"].error_text() and dlg.override_dialog is None
    dlg.reason.clear()
    drive.type(dlg.reason, "Restitution ordered by the court")
    drive.press(dlg.reason, K.Key_Return)
    _supervisor_approves(qtbot, drive, dlg)
    assert "$12,000.00" in dlg.said()
    drive.press(dlg.ok, K.Key_Return)  # Done
    qtbot.waitUntil(lambda: till.dialog is None)
    [line] = till.state.cart.lines
    assert line.amount == Money(1_200_000) and line.details.get("approval_ref")
    assert till.total.text() == "$12,000.00"

    receipt_no = _pay_exact_cash(qtbot, drive, till, "12000.00")
    (saved,) = rows(
        station,
        "SELECT l.service_code, l.amount_cents FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "WHERE s.receipt_no = :r",
        r=receipt_no,
    )
    assert (saved["service_code"], saved["amount_cents"]) == ("misc_receipt", 1_200_000)
    event = last_event(station, "line_approved")
    assert (event.actor, event.approver) == ("maria", "sofia")
    assert event.details["reason"] == "Restitution ordered by the court"


def test_backing_out_of_the_confirmation_adds_nothing_and_says_why(qtbot, drive, till):
    _ring_misc(qtbot, drive, till, "10,000.01")
    dlg = _approval_dialog(qtbot, till)
    drive.press(dlg.reason, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert till.state.cart.lines == []
    assert "was not added" in till.message.text() and "$10,000.00" in till.message.text()
    # At the ceiling itself no one is asked.
    _ring_misc(qtbot, drive, till, "10,000.00")
    qtbot.waitUntil(lambda: till.dialog is None)
    assert [x.amount for x in till.state.cart.lines] == [Money(1_000_000)]


def test_a_penalty_owed_on_a_citation_paid_earlier_is_offered_and_approved(
    qtbot, drive, till, station
):
    (paid,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    pay_cash(station, till.state.actor, till.state.session_id, Cart([paid]))
    # As if it had been paid past its 21 days without the penalty (before the rule held).
    with station.store.write() as s:
        s.get_one(Citation, "PC240001").issued_on = TODAY - timedelta(days=40)

    form = drive.add_service(till, "7")
    assert isinstance(form, ServiceLineDialog) and not form.penalty_button.isVisible()
    drive.type(form.fields["citation_no"].editor, "PC240001")
    drive.press(form.fields["citation_no"].editor, K.Key_Return)
    assert "already paid" in form.field_error("citation_no")
    # The refusal offers the supervisor's action on the spot, focused: Enter takes it.
    assert form.penalty_button.isVisible() and "$25.00" in form.penalty_button.text()
    assert form.focusWidget() is form.penalty_button
    drive.press(form.penalty_button, K.Key_Return)
    dlg = _approval_dialog(qtbot, till)
    assert "PC240001" in dlg.about.text() and "$25.00" in dlg.about.text()
    drive.type(dlg.reason, "Paid late in October without the penalty")
    drive.press(dlg.reason, K.Key_Return)
    _supervisor_approves(qtbot, drive, dlg)
    drive.press(dlg.ok, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)
    [line] = till.state.cart.lines
    assert (line.service_code, line.amount) == ("citation_late_penalty", Money(2500))

    receipt_no = _pay_exact_cash(qtbot, drive, till, "25.00")
    (saved,) = rows(
        station,
        "SELECT l.service_code, l.amount_cents FROM sale_line l JOIN sale s ON s.id = l.sale_id "
        "WHERE s.receipt_no = :r",
        r=receipt_no,
    )
    assert (saved["service_code"], saved["amount_cents"]) == ("citation_late_penalty", 2500)
    event = last_event(station, "line_approved")
    assert (event.actor, event.approver, event.details["kind"]) == ("maria", "sofia", "penalty")
    # Paid now: the form refuses the citation again and offers nothing more.
    form = drive.add_service(till, "7")
    drive.type(form.fields["citation_no"].editor, "PC240001")
    drive.press(form.fields["citation_no"].editor, K.Key_Return)
    assert "already paid" in form.field_error("citation_no")
    assert not form.penalty_button.isVisible()


def test_a_citation_paid_in_time_offers_no_penalty(qtbot, drive, till, station):
    (paid,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    pay_cash(station, till.state.actor, till.state.session_id, Cart([paid]))
    form = drive.add_service(till, "7")
    drive.type(form.fields["citation_no"].editor, "PC240001")
    drive.press(form.fields["citation_no"].editor, K.Key_Return)
    assert "already paid" in form.field_error("citation_no")
    assert not form.penalty_button.isVisible() and till.state.cart.lines == []
