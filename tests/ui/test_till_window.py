"""The till end to end through real keys: find a customer, ring services, take cash and checks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from counterpos.domain.money import Money
from counterpos.services.sale import customers

pytestmark = pytest.mark.gui

K = Qt.Key


def rows(station, sql: str, **params) -> list[dict]:
    with station.store.read() as s:
        return [dict(r._mapping) for r in s.execute(text(sql), params)]


def sale_count(station) -> int:
    return rows(station, "SELECT COUNT(*) AS n FROM sale")[0]["n"]


def find(qtbot, drive, till, words: str, customer_id: str) -> None:
    """Type part of a name into the lookup, wait for the debounced search, pick with arrows/Enter."""
    drive.key(till, K.Key_F2)
    assert till.lookup.box.hasFocus()
    drive.type(till.lookup.box, words)
    qtbot.waitUntil(lambda: till.lookup.results.count() > 0, timeout=3000)
    ids = [
        till.lookup.results.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(till.lookup.results.count())
    ]
    assert customer_id in ids
    for _ in range(ids.index(customer_id)):
        drive.press(till.lookup.box, K.Key_Down)
    drive.press(till.lookup.box, K.Key_Return)
    assert till.panel.panel.customer_id == customer_id


def ring(qtbot, drive, till, hotkey: str):
    """F3 goes to the service list (choosing a customer already goes there); a number opens a form."""
    if not till.picker.hasFocus():
        drive.key(till, K.Key_F3)
    assert till.picker.hasFocus()
    drive.type(till.picker, hotkey)
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog.isVisible())
    return till.dialog


def test_pay_a_utility_bill_in_cash_with_change(qtbot, drive, till, station, owing):
    find(qtbot, drive, till, f"{owing['first_name'][:3]} {owing['last_name'][:4]}", owing["id"])
    due = Money(owing["due"])
    assert till.panel.balance_text(owing["account_no"]) == due.format()

    line = ring(qtbot, drive, till, "1")
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
    # The panel refreshed: the balance due dropped to zero; focus is back on the lookup.
    assert till.panel.balance_text(owing["account_no"]) == Money(0).format()
    assert customers.panel(station, owing["id"]).accounts[0].balance == Money(0)
    assert till.lookup.box.hasFocus()
    assert till.state.cart.lines == [] and till.total.text() == "$0.00"
    assert receipt_no in till.notice.text()


def test_partial_utility_payment_lowers_the_balance_by_what_was_paid(
    qtbot, drive, till, station, owing
):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    line = ring(qtbot, drive, till, "1")
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
    assert till.panel.balance_text(owing["account_no"]) == left.format()


def test_yard_sale_permit_paid_by_check(qtbot, drive, till, station, owing):
    find(qtbot, drive, till, owing["last_name"][:5], owing["id"])
    line = ring(qtbot, drive, till, "4")
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
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    line = ring(qtbot, drive, till, "8")  # miscellaneous receipt
    drive.type(line.fields["memo"].editor, "Copies of minutes")
    drive.type(line.fields["amount"].editor, "37.50")
    drive.press(line.fields["amount"].editor, K.Key_Return)
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


def test_remove_line_and_new_sale(qtbot, drive, till, station, owing):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    # Passports now need a senior cashier and their own dialog: ring two miscellaneous receipts.
    for _ in range(2):
        line = ring(qtbot, drive, till, "8")
        drive.type(line.fields["memo"].editor, "Copies")
        drive.type(line.fields["amount"].editor, "35.00")
        drive.press(line.fields["amount"].editor, K.Key_Return)
    assert till.total.text() == "$70.00" and till.cart_table.rowCount() == 2
    drive.key(till, K.Key_F4)
    assert till.total.text() == "$35.00" and till.cart_table.rowCount() == 1
    drive.key(till, K.Key_F8)
    assert till.state.cart.lines == [] and till.panel.panel is None
    assert till.lookup.box.hasFocus()
    drive.key(till, K.Key_F4)
    assert "no lines" in till.message.text()
    assert sale_count(station) == 0


def test_log_out_returns_to_login_and_next_login_skips_the_drawer(qtbot, drive, counter, till):
    login, flow = counter
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(login.isVisible)
    qtbot.waitUntil(login.username.hasFocus)
    assert not till.isVisible()
    drive.log_in(login, "maria", "1111")
    qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
    assert flow.drawer_dialog is None  # her session is still open: no second count
    assert "float $95.00" in flow.till.session_label.text()
    assert "Station T1" in flow.till.station_label.text()
    assert "Maria" in flow.till.cashier_label.text()
    flow.till.close()


def test_log_out_is_refused_with_a_sale_in_progress(qtbot, drive, till, owing):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    line = ring(qtbot, drive, till, "1")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    drive.key(till, K.Key_F12)
    assert till.isVisible() and "before logging out" in till.message.text()
    assert len(till.state.cart.lines) == 1


def test_a_cashier_is_told_plainly_she_may_not_stop_service(qtbot, drive, till, owing):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    till.picker.setCurrentRow([s.code for s in till.state.services].index("stop_service"))
    drive.key(till, K.Key_F3)
    assert till.dialog is None and till.state.cart.lines == []
    assert "may not stop utility service" in till.message.text()


def test_a_zero_dollar_stop_service_completes_without_a_tender(
    qtbot, drive, senior_till, station, owing
):
    # Stopping service now needs a senior cashier (start_stop_service): James rings it.
    till = senior_till
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    drive.key(till, K.Key_F3)  # in the list already: F3 opens the highlighted service
    till.dialog.reject()
    qtbot.waitUntil(lambda: till.dialog is None)
    till.picker.setCurrentRow([s.code for s in till.state.services].index("stop_service"))
    drive.key(till, K.Key_F3)
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


def test_esc_goes_back_to_the_lookup_then_clears_it(qtbot, drive, till, owing):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    assert till.picker.hasFocus()
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.hasFocus() and till.lookup.box.text() == owing["last_name"]
    drive.key(till, K.Key_Escape)
    assert till.lookup.box.text() == "" and till.lookup.results.count() == 0
    # The chosen customer stays until F8 (a new sale).
    assert till.panel.panel.customer_id == owing["id"]


def test_the_window_does_not_close_over_a_sale_in_progress(qtbot, drive, till, owing):
    find(qtbot, drive, till, owing["last_name"], owing["id"])
    line = ring(qtbot, drive, till, "1")
    drive.press(line.fields["amount"].editor, K.Key_Return)
    assert not till.close()
    assert till.isVisible() and "before closing" in till.message.text()
    drive.key(till, K.Key_F8)
    assert till.close()
