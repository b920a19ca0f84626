"""A leak adjustment at the counter: choose the leak's bills and the repair's proof, see the
policy's calculation step by step, then a second supervisor approves it; the calculation is
kept with the adjustment and can be printed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.access import auth
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.utility.adjustments import Adjusted
from counterpos.services.utility.calculated.leak import leak_adjustment, leak_calculation
from counterpos.services.utility.calculated.printout import save_calculation_pdf
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.formats import set_date_format


class LeakAdjustmentDialog(QDialog):
    """`adjusted` holds the services' Adjusted once saved."""

    def __init__(
        self, station, actor, account_no: str, bills, repaired_orders, parent=None
    ) -> None:
        super().__init__(parent)
        self.station, self.actor, self.account_no = station, actor, account_no
        self.adjusted: Adjusted | None = None
        self.setWindowTitle(self.tr("Leak adjustment: account {no}").format(no=account_no))
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
        self.steps = table("steps", [self.tr("Step"), self.tr("Figure")], 0)
        self.approver = QLineEdit()
        self.approver.setObjectName("approver")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.calc_button = QPushButton(self.tr("&Calculate"))
        self.calc_button.setObjectName("calculate")
        self.ok = QPushButton(self.tr("Approve and save"))
        self.ok.setObjectName("ok")
        self.ok.setEnabled(False)
        self.print_button = QPushButton(self.tr("Save the calculation as PDF"))
        self.print_button.setObjectName("print")
        self.print_button.setVisible(False)
        close = QPushButton(self.tr("Back (Esc)"))
        form = QFormLayout()
        form.addRow(self.tr("Bills the leak ran up"), self.bills)
        form.addRow(self.tr("Proof of repair"), self.proof)
        form.addRow(self.tr("Repaired on"), self.repaired)
        form.addRow(self.tr("Note"), self.memo)
        box = QGroupBox(self.tr("Supervisor approval (not the person entering it)"))
        box_form = QFormLayout(box)
        box_form.addRow(self.tr("Supervisor"), self.approver)
        box_form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calc_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.steps)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.proof.currentIndexChanged.connect(self._proof_changed)
        self.bills.itemChanged.connect(lambda _i: self.ok.setEnabled(False))
        self.calc_button.clicked.connect(self.calculate)
        self.ok.clicked.connect(self.save)
        self.print_button.clicked.connect(lambda: self.save_pdf(None))
        close.clicked.connect(self.reject)
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

    def calculate(self) -> None:
        try:
            calc = leak_calculation(
                self.station,
                self.account_no,
                self.chosen(),
                work_order_no=self.proof.currentData() or "",
                repaired_on=self._repaired_on(),
            ).calculation
        except CounterError as exc:
            self.message.setText(str(exc))
            fill(self.steps, [])
            self.ok.setEnabled(False)
            return
        fill(self.steps, [[s.label, s.value] for s in calc.steps], right={1})
        self.message.setText(
            self.tr("Credit {amount}: a second supervisor approves it.").format(
                amount=calc.steps[-1].value
            )
        )
        self.ok.setEnabled(True)

    def save(self) -> None:
        try:
            approver = auth.login(
                self.station, self.approver.text(), self.pin.text(), action="approve_adjustment"
            )
            self.adjusted = leak_adjustment(
                self.station,
                self.actor,
                approver,
                self.account_no,
                self.chosen(),
                work_order_no=self.proof.currentData() or "",
                repaired_on=self._repaired_on(),
                memo=self.memo.text(),
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            self.pin.clear()
            return
        done = self.adjusted
        self.message.setText(
            self.tr("Saved as calculation {no}; new balance {balance}.").format(
                no=done.calc_no, balance=done.balance.format()
            )
        )
        self.ok.setEnabled(False)
        self.calc_button.setEnabled(False)
        self.print_button.setVisible(True)

    def save_pdf(self, path: Path | None) -> Path | None:
        """The calculation's letter into the station's letters folder (or `path`)."""
        if self.adjusted is None:
            return None
        target = path or self.station.home / "letters" / f"{self.adjusted.calc_no}.pdf"
        try:
            written = save_calculation_pdf(self.station, self.actor, self.adjusted.calc_no, target)
        except (CounterError, OSError) as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText(self.tr("Calculation saved as {path}.").format(path=written))
        return written

    def done(self, result: int) -> None:  # an accepted dialog is one that saved an adjustment
        super().done(
            QDialog.DialogCode.Accepted
            if self.adjusted is not None and result == QDialog.DialogCode.Rejected
            else result
        )
