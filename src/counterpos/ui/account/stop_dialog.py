"""Stopping utility service: stop date and forwarding address; shows the deposit and refund."""

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
from counterpos.services.utility.stop import stop_service


class StopServiceDialog(QDialog):
    """Calls stop_service; `stop_result` holds the StopResult once done."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.stop_result = None
        self.setWindowTitle(self.tr("Stop service — account {no}").format(no=account_no))
        ledger = account_ledger(station, account_no)
        summary = QLabel(
            self.tr("{address}: balance due {due}, deposit held {deposit}.").format(
                address=ledger.service_address,
                due=ledger.balance.format(),
                deposit=ledger.deposit_held.format(),
            )
        )
        summary.setWordWrap(True)
        self.stop_date = QDateEdit()
        self.stop_date.setObjectName("stop_date")
        self.stop_date.setDisplayFormat("MM/dd/yyyy")
        self.stop_date.setCalendarPopup(True)
        today = local_today()
        self.stop_date.setDate(QDate(today.year, today.month, today.day))
        self.forwarding = QLineEdit()
        self.forwarding.setObjectName("forwarding_address")
        self.forwarding.setPlaceholderText(self.tr("Street, city, state, ZIP for the final bill"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Stop service"))
        self.ok.setObjectName("ok")
        self.ok.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Back"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Stop date"), self.stop_date)
        form.addRow(self.tr("Forwarding address"), self.forwarding)
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
        self.forwarding.setFocus()

    def confirm(self) -> None:
        qd = self.stop_date.date()
        try:
            self.stop_result = stop_service(
                self.station,
                self.actor,
                self.account_no,
                date(qd.year(), qd.month(), qd.day()),
                self.forwarding.text(),
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        r = self.stop_result
        self.message.setText(
            self.tr(
                "Stopped. Deposit applied {applied}; refund requested {refund}; still due {due}."
            ).format(
                applied=r.deposit_applied.format(),
                refund=r.refund.format(),
                due=r.still_due.format(),
            )
        )
        self.ok.setEnabled(False)
        self.accept()
