"""Starting a payment arrangement at the counter: the plan previewed as it is typed, saved once
the customer agrees (a reduction also needs a second supervisor: the override dialog, as for a
void or a refund)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QLabel, QLineEdit, QSpinBox

from counterpos.domain.money import Money
from counterpos.domain.utility.arrangement import KINDS
from counterpos.services.access import overrides
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.utility.delinquency.arrangements import (
    ArrangementView,
    proposal,
    start_arrangement,
)
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.controls.approved_action import ApprovedActionDialog, done_with
from counterpos.ui.formats import date_text, set_date_format


class ArrangementDialog(ApprovedActionDialog):
    """`arrangement` holds the saved ArrangementView once saved. A reduction's second supervisor
    approves in the override dialog (ApprovedActionDialog), as for a void or a refund."""

    permission = "adjust_account"

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(
            station,
            actor,
            "",
            self.tr("Payment arrangement: account {no}").format(no=account_no),
            self.tr("Save the arrangement"),
            parent,
        )
        self.account_no = account_no
        self.arrangement: ArrangementView | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for code, label in KINDS.items():
            self.kind.addItem(self.tr(label), code)
        self.count = QSpinBox()
        self.count.setObjectName("count")
        self.count.setRange(1, 60)
        self.count.setValue(3)
        self.first_due = QDateEdit()
        self.first_due.setObjectName("first_due")
        self.first_due.setCalendarPopup(True)
        set_date_format(self.first_due)
        start = local_today() + timedelta(days=7)
        self.first_due.setDate(QDate(start.year, start.month, start.day))
        self.forgiven = QLineEdit()
        self.forgiven.setObjectName("forgiven")
        self.forgiven.setPlaceholderText(self.tr("amount forgiven (reduction only)"))
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.field(self.tr("Kind"), self.kind, "kind")
        self.field(self.tr("Instalments (monthly)"), self.count, "count")
        self.field(self.tr("First one due"), self.first_due, "first_due")
        self.field(self.tr("Forgiven"), self.forgiven, "forgiven", required=False)
        self.field(self.tr("Note"), self.note, "note", required=False)
        self.plan = table("plan", [self.tr("Due"), self.tr("Amount")], 1)
        self.plan.setAccessibleName(self.tr("The instalments"))
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.body_layout.addWidget(self.summary)
        self.body_layout.addWidget(self.plan)
        self.ok.setObjectName("ok")
        self.first_field = self.kind
        self.setMinimumWidth(460)
        for signal in (
            self.kind.currentIndexChanged,
            self.count.valueChanged,
            self.first_due.dateChanged,
        ):
            signal.connect(self.preview)
        self.forgiven.textChanged.connect(self.preview)
        self.preview()

    def _first_due(self):
        d = self.first_due.date()
        return local_today().replace(year=d.year(), month=d.month(), day=d.day())

    def preview(self) -> None:
        if self.result is not None:
            return
        reduction = self.kind.currentData() == "reduction"
        self.forgiven.setEnabled(reduction)
        try:
            arrears, cut, plan = proposal(
                self.station,
                self.account_no,
                self.kind.currentData(),
                self.count.value(),
                self._first_due(),
                self.forgiven.text() if reduction else "",
            )
        except CounterError as exc:
            self.say(str(exc))
            fill(self.plan, [])
            self.summary.setText("")
            self.ok.setEnabled(False)
            return
        self.message.setText("")
        self.message.hide()
        self.ok.setEnabled(True)
        self.summary.setText(
            self.tr("Arrears {arrears}{cut}; new bills are paid as they fall due as well.").format(
                arrears=Money(arrears).format(),
                cut=self.tr(", {cut} forgiven").format(cut=Money(cut).format()) if cut else "",
            )
        )
        fill(self.plan, [[date_text(i.due_on), Money(i.cents).format()] for i in plan], right={1})

    def perform(self, approval) -> str:
        """Saved once the customer agrees; a reduction only once a second supervisor approves."""
        reduction = self.kind.currentData() == "reduction"
        if reduction and approval is None:
            proposal(  # refused plainly before anyone is asked to approve it
                self.station,
                self.account_no,
                self.kind.currentData(),
                self.count.value(),
                self._first_due(),
                self.forgiven.text(),
            )
            raise PermissionDenied(
                self.tr("A second supervisor approves a reduction of the arrears (not you)."),
                self.permission,
            )
        self.arrangement = start_arrangement(
            self.station,
            self.actor,
            self.account_no,
            self.kind.currentData(),
            self.count.value(),
            self._first_due(),
            forgiven=self.forgiven.text() if reduction else "",
            approver=approval.approver if approval is not None else None,
            note=self.note.text(),
        )
        done_with(self, self.arrangement)
        overrides.spend(approval)
        return self.tr("Arrangement {no} saved.").format(no=self.arrangement.arrangement_no)

    def done(self, result: int) -> None:  # an accepted dialog is one that saved an arrangement
        super().done(
            QDialog.DialogCode.Accepted
            if self.arrangement is not None and result == QDialog.DialogCode.Rejected
            else result
        )
