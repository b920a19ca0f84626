"""A leak adjustment at the counter: choose the leak's bills and the repair's proof, see the
policy's calculation step by step, then a second supervisor approves it (the override dialog,
as for a void or a refund); the calculation is kept with the adjustment and can be printed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
)

from counterpos.services.access import overrides
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.utility.adjustments import Adjusted
from counterpos.services.utility.calculated.leak import leak_adjustment, leak_calculation
from counterpos.services.utility.calculated.printout import save_calculation_pdf
from counterpos.ui import i18n
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.controls.approved_action import ApprovedActionDialog, done_with
from counterpos.ui.formats import set_date_format


class LeakAdjustmentDialog(ApprovedActionDialog):
    """`adjusted` holds the services' Adjusted once saved. The second supervisor approves in
    the override dialog (ApprovedActionDialog), as for a void or a refund."""

    permission = "adjust_account"

    def __init__(
        self, station, actor, account_no: str, bills, repaired_orders, parent=None
    ) -> None:
        super().__init__(
            station,
            actor,
            "",
            self.tr("Leak adjustment: account {no}").format(no=account_no),
            self.tr("Approve and save"),
            parent,
        )
        self.account_no = account_no
        self.adjusted: Adjusted | None = None
        self.bills = QListWidget()
        self.bills.setObjectName("bills")
        for no in bills:
            item = QListWidgetItem(no)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.bills.addItem(item)
        self.bills.setMaximumHeight(120)
        self.proof = QComboBox()
        self.proof.setObjectName("proof")
        for wo in repaired_orders:
            self.proof.addItem(self.tr("Work order {no} (leak repaired)").format(no=wo), wo)
        self.proof.addItem(self.tr("The customer's receipt: repaired on…"), "")
        self.repaired = QDateEdit()
        self.repaired.setObjectName("repaired_on")
        set_date_format(self.repaired)
        self.repaired.setCalendarPopup(True)
        day = local_today() - timedelta(days=1)
        self.repaired.setDate(QDate(day.year, day.month, day.day))
        self.memo = QLineEdit()
        self.memo.setObjectName("memo")
        self.field(self.tr("Bills the leak ran up"), self.bills, "bills")
        self.field(self.tr("Proof of repair"), self.proof, "proof")
        self.field(self.tr("Repaired on"), self.repaired, "repaired_on", required=False)
        self.field(self.tr("Note"), self.memo, "memo", required=False)
        self.steps = table("steps", [self.tr("Step"), self.tr("Figure")], 0)
        self.steps.setAccessibleName(self.tr("The calculation, step by step"))
        self.body_layout.addWidget(self.steps)
        self.calc_button = self.add_button(self.tr("&Calculate"), self.calculate, name="calculate")
        self.buttons.insertWidget(0, self.calc_button)
        self.print_button = self.add_button(
            self.tr("Save the calculation as PDF"), self._print, name="print"
        )
        self.print_button.setVisible(False)
        self.ok.setObjectName("ok")
        self.ok.setEnabled(False)
        self.first_field = self.bills
        self.setMinimumWidth(560)
        self.proof.currentIndexChanged.connect(self._proof_changed)
        self.bills.itemChanged.connect(lambda _i: self.ok.setEnabled(False))
        self._proof_changed()

    def _proof_changed(self) -> None:
        self.repaired.setEnabled(not self.proof.currentData())
        self.ok.setEnabled(False)

    def chosen(self) -> list[str]:
        return [
            self.bills.item(i).text()
            for i in range(self.bills.count())
            if self.bills.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _repaired_on(self) -> date | None:
        if self.proof.currentData():
            return None
        d = self.repaired.date()
        return date(d.year(), d.month(), d.day())

    def _calculation(self):
        return leak_calculation(
            self.station,
            self.account_no,
            self.chosen(),
            work_order_no=self.proof.currentData() or "",
            repaired_on=self._repaired_on(),
        ).calculation

    def calculate(self) -> None:
        try:
            calc = self._calculation()
        except CounterError as exc:
            self.say(str(exc))
            fill(self.steps, [])
            self.ok.setEnabled(False)
            return
        # in the signed-in language, as the customer's letter is in theirs
        shown = [list(s.text(i18n.current())) for s in calc.steps]
        fill(self.steps, shown, right={1})
        self.say(
            self.tr("Credit {amount}: a second supervisor approves it.").format(
                amount=shown[-1][1]
            ),
            tone="info",
        )
        self.ok.setEnabled(True)

    def perform(self, approval) -> str:
        """Checked again, then (once a second supervisor has approved) saved."""
        self._calculation()
        if approval is None:
            raise PermissionDenied(
                self.tr("A second supervisor approves a leak adjustment (not you)."),
                self.permission,
            )
        self.adjusted = leak_adjustment(
            self.station,
            self.actor,
            approval.approver,
            self.account_no,
            self.chosen(),
            work_order_no=self.proof.currentData() or "",
            repaired_on=self._repaired_on(),
            memo=self.memo.text(),
        )
        done_with(self, self.adjusted)
        overrides.spend(approval)
        done = self.adjusted
        self.bills.setEnabled(False)
        self.calc_button.setEnabled(False)
        self.print_button.setVisible(True)
        return self.tr("Saved as calculation {no}; new balance {balance}.").format(
            no=done.calc_no, balance=done.balance.format()
        )

    def _print(self) -> None:
        self.save_pdf(None)

    def save_pdf(self, path: Path | None) -> Path | None:
        """The calculation's letter into the station's letters folder (or `path`)."""
        if self.adjusted is None:
            return None
        target = path or self.station.home / "letters" / f"{self.adjusted.calc_no}.pdf"
        try:
            written = save_calculation_pdf(self.station, self.actor, self.adjusted.calc_no, target)
        except (CounterError, OSError) as exc:
            self.say(str(exc))
            return None
        self.say(self.tr("Calculation saved as {path}.").format(path=written), tone="ok")
        return written

    def done(self, result: int) -> None:  # an accepted dialog is one that saved an adjustment
        super().done(
            QDialog.DialogCode.Accepted
            if self.adjusted is not None and result == QDialog.DialogCode.Rejected
            else result
        )
