"""The account adjustment dialog, driven offscreen: a second login approves, and not just anyone's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.services.utility.accounts import account_ledger
from counterpos.store.models import UtilityAccount
from counterpos.ui.account.adjustment_dialog import AccountAdjustmentDialog
from counterpos.ui.account.ledger_dialog import AccountLedgerDialog
from tests.conftest import login

pytestmark = pytest.mark.gui


def misread_by_sofia(qtbot, dlg) -> None:
    """-$7.25 for a misread meter, approved by Sofia (supervisor), then OK."""
    qtbot.keyClicks(dlg.amount, "-7.25")
    dlg.reason.setCurrentIndex(dlg.reason.findData("misread"))
    qtbot.keyClicks(dlg.approver, "sofia")
    qtbot.keyClicks(dlg.pin, "333333")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)


def test_adjustment_dialog_needs_a_second_login(qtbot, station, supervisor):
    with station.store.read() as s:
        account_no = s.scalar(select(UtilityAccount.account_no).limit(1))
    before = account_ledger(station, account_no).balance
    dlg = AccountAdjustmentDialog(station, supervisor, account_no)
    qtbot.addWidget(dlg)
    misread_by_sofia(qtbot, dlg)
    assert "Another supervisor" in dlg.errors() and dlg.pin.text() == ""
    dlg.approver.clear()
    qtbot.keyClicks(dlg.approver, "james")  # a senior cashier may not approve
    qtbot.keyClicks(dlg.pin, "2222")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "may not approve" in dlg.errors()
    cashier = login(station, "maria")
    dlg2 = AccountAdjustmentDialog(station, cashier, account_no)
    qtbot.addWidget(dlg2)
    misread_by_sofia(qtbot, dlg2)
    assert dlg2.new_balance.cents == before.cents - 725
    ledger = AccountLedgerDialog(station, account_no)
    qtbot.addWidget(ledger)
    last = ledger.table.rowCount() - 1
    assert ledger.table.item(last, 1).text() == "Adjustment"
    assert ledger.table.item(last, 3).text() == "-$7.25"
