"""Starting a payment arrangement (ui/account/arrangement_dialog.py): previewed, then saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.utility.delinquency.arrangements import arrangement_of
from counterpos.ui.account.arrangement_dialog import ArrangementDialog
from counterpos.ui.account.desk_tables import cell
from tests.conftest import login
from tests.ui.account.desk_city import billed_city
from tests.ui.conftest import approve_as_sofia

pytestmark = pytest.mark.gui


def test_the_plan_follows_the_form_and_is_saved(qtbot, station):
    city = billed_city(station, n=2, months=3)
    account_no = city.accounts["MV-000001"]
    dlg = ArrangementDialog(station, login(station, "james"), account_no)
    qtbot.addWidget(dlg)
    assert dlg.plan.rowCount() == 3 and dlg.ok.isEnabled()
    dlg.count.setValue(6)
    assert dlg.plan.rowCount() == 6
    dlg.count.setValue(13)
    assert "1 to 12" in dlg.message.text() and not dlg.ok.isEnabled()
    dlg.count.setValue(4)
    dlg.kind.setCurrentIndex(dlg.kind.findData("deferral"))
    assert "deferral is one payment" in dlg.message.text()
    dlg.count.setValue(1)
    assert dlg.plan.rowCount() == 1
    first_amount = cell(dlg.plan, 0, 1)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.override_dialog is None  # no reduction: nobody else approves
    assert dlg.arrangement is not None and dlg.arrangement.kind == "deferral"
    saved = arrangement_of(station, account_no)
    assert saved.state == "kept" and f"${saved.instalments[0].cents / 100:,.2f}" == first_amount


def test_a_reduction_is_approved_by_a_second_supervisor(qtbot, station):
    city = billed_city(station, n=2, months=3)
    account_no = city.accounts["MV-000002"]
    dlg = ArrangementDialog(station, login(station, "james"), account_no)
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentIndex(dlg.kind.findData("reduction"))
    dlg.forgiven.setText("10.00")
    assert dlg.ok.isEnabled(), dlg.said()
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.arrangement is None and dlg.override_dialog is not None
    approve_as_sofia(qtbot, dlg)
    assert dlg.arrangement is not None and dlg.arrangement.kind == "reduction"
    assert arrangement_of(station, account_no).state == "kept"
    assert "saved" in dlg.said()
