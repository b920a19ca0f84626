"""The leak adjustment at the counter (ui/account/leak_adjustment_dialog.py): calculate, have a
second supervisor approve, print the calculation."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counterpos.services.clock import local_today
from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.billing.runs import billing_run
from counterpos.ui.account.desk_tables import cell
from counterpos.ui.account.leak_adjustment_dialog import LeakAdjustmentDialog
from tests.conftest import login
from tests.services.utility.desk_support import cycle_of
from tests.ui.account.desk_city import billed_city, leak_on_first
from tests.ui.conftest import approve_as_sofia, last_event

pytestmark = pytest.mark.gui


@pytest.fixture
def leak(station):
    """(account number, the leak's bill, its work order): MV-000001 billed with a leak."""
    city = billed_city(station)
    wo = leak_on_first(station, city)
    billing_run(station, login(station, "sofia"), cycle_of(local_today()))
    account_no = city.accounts["MV-000001"]
    return account_no, account_bills(station, account_no)[-1].bill_no, wo


def test_calculate_approve_and_print(qtbot, station, tmp_path, leak):
    account_no, leak_bill, wo = leak
    dlg = LeakAdjustmentDialog(station, login(station, "james"), account_no, [leak_bill], [wo])
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.calc_button, Qt.MouseButton.LeftButton)
    assert "Choose the bill" in dlg.message.text() and not dlg.ok.isEnabled()
    dlg.bills.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dlg.calc_button, Qt.MouseButton.LeftButton)
    assert dlg.ok.isEnabled() and "-$58.00" in dlg.message.text()
    assert cell(dlg.steps, dlg.steps.rowCount() - 1, 1) == "-$58.00"
    # the second supervisor approves in the override dialog, as for a void or a refund
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    over = dlg.override_dialog
    assert over is not None and dlg.adjusted is None
    for name, pin, refusal in (
        ("james", "2222", "cannot approve your own"),
        ("maria", "1111", "may not approve"),
    ):
        over.username.setText(name)
        over.pin.setText(pin)
        over.try_approve()
        assert refusal in over.said() and over.pin.text() == ""
    approve_as_sofia(qtbot, dlg)
    assert dlg.adjusted is not None and "Saved as calculation" in dlg.message.text()
    assert last_event(station, "override_granted").approver == "sofia"
    assert dlg.print_button.isVisible() or not dlg.isVisible()
    path = dlg.save_pdf(tmp_path / "calc.pdf")
    text = PdfReader(path).pages[0].extract_text()
    assert dlg.adjusted.calc_no in text and "Leak adjustment" in text


def test_the_steps_are_in_the_signed_in_language(qtbot, qapp, station, leak):
    from counterpos.ui import i18n

    account_no, leak_bill, wo = leak
    i18n.install(qapp, "es")
    dlg = LeakAdjustmentDialog(station, login(station, "james"), account_no, [leak_bill], [wo])
    qtbot.addWidget(dlg)
    dlg.bills.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dlg.calc_button, Qt.MouseButton.LeftButton)
    labels = [cell(dlg.steps, row, 0) for row in range(dlg.steps.rowCount())]
    assert labels[:2] == ["Política", "Promedio de 12 meses"] and labels[-1] == "Crédito"
    assert f"Factura {leak_bill}: unidades acreditadas" in labels
    assert cell(dlg.steps, dlg.steps.rowCount() - 1, 1) == "-$58.00"
    assert "-$58.00" in dlg.message.text()
