"""GUI: payments that arrive without a cashier, in the office's window against a real centre:
a lockbox file imported (an unknown account held in suspense, a second import refused), a mail
batch typed from the keyboard whose tape must equal the adding-machine total, and the suspense
list resolved by a supervisor (a clerk sees the buttons disabled with the reason)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.office import suspense
from tests.services.office.bank_files import payment_file
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.sync.helpers import first_accounts
from tests.ui.back_office.office_ui_support import window

pytestmark = [pytest.mark.gui, pytest.mark.pg]


def test_a_lockbox_file_and_its_suspense_resolved(qtbot, joined, centre, tmp_path):  # noqa: F811
    a, b = first_accounts(joined, 2)
    fiona = window(qtbot, joined, centre, "fiona")
    path = tmp_path / "lockbox-1130.csv"
    rows = [
        ("LB-1001", a, "45.10", "Ann Lee", "3301"),
        ("LB-1003", "99999999", "33.33", "Who Knows", "12"),
    ]
    path.write_text(payment_file(rows).replace("45.10", "45.1x"))
    assert fiona.payments.import_file(path) is None  # malformed: its line, nothing posted
    assert "nothing was posted. Line 2:" in fiona.status.text()
    assert fiona.suspense.list.rowCount() == 0
    path.write_text(payment_file(rows))
    got = fiona.payments.import_file(path)
    assert (got.posted, got.suspense) == (1, 1)
    assert fiona.status.text() == (
        "lockbox-1130.csv: 1 payment(s) posted, 1 held in suspense, total $78.43."
    )
    assert fiona.payments.import_file(path).duplicate
    assert "nothing was posted" in fiona.status.text()
    # The clerk sees the suspense payment, and why she cannot resolve it.
    page = fiona.suspense
    assert page.list.rowCount() == 1
    assert page.list.item(0, 0).text() == "LB-1003" and page.list.item(0, 2).text() == "$33.33"
    assert not page.apply_button.isEnabled() and not page.refund_button.isEnabled()
    assert "Only a finance supervisor" in page.apply_button.toolTip()
    fiona.tabs.setCurrentWidget(page)
    assert page.why.isVisibleTo(page) and "Only a finance supervisor" in page.why.text()
    fiona.log_out()

    felix = window(qtbot, joined, centre, "felix")
    page = felix.suspense
    assert page.apply_button.isEnabled() and not page.why.isVisibleTo(page)
    page.resolve("apply")
    assert felix.status.text() == "Choose a payment in the list first."
    page.list.selectRow(0)
    page.account.setText("NO-SUCH")
    assert page.resolve("apply") is None  # refused with a plain message, still listed
    assert page.list.rowCount() == 1 and felix.status.text() != "Up to date."
    page.list.selectRow(0)
    page.account.setText(b)
    receipt = page.resolve("apply")
    assert receipt and f"receipt {receipt}" in felix.status.text()
    assert page.list.rowCount() == 0 and suspense.open_items(felix.office) == []
    felix.log_out()


def test_a_mail_batch_typed_posts_only_when_the_tape_equals_the_total(qtbot, joined, centre):  # noqa: F811
    a, b = first_accounts(joined, 2)
    fiona = window(qtbot, joined, centre, "fiona")
    fiona.show()
    qtbot.waitExposed(fiona)
    fiona.tabs.setCurrentWidget(fiona.payments)
    page = fiona.payments
    qtbot.keyClicks(page.control, "50.00")

    def type_line(account: str, amount: str, check: str) -> None:
        page.account.setFocus()
        qtbot.keyClicks(page.account, account)
        qtbot.keyClick(page.account, Qt.Key.Key_Tab)
        assert fiona.focusWidget() is page.amount  # Tab goes on to the amount, then the check
        qtbot.keyClicks(page.amount, amount)
        qtbot.keyClick(page.amount, Qt.Key.Key_Tab)
        assert fiona.focusWidget() is page.check_no
        qtbot.keyClicks(page.check_no, check)
        qtbot.keyClick(page.check_no, Qt.Key.Key_Return)

    type_line(a, "12.345", "101")
    assert fiona.status.text().startswith("Not added to the tape:")
    assert page.tape_table.rowCount() == 0 and page.account.text() == a  # nothing lost
    page.account.clear()
    page.amount.clear()
    page.check_no.clear()
    type_line(a, "30.00", "101")
    assert page.tape_table.rowCount() == 1 and fiona.focusWidget() is page.account
    assert page.tape_label.text() == "Tape $30.00 (1 item(s)) of $50.00: difference $20.00."
    assert page.post_batch() is None  # the tape differs: refused, the tape kept
    assert "differs from the adding-machine total" in fiona.status.text()
    assert page.tape_table.rowCount() == 1
    type_line(b, "25.00", "102")
    assert page.tape_table.item(1, 4).text() == "$55.00"  # the running tape
    page.remove_last()
    type_line(b, "20.00", "102")
    assert page.tape_label.text() == "Tape $50.00 (2 item(s)) of $50.00: difference $0.00."
    done = page.post_batch()
    assert done is not None and (done.posted, done.total.cents) == (2, 5_000)
    assert "2 payment(s) posted" in fiona.status.text()
    assert page.tape_table.rowCount() == 0 and page.control.text() == ""
    fiona.log_out()
