"""The till's Account menu opens the utility desk (ui/account/utility_menu.py) by its keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.account.utility_desk_dialog import UtilityDeskDialog
from tests.ui.conftest import K

pytestmark = pytest.mark.gui


def test_ctrl_shift_u_opens_the_chosen_accounts_desk(qtbot, drive, till, owing):
    drive.chord(till, K.Key_U)
    assert "Find the customer" in till.message.text()
    drive.find(till, owing["last_name"], owing["id"])
    drive.chord(till, K.Key_U)
    qtbot.waitUntil(lambda: isinstance(till.dialog, UtilityDeskDialog), timeout=5000)
    assert owing["account_no"] in till.dialog.head.text()
    till.dialog.reject()
    drive.chord(till, K.Key_M)  # a cashier may not key reads
    assert "may not enter meter reads" in till.message.text()
    assert till.menus.actions["notices"].shortcut().toString() == "Ctrl+Shift+O"
    _ = Qt
