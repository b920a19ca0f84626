"""Starting a payment arrangement at the counter: the plan previewed as it is typed, saved once
the customer agrees (a reduction also needs a second supervisor's PIN)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from counterpos.domain.money import Money
from counterpos.domain.utility.arrangement import KINDS
from counterpos.services.access import auth
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.utility.delinquency.arrangements import (
    ArrangementView,
    proposal,
    start_arrangement,
)
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.formats import set_date_format


class ArrangementDialog(QDialog):
    """`arrangement` holds the saved ArrangementView once accepted."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor, self.account_no = station, actor, account_no
        self.arrangement: ArrangementView | None = None
        self.setWindowTitle(self.tr("Payment arrangement: account {no}").format(no=account_no))
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
        self.approver = QLineEdit()
        self.approver.setObjectName("approver")
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.plan = table("plan", [self.tr("Due"), self.tr("Amount")], 1)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Save the arrangement"))
        self.ok.setObjectName("ok")
        self.ok.setDefault(True)
        back = QPushButton(self.tr("Back (Esc)"))
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Instalments (monthly)"), self.count)
        form.addRow(self.tr("First one due"), self.first_due)
        form.addRow(self.tr("Forgiven"), self.forgiven)
        form.addRow(self.tr("Note"), self.note)
        self.approval = QGroupBox(self.tr("A reduction: supervisor approval (not you)"))
        box = QFormLayout(self.approval)
        box.addRow(self.tr("Supervisor"), self.approver)
        box.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.approval)
        layout.addWidget(self.summary)
        layout.addWidget(self.plan)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        for signal in (
            self.kind.currentIndexChanged,
            self.count.valueChanged,
            self.first_due.dateChanged,
        ):
            signal.connect(self.preview)
        self.forgiven.textChanged.connect(self.preview)
        self.ok.clicked.connect(self.save)
        back.clicked.connect(self.reject)
        self.preview()
        self.kind.setFocus()

    def _first_due(self):
        d = self.first_due.date()
        return local_today().replace(year=d.year(), month=d.month(), day=d.day())

    def preview(self) -> None:
        reduction = self.kind.currentData() == "reduction"
        self.forgiven.setEnabled(reduction)
        self.approval.setVisible(reduction)
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
            self.message.setText(str(exc))
            fill(self.plan, [])
            self.summary.setText("")
            self.ok.setEnabled(False)
            return
        self.message.setText("")
        self.ok.setEnabled(True)
        self.summary.setText(
            self.tr("Arrears {arrears}{cut}; new bills are paid as they fall due as well.").format(
                arrears=Money(arrears).format(),
                cut=self.tr(", {cut} forgiven").format(cut=Money(cut).format()) if cut else "",
            )
        )
        fill(
            self.plan, [[f"{i.due_on:%m/%d/%Y}", Money(i.cents).format()] for i in plan], right={1}
        )

    def save(self) -> None:
        reduction = self.kind.currentData() == "reduction"
        try:
            approver = None
            if reduction:
                approver = auth.login(
                    self.station, self.approver.text(), self.pin.text(), action="approve_adjustment"
                )
            self.arrangement = start_arrangement(
                self.station,
                self.actor,
                self.account_no,
                self.kind.currentData(),
                self.count.value(),
                self._first_due(),
                forgiven=self.forgiven.text() if reduction else "",
                approver=approver,
                note=self.note.text(),
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            self.pin.clear()
            return
        self.accept()
