"""The dialog that rings a service: its form for the chosen customer, or a refusal at once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from counterpos.domain.money import Money
from counterpos.ui.till.line_dialogs import line_dialog, rule_permission
from counterpos.ui.till.passport_dialog import PassportDialog
from counterpos.ui.till.service_line_dialog import ServiceLineDialog
from counterpos.ui.till.state import TillState
from tests.conftest import login

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_utility_payment_is_for_the_chosen_customer_and_account(state, parent, owing):
    state.choose_customer(owing["id"])
    dialog = line_dialog(state, "utility_payment", parent)
    assert isinstance(dialog, ServiceLineDialog) and dialog.parent() is parent
    assert not dialog.isVisible()
    assert dialog.customer_id == owing["id"]
    assert dialog.value("account_no") == owing["account_no"]
    assert dialog.value("amount") == Money(owing["due"]).plain()


def test_what_a_service_needs_beyond_selling_is_known_before_its_dialog(state):
    assert rule_permission("stop_service") == ("start_stop_service", "stop utility service")
    assert rule_permission("business_license_new")[0] == "business_license"
    assert rule_permission("yard_sale_permit") is None


def test_a_passport_opens_the_passport_dialog_for_a_senior_cashier(station, drawer, parent):
    senior = TillState(station, login(station, "james"), drawer)
    code = next(s.code for s in senior.services if any(f.get("dialog") for f in s.fields))
    assert isinstance(line_dialog(senior, code, parent), PassportDialog)
