"""Stopping utility service: stop date and forwarding address; shows the deposit and refund."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, InputError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.stop import stop_service
from counterpos.ui.formats import date_edit
from counterpos.ui.widgets.counter_dialog import CounterDialog


class StopServiceDialog(CounterDialog):
    """Calls stop_service (with a supervisor's `approval` when the cashier's role lacks it);
    `stop_result` holds the StopResult once done."""

    def __init__(self, station, actor, account_no: str, parent=None, approval=None) -> None:
        super().__init__(self.tr("Stop service — account {no}").format(no=account_no), parent)
        self.station = station
        self.actor = actor
        self.account_no = account_no
        self.approval = approval
        self.stop_result = None
        ledger = account_ledger(station, account_no)
        summary = QLabel(
            self.tr("{address}: balance due {due}, deposit held {deposit}.").format(
                address=ledger.service_address,
                due=ledger.balance.format(),
                deposit=ledger.deposit_held.format(),
            )
        )
        summary.setWordWrap(True)
        self.body_layout.addWidget(summary)
        form = self.add_form()
        self.stop_date = date_edit(local_today())
        self.stop_date.setObjectName("stop_date")
        self.forwarding = QLineEdit()
        self.forwarding.setObjectName("forwarding_address")
        self.forwarding.setPlaceholderText(self.tr("Street, city, state, ZIP for the final bill"))
        self.add_field(form, self.tr("&Stop date"), self.stop_date, "stop_date", required=True)
        self.add_field(
            form,
            self.tr("&Forwarding address"),
            self.forwarding,
            "forwarding_address",
            required=True,
        )
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Stop service (Enter)"), self.confirm, primary=True, name="ok"
        )
        self.first_field = self.forwarding
        self.setMinimumWidth(520)

    def confirm(self) -> None:
        self.clear_errors()
        qd = self.stop_date.date()
        try:
            self.stop_result = stop_service(
                self.station,
                self.actor,
                self.account_no,
                date(qd.year(), qd.month(), qd.day()),
                self.forwarding.text(),
                self.approval,
            )
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            return
        except CounterError as exc:
            self.say(str(exc))
            return
        r = self.stop_result
        self.say(
            self.tr(
                "Stopped. Deposit applied {applied}; refund requested {refund}; still due {due}."
            ).format(
                applied=r.deposit_applied.format(),
                refund=r.refund.format(),
                due=r.still_due.format(),
            ),
            tone="ok",
        )
        self.work_saved()
        self.accept()
