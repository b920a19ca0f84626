"""The till's menu bar: every action with its key, and the Account menu's refusals and ledger."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.account.ledger_dialog import AccountLedgerDialog
from counterpos.ui.controls.override_dialog import OverrideDialog

pytestmark = pytest.mark.gui

K = Qt.Key


def test_the_menus_show_every_action_with_its_key(till):
    titles = [a.text() for a in till.menuBar().actions()]
    assert titles == ["&Sale", "&Account", "&Controls"]
    keys = {name: a.shortcut().toString() for name, a in till.menus.actions.items()}
    assert keys["pay"] == "F5" and keys["logout"] == "F12"
    assert (keys["cash"], keys["check"], keys["money_order"], keys["card"]) == (
        "F7",
        "F8",
        "F9",
        "F10",
    )
    assert keys["sales"] == "F11" and keys["new"] == "Ctrl+Del" and keys["help"] == "F1"
    assert keys["void"] == "Ctrl+Shift+V" and keys["close"] == "Ctrl+Shift+C"
    assert keys["ledger"] == "Ctrl+Shift+L" and keys["fees"] == "Ctrl+Shift+F"


def test_account_ledger_and_a_cashiers_stop_from_the_account_menu(
    qtbot, drive, till, station, owing
):
    drive.chord(till, K.Key_L)
    assert till.dialog is None and "choose one of their accounts" in till.message.text()
    drive.type(till.lookup.box, owing["last_name"])
    drive.pick(till.lookup, owing["id"])
    drive.chord(till, K.Key_L)
    ledger = till.dialog
    assert isinstance(ledger, AccountLedgerDialog) and ledger.isVisible()
    drive.press(ledger, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    drive.chord(till, K.Key_X)  # maria is a cashier: a supervisor may approve it on the spot
    assert isinstance(till.dialog, OverrideDialog)
    assert "may not stop utility service" in till.dialog.about.text()
    drive.key(till.dialog, K.Key_Escape)
    qtbot.waitUntil(lambda: till.dialog is None)
    assert "may not stop utility service" in till.message.text()
    drive.chord(till, K.Key_F)
    assert till.dialog is None and "may not change the fee schedules" in till.message.text()
