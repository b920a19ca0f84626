"""The customer panel says which account the cashier selects, not the rows it fills itself."""

from __future__ import annotations

import pytest

from counterpos.services.sale import customers
from counterpos.ui.widgets.customer_panel import CustomerPanel

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot):
    widget = CustomerPanel()
    qtbot.addWidget(widget)
    widget.show()
    widget.selected: list = []
    widget.account_selected.connect(widget.selected.append)
    return widget


def test_showing_and_clearing_a_customer_selects_nothing_by_itself(panel, station, owing):
    shown = customers.panel(station, owing["id"])
    panel.show_customer(shown)
    assert panel.panel == shown and panel.balance_text(owing["account_no"])
    assert panel.selected_account().account_no == owing["account_no"]
    panel.show_customer(None)
    assert panel.panel is None and panel.accounts.rowCount() == 0
    assert panel.selected == []


def test_choosing_another_row_is_said_and_select_account_moves_to_it(
    panel, station, owing, second_account
):
    shown = customers.panel(station, owing["id"])
    assert [a.account_no for a in shown.accounts] == [owing["account_no"], second_account]
    panel.show_customer(shown)
    assert panel.selected == []
    panel.accounts.selectRow(1)
    assert panel.selected == [shown.accounts[1]]
    panel.select_account(shown.accounts[0])
    assert panel.selected == [shown.accounts[1], shown.accounts[0]]
    assert panel.selected_account() == shown.accounts[0]
    panel.select_account(shown.accounts[0])  # already selected: nothing more
    assert len(panel.selected) == 2
