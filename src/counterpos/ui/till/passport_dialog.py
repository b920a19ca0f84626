"""Passport acceptance: one page per applicant with the clerk's checklist and the State's payment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterpos.services.counter.passport import CHECKLIST
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog
from counterpos.ui.formats import DATE_HINT
from counterpos.ui.i18n import service_words
from counterpos.ui.widgets.counter_dialog import CounterDialog

FORMS = (("DS-11", "DS-11 (new passport, in person)"), ("DS-82", "DS-82 (renewal by mail)"))
PAYMENTS = (("check", "Check"), ("money_order", "Money order"))


class ApplicantPage(QWidget):
    """One applicant: the form, the checklist, and the check or money order to the State."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.dob = QLineEdit()
        self.dob.setObjectName("date_of_birth")
        self.dob.setPlaceholderText(DATE_HINT)
        self.form = QComboBox()
        self.form.setObjectName("form_type")
        for value, label in FORMS:
            self.form.addItem(self.tr(label), value)
        self.checks: dict[str, QCheckBox] = {}
        box = QGroupBox(self.tr("Checklist (every item before the oath is signed)"))
        box_layout = QVBoxLayout(box)
        for key, label in CHECKLIST:
            said = service_words(label)  # the services' words, as their refusal names them
            check = QCheckBox(said[:1].upper() + said[1:])
            check.setObjectName(key)
            self.checks[key] = check
            box_layout.addWidget(check)
        self.pay_kind = QComboBox()
        self.pay_kind.setObjectName("dos_payment_kind")
        for value, label in PAYMENTS:
            self.pay_kind.addItem(self.tr(label), value)
        self.pay_no = QLineEdit()
        self.pay_no.setObjectName("dos_payment_no")
        self.pay_amount = QLineEdit()
        self.pay_amount.setObjectName("dos_amount")
        self.pay_amount.setPlaceholderText("130.00")
        form = QFormLayout()
        form.addRow(self.tr("Name as on the form *"), self.name)
        form.addRow(self.tr("Date of birth *"), self.dob)
        form.addRow(self.tr("Form *"), self.form)
        state = QGroupBox(
            self.tr("Application fee to the U.S. Department of State (not taken here)")
        )
        state_form = QFormLayout(state)
        state_form.addRow(self.tr("Paid by *"), self.pay_kind)
        state_form.addRow(self.tr("Number *"), self.pay_no)
        state_form.addRow(self.tr("Amount *"), self.pay_amount)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(state)

    def record(self) -> dict:
        return {
            "name": self.name.text(),
            "date_of_birth": self.dob.text(),
            "form_type": self.form.currentData(),
            "checklist": {key: box.isChecked() for key, box in self.checks.items()},
            "dos_payment_kind": self.pay_kind.currentData(),
            "dos_payment_no": self.pay_no.text(),
            "dos_amount": self.pay_amount.text(),
        }


class PassportDialog(CounterDialog):
    """Returns the passport line's details; with a station, OK also prices them (`lines`).

    Each applicant is a tab; the form scrolls inside the dialog, its buttons stay in view."""

    def __init__(self, station=None, customer_id: str | None = None, parent=None) -> None:
        super().__init__(self.tr("Passport acceptance"), parent)
        self.station = station
        self.customer_id = customer_id
        self.lines: list = []
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Applicants"))
        self.photos = QSpinBox()
        self.photos.setObjectName("photo_sets")
        self.photos.setRange(0, 20)
        add = QPushButton(self.tr("Add applicant (Ctrl+N)"))
        add.setObjectName("add_applicant")
        add.setAutoDefault(False)
        add.setShortcut("Ctrl+N")
        add.clicked.connect(self.add_applicant)
        remove = QPushButton(self.tr("Remove applicant"))
        remove.setObjectName("remove_applicant")
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_applicant)
        top = QHBoxLayout()
        top.addWidget(add)
        top.addWidget(remove)
        top.addStretch(1)
        photos = QLabel(self.tr("&Photo sets taken here"))
        photos.setBuddy(self.photos)
        top.addWidget(photos)
        top.addWidget(self.photos)
        self.body_layout.addLayout(top)
        self.body_layout.addWidget(self.tabs, 1)
        self.error = self.message
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Add to sale (Enter)"), self.confirm, primary=True, name="ok"
        )
        first = self.add_applicant()
        self.first_field = first.name
        self.setMinimumWidth(620)

    def add_applicant(self) -> ApplicantPage:
        page = ApplicantPage()
        self.tabs.addTab(page, self.tr("Applicant {n}").format(n=self.tabs.count() + 1))
        self.tabs.setCurrentWidget(page)
        page.name.setFocus()
        return page

    def remove_applicant(self) -> None:
        if self.tabs.count() > 1:
            self.tabs.removeTab(self.tabs.currentIndex())

    def pages(self) -> list[ApplicantPage]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def details(self) -> dict:
        return {
            "applicant_records": [p.record() for p in self.pages()],
            "photo_sets": str(self.photos.value()),
        }

    def confirm(self) -> None:
        if self.station is None:
            self.work_saved()
            self.accept()
            return
        try:
            self.lines = catalog.price_lines(
                self.station,
                "passport_execution",
                details=self.details(),
                customer_id=self.customer_id,
            )
        except CounterError as exc:
            self.say(str(exc))
            return
        self.work_saved()
        self.accept()
