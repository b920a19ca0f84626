"""The fee schedule dialog, driven offscreen with pytest-qt: a dated fee saved, refusals shown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from counterpos.services.counter import fee_schedule
from counterpos.ui.back_office.fee_schedule_dialog import FeeScheduleDialog
from tests.services.counter_visit import TODAY

pytestmark = pytest.mark.gui


def test_fee_schedule_dialog_adds_a_dated_fee(qtbot, station, supervisor):
    dlg = FeeScheduleDialog(station, supervisor)
    qtbot.addWidget(dlg)
    dlg.service.setCurrentIndex(dlg.service.findData("yard_sale_permit"))
    assert dlg.rule.toPlainText() == "20.00"
    assert dlg.table.rowCount() == 1
    dlg.rule.setPlainText("22.50")
    day = TODAY + timedelta(days=30)
    dlg.effective.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(dlg.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    assert "Saved: $22.50" in dlg.message.text()
    assert dlg.table.rowCount() == 2
    assert [r.summary for r in fee_schedule.history(station, "yard_sale_permit")] == [
        "$22.50",
        "$20.00",
    ]


def test_fee_schedule_dialog_shows_refusals(qtbot, station, cashier):
    dlg = FeeScheduleDialog(station, cashier)
    qtbot.addWidget(dlg)
    dlg.rule.setPlainText("five dollars")
    dlg.save()
    assert "not an amount" in dlg.message.text()
    dlg.rule.setPlainText("5.00")
    dlg.save()
    assert "may not change fee schedules" in dlg.message.text()
