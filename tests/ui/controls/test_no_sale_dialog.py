"""GUI: a no-sale kicks the drawer only once a supervisor approves it, and says so if none is set."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.controls.no_sale_dialog import NoSaleDialog
from tests.printing_support import PtyPort, set_setting
from tests.ui.conftest import approve_as_sofia, last_event

pytestmark = pytest.mark.gui


def test_no_sale_kicks_the_drawer_after_the_supervisor_approves(qtbot, station, cashier, drawer):
    port = PtyPort()
    try:
        set_setting(station, "drawer.port", port.path)
        dlg = NoSaleDialog(station, cashier, drawer.session_id)
        qtbot.addWidget(dlg)
        dlg.reason.setText("Change for the bus")
        qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
        assert port.read_available(1, timeout=0.3) == b""  # nothing before the approval
        approve_as_sofia(qtbot, dlg)
        assert port.read_available(5) == bytes.fromhex("1b700019fa")
        ev = last_event(station, "no_sale")
        assert (ev.actor, ev.approver, ev.details["reason"]) == (
            "maria",
            "sofia",
            "Change for the bus",
        )
    finally:
        port.close()


def test_no_sale_with_no_drawer_configured_says_so(qtbot, station, cashier, drawer):
    dlg = NoSaleDialog(station, cashier, drawer.session_id)
    qtbot.addWidget(dlg)
    dlg.reason.setText("Change for the bus")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    dlg.override_dialog.username.setText("sofia")
    dlg.override_dialog.pin.setText("333333")
    dlg.override_dialog.try_approve()
    assert "drawer" in dlg.error.text().lower() and dlg.ok.isEnabled()
