"""The passport dialog, driven offscreen with pytest-qt: the checklist, applicants, the DS-82."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.cart import Cart
from counterpos.services.counter import passport
from counterpos.ui.till.passport_dialog import PassportDialog
from tests.services.counter_visit import pay_cash, senior_drawer

pytestmark = pytest.mark.gui


def fill(qtbot, page, name, number="1043", amount="130.00", tick=True):
    qtbot.keyClicks(page.name, name)
    qtbot.keyClicks(page.dob, "04/02/1990")
    if tick:
        for box in page.checks.values():
            box.setChecked(True)
    qtbot.keyClicks(page.pay_no, number)
    qtbot.keyClicks(page.pay_amount, amount)


def test_passport_dialog_blocks_an_incomplete_checklist_then_rings_two(qtbot, station):
    dlg = PassportDialog(station)
    qtbot.addWidget(dlg)
    fill(qtbot, dlg.pages()[0], "Ana Lopez", tick=False)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "checklist is complete" in dlg.error.text()
    assert dlg.result() == 0 and dlg.lines == []
    for box in dlg.pages()[0].checks.values():
        box.setChecked(True)
    page = dlg.add_applicant()
    fill(qtbot, page, "Juan Lopez", number="5550001", amount="100")
    page.pay_kind.setCurrentIndex(1)
    dlg.photos.setValue(2)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.result() == 1
    assert [(x.service_code, x.quantity, x.amount.cents) for x in dlg.lines] == [
        ("passport_execution", 2, 7000),
        ("passport_photo", 2, 3000),
    ]
    james, session_id = senior_drawer(station)
    done = pay_cash(station, james, session_id, Cart(lines=list(dlg.lines)))
    log = passport.acceptance_log(station)
    assert [e.applicant_name for e in log] == ["Ana Lopez", "Juan Lopez"]
    assert {e.receipt_no for e in log} == {done.receipt_no}
    assert log[1].dos_payment == "money order 5550001"


def test_passport_dialog_refuses_a_mail_in_form(qtbot, station):
    dlg = PassportDialog(station)
    qtbot.addWidget(dlg)
    page = dlg.pages()[0]
    fill(qtbot, page, "Ana Lopez")
    page.form.setCurrentIndex(1)  # DS-82
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "renewal by mail" in dlg.error.text()
