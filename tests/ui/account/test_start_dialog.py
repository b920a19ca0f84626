"""The start-service dialog, driven offscreen: a new owner's service and deposit, paid and active."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.utility.accounts import account_ledger
from counterpos.store.models import UtilityAccount
from counterpos.ui.account.start_dialog import StartServiceDialog
from tests.services.counter_visit import pay_cash, senior_drawer

pytestmark = pytest.mark.gui


def test_start_service_dialog_new_customer(qtbot, station):
    dlg = StartServiceDialog(station)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.address, "4821 Sunset Ridge Dr")
    dlg.klass.setCurrentIndex(dlg.klass.findData("commercial"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "new owner's name and address" in dlg.errors()
    qtbot.keyClicks(dlg.owner_name, "Priya Shah")
    qtbot.keyClicks(dlg.owner_address, "PO Box 12, Mission Vista")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert [(x.service_code, x.amount.cents) for x in dlg.lines] == [
        ("start_service", 2500),
        ("utility_deposit", 25000),
    ]
    james, session_id = senior_drawer(station)
    pay_cash(station, james, session_id, Cart(lines=list(dlg.lines)))
    with station.store.read() as s:
        acct = s.scalar(
            select(UtilityAccount).where(UtilityAccount.service_address == "4821 Sunset Ridge Dr")
        )
    ledger = account_ledger(station, acct.account_no)
    assert (ledger.status, ledger.deposit_held.cents) == ("active", 25000)
