"""The transfer-service dialog, driven offscreen: refused to a cashier, then a new address."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.services.utility.accounts import account_ledger
from counterpos.store.models import UtilityAccount
from counterpos.ui.account.transfer_dialog import TransferServiceDialog
from tests.conftest import login

pytestmark = pytest.mark.gui


def test_transfer_dialog(qtbot, station, cashier):
    with station.store.read() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.status == "active").limit(1))
        other = s.scalar(select(UtilityAccount).where(UtilityAccount.id != acct.id).limit(1))
    denied = TransferServiceDialog(station, cashier, acct.account_no)
    qtbot.addWidget(denied)
    qtbot.keyClicks(denied.address, "901 Mesa Verde Ct")
    qtbot.mouseClick(denied.ok, Qt.MouseButton.LeftButton)
    assert "may not transfer" in denied.errors()
    dlg = TransferServiceDialog(station, login(station, "james"), acct.account_no)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.address, other.service_address)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "already has active service" in dlg.errors()
    dlg.address.clear()
    qtbot.keyClicks(dlg.address, "901 Mesa Verde Ct")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.new_account_no is not None
    assert account_ledger(station, dlg.new_account_no).status == "active"
    assert account_ledger(station, acct.account_no).status == "closed"
