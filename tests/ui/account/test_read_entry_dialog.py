"""Keying reads by route (ui/account/read_entry_dialog.py): Enter saves and moves on; a read
below the last one asks R or W on the same line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.utility.meters.reads import reads_of
from counterpos.ui.account.desk_tables import cell
from counterpos.ui.account.read_entry_dialog import ReadEntryDialog
from tests.conftest import login
from tests.ui.account.desk_city import billed_city

pytestmark = pytest.mark.gui


def test_keyboard_fast_reads_in_route_order(qtbot, station):
    city = billed_city(station, n=3, months=4)
    dlg = ReadEntryDialog(station, login(station, "james"))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.route.currentData() == "R01" and dlg.sheet.rowCount() == 3
    assert "MV-000001" in dlg.where.text() and "expected" in dlg.last.text()
    first = city.values["MV-000001"] + 12
    qtbot.keyClicks(dlg.value, str(first))
    qtbot.keyClick(dlg.value, Qt.Key.Key_Return)
    assert "12 HCF used" in dlg.message.text()
    assert "MV-000002" in dlg.where.text()  # the next meter came up
    assert cell(dlg.sheet, 0, 6) == str(first)
    # below the last read: the question, W to type again, then R for a rollover
    qtbot.keyClicks(dlg.value, "5")
    qtbot.keyClick(dlg.value, Qt.Key.Key_Return)
    assert "R: the meter rolled over" in dlg.question.text()
    qtbot.keyClick(dlg.value, Qt.Key.Key_W)
    assert dlg.question.text() == "" and dlg.value.text() == ""
    qtbot.keyClicks(dlg.value, "5")
    qtbot.keyClick(dlg.value, Qt.Key.Key_Return)
    qtbot.keyClick(dlg.value, Qt.Key.Key_R)
    assert "held for review" in dlg.message.text()  # thousands of HCF: far above normal
    assert "MV-000003" in dlg.where.text()
    qtbot.keyClick(dlg.value, Qt.Key.Key_F9)
    assert dlg.estimated.isChecked()
    qtbot.keyClicks(dlg.value, str(city.values["MV-000003"] + 11))
    qtbot.keyClick(dlg.value, Qt.Key.Key_Return)
    assert reads_of(station, city.accounts["MV-000003"])[0].kind == "estimated"
    assert [r.value for r in reads_of(station, city.accounts["MV-000002"])][:1] == [5]
