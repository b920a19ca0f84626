"""The stop-service dialog, driven offscreen: a forwarding address, then the account closes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.services.utility.accounts import account_ledger
from counterpos.store.models import LedgerEntry, UtilityAccount
from counterpos.ui.account.stop_dialog import StopServiceDialog
from tests.conftest import login

pytestmark = pytest.mark.gui


def test_stop_service_dialog(qtbot, station):
    james = login(station, "james")
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.status == "active").limit(1))
        s.add(LedgerEntry(account_id=acct.id, entry_type="deposit", amount_cents=-50_000))
        account_no = acct.account_no
    dlg = StopServiceDialog(station, james, account_no)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "forwarding address" in dlg.errors()
    assert dlg.stop_result is None
    qtbot.keyClicks(dlg.forwarding, "88 Harbor Blvd, Long Beach CA 90802")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.stop_result is not None and dlg.stop_result.refund.cents > 0
    assert account_ledger(station, account_no).status == "closed"
