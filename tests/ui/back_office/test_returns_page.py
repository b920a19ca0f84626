"""GUI: a returned check in the office's window against a real centre: the day's check
payments listed, one picked, the reason given and the question answered; the fee and the
cash-only flag that resulted shown; a clerk sees the action disabled with the reason."""

from __future__ import annotations

import pytest

from tests.conftest import login
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import close_exactly, open_drawer, push
from tests.services.office.test_returns import pay_by_check
from tests.sync.helpers import first_accounts
from tests.ui.back_office.office_ui_support import answer_next_question, window

pytestmark = [pytest.mark.gui, pytest.mark.pg]


def test_two_checks_returned_fee_then_cash_only(qtbot, joined, centre):  # noqa: F811
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    acct = first_accounts(joined, 1)[0]
    first = pay_by_check(joined, maria, d.session_id, acct, "80.00", "2001")
    second = pay_by_check(joined, maria, d.session_id, acct, "20.00", "2002")
    close_exactly(joined, maria, d.session_id)
    push(joined)

    fiona = window(qtbot, joined, centre, "fiona")
    page = fiona.returns
    assert page.list.rowCount() == 2  # she sees them, but may not return one
    assert not page.return_button.isEnabled()
    assert "Only a finance supervisor" in page.return_button.toolTip()
    fiona.log_out()

    felix = window(qtbot, joined, centre, "felix")
    felix.show()
    qtbot.waitExposed(felix)
    felix.tabs.setCurrentWidget(felix.returns)
    page = felix.returns
    rows = [[page.list.item(r, c).text() for c in (1, 4, 6)] for r in range(2)]
    assert rows == [[first.receipt_no, "2001", "$80.00"], [second.receipt_no, "2002", "$20.00"]]
    page.list.selectRow(0)
    page.reason.setCurrentIndex(0)
    seen: list[str] = []
    answer_next_question(False, seen)  # "No": nothing happens
    page.ask_and_return()
    assert "Reverse the payment of $80.00 on receipt" in seen[0]
    assert page.list.rowCount() == 2 and page.result.text() == ""

    answer_next_question(True, seen)
    page.ask_and_return()
    assert "Returned-check fee $25.00 (return no. 1 of this customer)" in page.result.text()
    assert "The account is not cash-only." in page.result.text()
    assert page.list.rowCount() == 1  # returned: no longer offered
    assert f"Payment of receipt {first.receipt_no} returned." == felix.status.text()

    page.list.selectRow(0)
    answer_next_question(True, seen)
    page.ask_and_return()
    assert "Returned-check fee $35.00 (return no. 2 of this customer)" in page.result.text()
    assert "The account now pays cash only until" in page.result.text()
    assert page.list.rowCount() == 0
    page.ask_and_return()
    assert felix.status.text() == "Choose the returned payment in the list first."
    felix.log_out()
