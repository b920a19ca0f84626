"""Whole sales through the real till window, by keys: find a customer, ring services, take cash
and checks, and read back what was saved.

Each flow starts at the till window (ui/till/window.py) and runs on through its service forms
and the tender dialog; what the window itself does is in test_window.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.money import Money
from counterpos.services.sale import customers
from tests.ui.conftest import rows

pytestmark = pytest.mark.gui

K = Qt.Key


def test_pay_a_utility_bill_in_cash_with_change(qtbot, drive, till, station, owing):
    drive.find(till, f"{owing['first_name'][:3]} {owing['last_name'][:4]}", owing["id"])
    due = Money(owing["due"])
    assert till.panel.balance_text(owing["account_no"]) == due.format()

    line = drive.add_service(till, "1")
    # The payment defaults to the selected account's balance due.
    assert line.value("account_no") == owing["account_no"]
    assert line.value("amount") == due.plain()
    drive.press(line.fields["amount"].editor, K.Key_Return)
    assert till.state.cart.total == due
    assert till.total.text() == due.format()

    tendered = Money((due.cents // 100 + 20) * 100)  # the next bills up plus a twenty
    drive.key(till, K.Key_F5)
    pay = till.dialog
    assert pay.payment_page.remaining_label.text() == due.format()
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, tendered.plain())
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    change = tendered - due
    assert pay.completed is not None, (
        pay.payment_page.message.text() + pay.payment_page.amount.error_text()
    )
    assert pay.done_page.change_due.text() == change.format()
    assert pay.done_page.receipt_no.text().endswith(pay.completed.receipt_no)
    preview = pay.done_page.preview.toPlainText()
    assert pay.completed.receipt_no in preview and f"Account {owing['account_no']}" in preview
    receipt_no = pay.completed.receipt_no
    drive.press(pay.done_page.next_button, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)

    sale = rows(station, "SELECT * FROM sale WHERE receipt_no = :r", r=receipt_no)[0]
    assert sale["total_cents"] == due.cents and sale["change_cents"] == change.cents
    assert sale["customer_id"] == owing["id"]
    lines = rows(station, "SELECT * FROM sale_line WHERE sale_id = :s", s=sale["id"])
    assert [(x["service_code"], x["amount_cents"]) for x in lines] == [
        ("utility_payment", due.cents)
    ]
    tenders = rows(station, "SELECT * FROM tender WHERE sale_id = :s", s=sale["id"])
    assert [
        (t["kind"], t["amount_cents"], t["tendered_cents"], t["change_cents"]) for t in tenders
    ] == [("cash", due.cents, tendered.cents, change.cents)]
    # The balance due dropped to zero; the screen is clear for the next customer, focus on
    # the lookup.
    assert customers.panel(station, owing["id"]).accounts[0].balance == Money(0)
    assert till.panel.panel is None and till.state.account is None
    assert till.focusWidget() is till.lookup.box
    assert till.state.cart.lines == [] and till.total.text() == "$0.00"
    assert receipt_no in till.notice.text()


def test_partial_utility_payment_lowers_the_balance_by_what_was_paid(
    qtbot, drive, till, station, owing
):
    drive.find(till, owing["last_name"], owing["id"])
    line = drive.add_service(till, "1")
    line.fields["amount"].editor.clear()
    drive.type(line.fields["amount"].editor, "10.00")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.press(pay.payment_page.amount.editor, K.Key_Return)  # exact cash, no change
    # One Enter saves the sale; the change-due page stays until the next Enter.
    assert pay.isVisible() and pay.pages.currentIndex() == 1
    assert pay.completed.change == Money(0) and pay.done_page.change_due.text() == "$0.00"
    drive.press(pay.done_page.next_button, K.Key_Return)
    qtbot.waitUntil(lambda: till.dialog is None)
    left = Money(owing["due"] - 1000)
    assert customers.panel(station, owing["id"]).accounts[0].balance == left
    # The next customer starts clear: F3 1 does not offer the last one's account.
    assert till.panel.panel is None
    drive.key(till, K.Key_F3)
    drive.type(till.picker, "1")
    qtbot.waitUntil(lambda: till.dialog is not None)
    assert till.dialog.value("account_no") == "" and till.dialog.value("amount") == ""


def test_yard_sale_permit_paid_by_check(qtbot, drive, till, station, owing):
    drive.find(till, owing["last_name"][:5], owing["id"])
    line = drive.add_service(till, "4")
    drive.type(line.fields["address"].editor, "412 Lemon St")
    assert line.value("start_date")  # today, filled in
    line.fields["days"].editor.setCurrentIndex(1)
    drive.press(line.fields["address"].editor, K.Key_Return)
    assert [x.service_code for x in till.state.cart.lines] == ["yard_sale_permit"]
    assert till.total.text() == "$20.00"

    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.key(pay, K.Key_F8)  # check
    assert pay.payment_page.kind.currentData() == "check"
    drive.type(pay.payment_page.number.editor, "1043")
    drive.type(pay.payment_page.payer.editor, "Jane Q. Public")
    drive.press(pay.payment_page.payer.editor, K.Key_Return)
    assert pay.completed is not None, pay.payment_page.message.text()
    assert pay.done_page.change_due.text() == "$0.00"
    receipt_no = pay.completed.receipt_no
    drive.press(pay.done_page.next_button, K.Key_Return)

    sale = rows(station, "SELECT * FROM sale WHERE receipt_no = :r", r=receipt_no)[0]
    assert sale["total_cents"] == 2000
    (ln,) = rows(station, "SELECT * FROM sale_line WHERE sale_id = :s", s=sale["id"])
    assert ln["service_code"] == "yard_sale_permit" and ln["amount_cents"] == 2000
    assert '"412 Lemon St"' in ln["details"] and '"days": "2"' in ln["details"]
    (t,) = rows(station, "SELECT * FROM tender WHERE sale_id = :s", s=sale["id"])
    assert (t["kind"], t["amount_cents"], t["reference"], t["payer"]) == (
        "check",
        2000,
        "1043",
        "Jane Q. Public",
    )
    (doc,) = rows(station, "SELECT * FROM issued_document WHERE sale_id = :s", s=sale["id"])
    assert doc["doc_type"] == "yard_sale_permit" and doc["holder"] == "412 Lemon St"


def test_split_tender_check_then_cash(qtbot, drive, till, station, owing):
    drive.find(till, owing["last_name"], owing["id"])
    drive.add_misc(till, "Copies of minutes", "37.50")
    assert till.total.text() == "$37.50"
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.key(pay, K.Key_F9)  # money order
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "20")
    drive.type(pay.payment_page.number.editor, "MO-7781")
    drive.key(pay, K.Key_F6)  # take it as one part
    assert pay.completed is None
    assert pay.payment_page.remaining_label.text() == "$17.50"
    drive.key(pay, K.Key_F7)  # cash for the rest
    pay.payment_page.amount.editor.clear()
    drive.type(pay.payment_page.amount.editor, "20")
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None and pay.done_page.change_due.text() == "$2.50"
    sale_id = pay.completed.sale_id
    drive.press(pay.done_page.next_button, K.Key_Return)
    tenders = rows(station, "SELECT * FROM tender WHERE sale_id = :s ORDER BY position", s=sale_id)
    assert [(t["kind"], t["amount_cents"], t["change_cents"], t["reference"]) for t in tenders] == [
        ("money_order", 2000, 0, "MO-7781"),
        ("cash", 1750, 250, ""),
    ]
    (ln,) = rows(station, "SELECT * FROM sale_line WHERE sale_id = :s", s=sale_id)
    assert ln["service_code"] == "misc_receipt" and ln["amount_cents"] == 3750


def test_a_zero_dollar_stop_service_completes_without_a_tender(
    qtbot, drive, senior_till, station, owing
):
    # Stopping service now needs a senior cashier (start_stop_service): James rings it.
    till = senior_till
    drive.find(till, owing["last_name"], owing["id"])
    drive.key(till, K.Key_F3)  # in the list already: F3 opens nothing by itself
    assert till.dialog is None
    till.picker.select_code("stop_service")
    drive.press(till.picker, K.Key_Return)  # Enter opens the highlighted service
    form = till.dialog
    assert form.service.code == "stop_service"
    drive.type(form.fields["forwarding_address"].editor, "PO Box 12, Fresno CA")
    drive.press(form.fields["forwarding_address"].editor, K.Key_Return)
    assert till.total.text() == "$0.00"
    assert "PO Box 12, Fresno CA" in till.cart_table.item(0, 2).text()
    drive.key(till, K.Key_F5)
    pay = till.dialog
    drive.press(pay.payment_page.amount.editor, K.Key_Return)
    assert pay.completed is not None and pay.completed.total == Money(0)
    (t,) = rows(
        station, "SELECT COUNT(*) AS n FROM tender WHERE sale_id = :s", s=pay.completed.sale_id
    )
    assert t["n"] == 0
