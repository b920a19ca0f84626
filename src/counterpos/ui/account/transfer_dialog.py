"""Transferring utility service to a new address: the balance and deposit move with the customer."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.transfer import transfer_service


class TransferServiceDialog(QDialog):
    """Calls transfer_service; `new_account_no` holds the new account."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.new_account_no: str | None = None
        self.setWindowTitle(self.tr("Transfer service — account {no}").format(no=account_no))
        ledger = account_ledger(station, account_no)
        summary = QLabel(
            self.tr("From {address}: balance due {due} and deposit {deposit} move along.").format(
                address=ledger.service_address,
                due=ledger.balance.format(),
                deposit=ledger.deposit_held.format(),
            )
        )
        summary.setWordWrap(True)
        self.address = QLineEdit()
        self.address.setObjectName("service_address")
        self.move_date = QDateEdit()
        self.move_date.setObjectName("move_date")
        self.move_date.setDisplayFormat("MM/dd/yyyy")
        self.move_date.setCalendarPopup(True)
        today = local_today()
        self.move_date.setDate(QDate(today.year, today.month, today.day))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Transfer"))
        self.ok.setObjectName("ok")
        self.ok.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Back"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("New service address"), self.address)
        form.addRow(self.tr("Moving on"), self.move_date)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self.address.setFocus()

    def confirm(self) -> None:
        qd = self.move_date.date()
        try:
            self.new_account_no = transfer_service(
                self.station,
                self.actor,
                self.account_no,
                self.address.text(),
                date(qd.year(), qd.month(), qd.day()),
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
