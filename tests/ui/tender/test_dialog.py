"""The tender dialog: bad tenders get a plain message by their field and save nothing; the receipt
it shows is the one it hands on for printing, read back once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.cart import Cart
from counterpos.domain.receipt_document import render_text
from counterpos.services.sale import catalog, receipts
from counterpos.ui.tender.dialog import TenderDialog
from tests.ui.conftest import sale_count

pytestmark = pytest.mark.gui
K = Qt.Key


@pytest.fixture
def pay(qtbot, styled, station, cashier, drawer):
    cart = Cart()
    cart.add(catalog.price_line(station, "passport_photo", quantity=3))  # 3 x $15.00
    dialog = TenderDialog(station, cashier, drawer.session_id, cart)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def enter_amount(drive, dialog, typed: str) -> None:
    dialog.payment_page.amount.editor.clear()
    drive.type(dialog.payment_page.amount.editor, typed)
    drive.press(dialog.payment_page.amount.editor, K.Key_Return)


@pytest.mark.parametrize(
    "typed, says",
    [
        ("4o.00", "is not an amount"),
        ("45.001", "at most two decimals"),
        ("-45.00", "more than $0.00"),
        ("0", "more than $0.00"),
        ("5000000", "over $1,000,000.00"),
        ("40.00", "less than the $45.00 due"),
    ],
)
def test_bad_cash_is_refused_by_the_amount_field(qtbot, drive, pay, station, typed, says):
    assert pay.payment_page.total_label.text() == "$45.00"
    enter_amount(drive, pay, typed)
    assert says in pay.payment_page.amount.error_text()
    assert pay.completed is None and pay.parts == [] and pay.isVisible()
    assert sale_count(station) == 0


def test_a_check_needs_its_number_and_payer(qtbot, drive, pay, station):
    drive.key(pay, K.Key_F8)
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert "check number" in pay.payment_page.number.error_text()
    assert pay.payment_page.amount.error_text() == ""
    drive.type(pay.payment_page.number.editor, "2201")
    drive.press(pay.payment_page.number.editor, K.Key_Return)
    assert "payer" in pay.payment_page.payer.error_text()
    assert pay.completed is None and sale_count(station) == 0
    drive.type(pay.payment_page.payer.editor, "R. Diaz")
    drive.press(pay.payment_page.payer.editor, K.Key_Return)
    assert pay.completed is not None and sale_count(station) == 1


def test_a_check_cannot_be_for_more_than_is_due(qtbot, drive, pay, station):
    drive.key(pay, K.Key_F8)
    drive.type(pay.payment_page.number.editor, "2201")
    drive.type(pay.payment_page.payer.editor, "R. Diaz")
    enter_amount(drive, pay, "50.00")
    assert "cannot give change" in pay.payment_page.amount.error_text()
    assert pay.completed is None and sale_count(station) == 0


def test_cash_shows_the_change_while_typing_and_large_after(qtbot, drive, pay, station):
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "50")
    assert pay.payment_page.change_preview.text() == "Change $5.00"
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.done_page.change_due.text() == "$5.00"
    assert (
        "Change" in pay.done_page.preview.toPlainText()
        and "$5.00" in pay.done_page.preview.toPlainText()
    )


def test_removing_a_part_restores_what_is_due(qtbot, drive, pay, station):
    enter_amount(drive, pay, "")  # nothing typed: plain message, nothing taken
    assert "Enter an amount" in pay.payment_page.amount.error_text()
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "20")
    drive.key(pay, K.Key_F6)
    assert pay.payment_page.remaining_label.text() == "$25.00" and len(pay.parts) == 1
    drive.key(pay, K.Key_F4)
    assert pay.payment_page.remaining_label.text() == "$45.00" and pay.parts == []
    drive.press(pay.payment_page.amount.editor, K.Key_Escape)
    assert not pay.isVisible() and pay.completed is None and sale_count(station) == 0


def test_the_receipt_on_screen_is_the_one_handed_on(qtbot, drive, pay, station):
    handed = []
    pay.sale_saved.connect(handed.append)
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "50.00")
    drive.press(pay.payment_page.amount.editor, Qt.Key.Key_Return)
    [done] = handed
    assert done is pay.completed and done.receipt is not None
    assert pay.receipt_lines == render_text(done.receipt)
    assert render_text(done.receipt) == render_text(
        receipts.receipt_document(station, done.receipt_no)
    )
    assert any("$5.00" in line for line in pay.receipt_lines)  # the change


def test_a_price_changed_since_ringing_refuses_the_sale_and_shows_the_new_total(
    qtbot, drive, styled, station, cashier, drawer
):
    import dataclasses

    from counterpos.domain.money import Money

    cart = Cart()
    line = catalog.price_line(station, "passport_photo", quantity=3)  # 3 x $15.00
    cart.add(dataclasses.replace(line, amount=Money(3_000)))  # rung before a fee went up
    dialog = TenderDialog(station, cashier, drawer.session_id, cart)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    enter_amount(drive, dialog, "30.00")
    said = dialog.payment_page.message.text()
    assert "now $45.00, not $30.00" in said and "New total: $45.00" in said
    assert dialog.completed is None and sale_count(station) == 0 and dialog.repriced
    assert cart.total == Money(4_500)  # the till's own cart, priced again
    assert dialog.payment_page.total_label.text() == "$45.00"
    enter_amount(drive, dialog, "45.00")
    assert dialog.completed is not None and sale_count(station) == 1


def test_the_key_bar_names_the_quick_cash_keys_offered_now(qtbot, drive, pay):
    """$45.00 due: $45, $50, $60, $100 on Alt+1…4; a $40.00 part leaves $5.00: five amounts."""
    key = pay.bar.keys["Alt+1…6"]
    assert key.text() == "Alt+1…4" and key.isVisible()
    assert len(pay.payment_page.quick_amounts()) == 4
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "40")
    drive.key(pay, K.Key_F6)
    assert pay.payment_page.remaining_label.text() == "$5.00"
    assert key.text() == "Alt+1…5" and len(pay.payment_page.quick_amounts()) == 5
    assert key.width() >= key.fontMetrics().horizontalAdvance(key.text())
