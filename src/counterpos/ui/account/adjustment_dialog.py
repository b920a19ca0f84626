"""An account adjustment with a reason code, approved on the spot by a second (supervisor) login."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.access import auth
from counterpos.services.errors import CounterError
from counterpos.services.utility.adjustments import REASONS, adjust_account


class AccountAdjustmentDialog(QDialog):
    """`new_balance` holds the balance after the adjustment once it is saved."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.new_balance = None
        self.setWindowTitle(self.tr("Adjust account {no}").format(no=account_no))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("-12.50 for a credit"))
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        for code, label in REASONS.items():
            self.reason.addItem(self.tr(label), code)
        self.memo = QLineEdit()
        self.memo.setObjectName("memo")
        self.approver = QLineEdit()
        self.approver.setObjectName("approver")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Approve and save"))
        self.ok.setObjectName("ok")
        self.ok.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Back"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.memo)
        box = QGroupBox(self.tr("Supervisor approval (not the person entering it)"))
        box_form = QFormLayout(box)
        box_form.addRow(self.tr("Supervisor"), self.approver)
        box_form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(420)
        self.amount.setFocus()

    def confirm(self) -> None:
        try:
            approver = auth.login(
                self.station, self.approver.text(), self.pin.text(), action="approve_adjustment"
            )
            self.new_balance = adjust_account(
                self.station,
                self.actor,
                approver,
                self.account_no,
                self.amount.text(),
                self.reason.currentData(),
                self.memo.text(),
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            self.pin.clear()
            return
        self.accept()
