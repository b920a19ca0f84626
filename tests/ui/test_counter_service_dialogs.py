"""The passport, fee schedule and stop-service dialogs, driven offscreen with pytest-qt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.counter import fee_schedule, passport
from counterpos.services.utility.accounts import account_ledger
from counterpos.store.models import LedgerEntry, UtilityAccount
from counterpos.ui.account.stop_dialog import StopServiceDialog
from counterpos.ui.back_office.fee_schedule_dialog import FeeScheduleDialog
from counterpos.ui.till.passport_dialog import PassportDialog
from tests.conftest import login
from tests.services.counter_visit import TODAY, pay_cash, senior_drawer

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


def test_stop_service_dialog(qtbot, station):
    james = login(station, "james")
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.status == "active").limit(1))
        s.add(LedgerEntry(account_id=acct.id, entry_type="deposit", amount_cents=-50_000))
        account_no = acct.account_no
    dlg = StopServiceDialog(station, james, account_no)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "forwarding address" in dlg.message.text()
    assert dlg.stop_result is None
    qtbot.keyClicks(dlg.forwarding, "88 Harbor Blvd, Long Beach CA 90802")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.stop_result is not None and dlg.stop_result.refund.cents > 0
    assert account_ledger(station, account_no).status == "closed"


def test_adjustment_dialog_needs_a_second_login(qtbot, station, supervisor):
    from counterpos.ui.account.adjustment_dialog import AccountAdjustmentDialog
    from counterpos.ui.account.ledger_dialog import AccountLedgerDialog

    with station.store.read() as s:
        account_no = s.scalar(select(UtilityAccount.account_no).limit(1))
    before = account_ledger(station, account_no).balance
    dlg = AccountAdjustmentDialog(station, supervisor, account_no)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.amount, "-7.25")
    dlg.reason.setCurrentIndex(dlg.reason.findData("misread"))
    qtbot.keyClicks(dlg.approver, "sofia")
    qtbot.keyClicks(dlg.pin, "3333")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "Another supervisor" in dlg.message.text() and dlg.pin.text() == ""
    dlg.approver.clear()
    qtbot.keyClicks(dlg.approver, "james")  # a senior cashier may not approve
    qtbot.keyClicks(dlg.pin, "2222")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "may not approve" in dlg.message.text()
    cashier = login(station, "maria")
    dlg2 = AccountAdjustmentDialog(station, cashier, account_no)
    qtbot.addWidget(dlg2)
    qtbot.keyClicks(dlg2.amount, "-7.25")
    dlg2.reason.setCurrentIndex(dlg2.reason.findData("misread"))
    qtbot.keyClicks(dlg2.approver, "sofia")
    qtbot.keyClicks(dlg2.pin, "3333")
    qtbot.mouseClick(dlg2.ok, Qt.MouseButton.LeftButton)
    assert dlg2.new_balance.cents == before.cents - 725
    ledger = AccountLedgerDialog(station, account_no)
    qtbot.addWidget(ledger)
    last = ledger.table.rowCount() - 1
    assert ledger.table.item(last, 1).text() == "Adjustment"
    assert ledger.table.item(last, 3).text() == "-$7.25"


def test_transfer_dialog(qtbot, station, cashier):
    from counterpos.ui.account.transfer_dialog import TransferServiceDialog

    with station.store.read() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.status == "active").limit(1))
        other = s.scalar(select(UtilityAccount).where(UtilityAccount.id != acct.id).limit(1))
    denied = TransferServiceDialog(station, cashier, acct.account_no)
    qtbot.addWidget(denied)
    qtbot.keyClicks(denied.address, "901 Mesa Verde Ct")
    qtbot.mouseClick(denied.ok, Qt.MouseButton.LeftButton)
    assert "may not transfer" in denied.message.text()
    dlg = TransferServiceDialog(station, login(station, "james"), acct.account_no)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.address, other.service_address)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "already has active service" in dlg.message.text()
    dlg.address.clear()
    qtbot.keyClicks(dlg.address, "901 Mesa Verde Ct")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert dlg.new_account_no is not None
    assert account_ledger(station, dlg.new_account_no).status == "active"
    assert account_ledger(station, acct.account_no).status == "closed"


def test_start_service_dialog_new_customer(qtbot, station):
    from counterpos.ui.account.start_dialog import StartServiceDialog

    dlg = StartServiceDialog(station)
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.address, "4821 Sunset Ridge Dr")
    dlg.klass.setCurrentIndex(dlg.klass.findData("commercial"))
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert "new owner's name and address" in dlg.message.text()
    qtbot.keyClicks(dlg.owner_name, "Priya Shah")
    qtbot.keyClicks(dlg.owner_address, "PO Box 12, Mission Vista")
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    assert [(x.service_code, x.amount.cents) for x in dlg.lines] == [
        ("start_service", 2500),
        ("utility_deposit", 25000),
    ]
    james, session_id = senior_drawer(station)
    pay_cash(station, james, session_id, Cart(lines=list(dlg.lines)))
    with station.store.read() as s:
        acct = s.scalar(
            select(UtilityAccount).where(UtilityAccount.service_address == "4821 Sunset Ridge Dr")
        )
    ledger = account_ledger(station, acct.account_no)
    assert (ledger.status, ledger.deposit_held.cents) == ("active", 25000)
