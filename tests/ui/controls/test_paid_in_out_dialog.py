"""GUI: a paid-out from the till is recorded once a supervisor approves it on the spot."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from counterpos.store.models import PaidInOut
from counterpos.ui.controls.paid_in_out_dialog import PaidInOutDialog
from tests.ui.conftest import approve_as_sofia

pytestmark = pytest.mark.gui


def test_paid_out_with_override_is_recorded(qtbot, station, cashier, drawer):
    dlg = PaidInOutDialog(station, cashier, drawer.session_id)
    qtbot.addWidget(dlg)
    dlg.amount.setText("8.00")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "reason" in dlg.fields["reason"].error_text().lower() and dlg.override_dialog is None
    dlg.reason.setText("Postage")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    approve_as_sofia(qtbot, dlg)
    with station.store.read() as s:
        [row] = s.scalars(select(PaidInOut)).all()
    assert (row.direction, row.amount_cents, row.reason) == ("out", 800, "Postage")
    assert "paid-out" in dlg.said() and "$8.00" in dlg.said() and dlg.errors() == ""
