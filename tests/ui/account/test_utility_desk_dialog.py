"""The account's utility desk (ui/account/utility_desk_dialog.py), driven offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.clock import local_today
from counterpos.services.utility.billing.runs import billing_run
from counterpos.ui.account.desk_tables import cell
from counterpos.ui.account.utility_desk_dialog import UtilityDeskDialog
from tests.conftest import login
from tests.services.utility.desk_support import cycle_of
from tests.ui.account.desk_city import billed_city, leak_on_first

pytestmark = pytest.mark.gui


def test_the_desk_shows_meters_reads_bills_notices_and_work_orders(qtbot, station, tmp_path):
    city = billed_city(station)
    wo = leak_on_first(station, city)
    billing_run(station, login(station, "sofia"), cycle_of(local_today()))
    account_no = city.accounts["MV-000001"]
    dlg = UtilityDeskDialog(station, login(station, "james"), account_no)
    qtbot.addWidget(dlg)
    dlg.show()
    assert account_no in dlg.head.text() and "balance due" in dlg.head.text()
    assert cell(dlg.meters, 0, 0) == "MV-000001"
    assert cell(dlg.reads, 0, 3) == "52"
    assert dlg.bills.rowCount() == 13 and cell(dlg.bills, 0, 2) == "52"
    assert cell(dlg.notices, 0, 2) == "High usage notice"
    assert dlg.orders.rowCount() == 0  # the leak's work order is closed
    assert "No payment arrangement" in dlg.arrangement_text.text()
    assert dlg.leak_button.isEnabled() and dlg.arrange_button.isEnabled()
    assert (
        "not eligible for shut-off" in dlg.shutoff.text()
        or "Nothing past due" in dlg.shutoff.text()
    )
    dlg.resize(900, 560)
    dlg.tabs.setCurrentIndex(2)
    assert dlg.grab().save(str(tmp_path / "desk.png"))
    # the leak adjustment opens from here with the bills and the repaired work order offered
    qtbot.mouseClick(dlg.leak_button, Qt.MouseButton.LeftButton)
    leak = dlg.child
    assert leak is not None and leak.bills.count() == 6
    assert leak.proof.itemData(0) == wo
    leak.reject()
    qtbot.mouseClick(dlg.arrange_button, Qt.MouseButton.LeftButton)
    assert dlg.child is not None and dlg.child.windowTitle().startswith("Payment arrangement")


def test_on_spanish_screens_the_desk_has_no_english_state_and_one_date_format(qtbot, station):
    """Signed in in Spanish, the desk's heading read "· active ·" and its tables wrote dates
    11/20/2026 while the rest of the screens wrote "20 nov 2026"."""
    from counterpos.services.language import catalog
    from counterpos.ui import i18n
    from counterpos.ui.formats import date_text

    city = billed_city(station)
    account_no = city.accounts["MV-000001"]
    i18n.install(None, "es")
    catalog.use("es")
    try:
        dlg = UtilityDeskDialog(station, login(station, "james"), account_no)
        qtbot.addWidget(dlg)
        assert " · active · " not in dlg.head.text() and " · activo · " in dlg.head.text()
        due = cell(dlg.bills, 0, 4)
        assert "/" not in due and due.split()[1] in {
            "ene",
            "feb",
            "mar",
            "abr",
            "may",
            "jun",
            "jul",
            "ago",
            "sept",
            "sep",
            "oct",
            "nov",
            "dic",
        }
        assert cell(dlg.reads, 0, 0) and "/" not in cell(dlg.reads, 0, 0)
        assert date_text(local_today()).count("/") == 0
    finally:
        catalog.use("en")
