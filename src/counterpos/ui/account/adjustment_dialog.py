"""An account adjustment with a reason code, approved on the spot by a second (supervisor) login."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit

from counterpos.services.access import auth
from counterpos.services.errors import CounterError, InputError
from counterpos.services.utility.adjustments import REASONS, adjust_account
from counterpos.ui.widgets.counter_dialog import CounterDialog


class AccountAdjustmentDialog(CounterDialog):
    """`new_balance` holds the balance after the adjustment once it is saved."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(self.tr("Adjust account {no}").format(no=account_no), parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.new_balance = None
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
        form = self.add_form()
        self.add_field(form, self.tr("&Amount"), self.amount, "amount", required=True)
        self.add_field(form, self.tr("&Reason"), self.reason, "reason", required=True)
        self.add_field(form, self.tr("&Note"), self.memo, "memo")
        box = QGroupBox(self.tr("Supervisor approval (not the person entering it)"))
        box_form = QFormLayout(box)
        self.add_field(box_form, self.tr("&Supervisor"), self.approver, "approver", required=True)
        self.add_field(box_form, self.tr("&PIN"), self.pin, "pin", required=True)
        self.body_layout.addWidget(box)
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Approve and save (Enter)"), self.confirm, primary=True, name="ok"
        )
        self.first_field = self.amount
        self.setMinimumWidth(520)

    def confirm(self) -> None:
        self.clear_errors()
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
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            self.pin.clear()
            return
        except CounterError as exc:
            self.say(str(exc))
            self.pin.clear()
            return
        self.work_saved()
        self.accept()
