"""GUI: the audit view filters the trail by action and verifies its chain."""

from __future__ import annotations

import pytest

from counterpos.ui.back_office.audit_view import AuditView
from tests.conftest import login
from tests.sale_helpers import cash, ring

pytestmark = pytest.mark.gui


def test_audit_view_filters_and_verifies(qtbot, station, cashier, drawer):
    ring(station, cashier, drawer.session_id, 500, cash(500))
    view = AuditView(station, login(station, "sofia"))
    qtbot.addWidget(view)
    assert view.table.rowCount() > 3
    view.action.setCurrentIndex(view.action.findData("sale"))
    view.refresh()
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "sale"
    view.verify()
    assert "OK" in view.status.text()
