"""Transferring utility service: the new address and the moving date; balance and deposit follow."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, InputError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.transfer import transfer_service
from counterpos.ui.formats import date_edit
from counterpos.ui.widgets.counter_dialog import CounterDialog


class TransferServiceDialog(CounterDialog):
    """Calls transfer_service (with a supervisor's `approval` when the cashier's role lacks
    it); `new_account_no` holds the new account."""

    def __init__(self, station, actor, account_no: str, parent=None, approval=None) -> None:
        super().__init__(self.tr("Transfer service — account {no}").format(no=account_no), parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.approval = approval
        self.new_account_no: str | None = None
        ledger = account_ledger(station, account_no)
        summary = QLabel(
            self.tr("From {address}: balance due {due} and deposit {deposit} move along.").format(
                address=ledger.service_address,
                due=ledger.balance.format(),
                deposit=ledger.deposit_held.format(),
            )
        )
        summary.setWordWrap(True)
        self.body_layout.addWidget(summary)
        form = self.add_form()
        self.address = QLineEdit()
        self.address.setObjectName("service_address")
        self.move_date = date_edit(local_today())
        self.move_date.setObjectName("move_date")
        self.add_field(
            form, self.tr("&New service address"), self.address, "service_address", required=True
        )
        self.add_field(form, self.tr("&Moving on"), self.move_date, "move_date", required=True)
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Transfer (Enter)"), self.confirm, primary=True, name="ok"
        )
        self.first_field = self.address
        self.setMinimumWidth(520)

    def confirm(self) -> None:
        self.clear_errors()
        qd = self.move_date.date()
        try:
            self.new_account_no = transfer_service(
                self.station,
                self.actor,
                self.account_no,
                self.address.text(),
                date(qd.year(), qd.month(), qd.day()),
                self.approval,
            )
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            return
        except CounterError as exc:
            self.say(str(exc))
            return
        self.work_saved()
        self.accept()
