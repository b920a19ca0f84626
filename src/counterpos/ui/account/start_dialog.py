"""Starting utility service: the customer (looked up, or new), address, date and class with its deposit."""

from __future__ import annotations

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
    QVBoxLayout,
)

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog

CLASSES = (
    ("residential_owner", "Residential owner"),
    ("residential_renter", "Residential renter"),
    ("commercial", "Commercial"),
)


class StartServiceDialog(QDialog):
    """Prices the start fee and the deposit (`lines`); the sale itself opens the account."""

    def __init__(
        self, station, customer_id: str | None = None, customer_name: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.customer_id = customer_id
        self.lines: list = []
        self.setWindowTitle(self.tr("Start utility service"))
        self.address = QLineEdit()
        self.address.setObjectName("service_address")
        self.start_date = QDateEdit()
        self.start_date.setObjectName("start_date")
        self.start_date.setDisplayFormat("MM/dd/yyyy")
        self.start_date.setCalendarPopup(True)
        today = local_today()
        self.start_date.setDate(QDate(today.year, today.month, today.day))
        self.klass = QComboBox()
        self.klass.setObjectName("customer_class")
        for value, label in CLASSES:
            self.klass.addItem(self.tr(label), value)
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("owner_name")
        self.owner_address = QLineEdit()
        self.owner_address.setObjectName("owner_address")
        self.owner_phone = QLineEdit()
        self.owner_phone.setObjectName("owner_phone")
        who = QGroupBox(self.tr("New customer") if customer_id is None else self.tr("Customer"))
        who_form = QFormLayout(who)
        if customer_id is None:
            who_form.addRow(self.tr("Name"), self.owner_name)
            who_form.addRow(self.tr("Mailing address"), self.owner_address)
            who_form.addRow(self.tr("Phone"), self.owner_phone)
        else:
            who_form.addRow(QLabel(customer_name))
        form = QFormLayout()
        form.addRow(self.tr("Service address"), self.address)
        form.addRow(self.tr("Start date"), self.start_date)
        form.addRow(self.tr("Customer class"), self.klass)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.ok = QPushButton(self.tr("Add to sale"))
        self.ok.setObjectName("ok")
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Back"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def details(self) -> dict:
        qd = self.start_date.date()
        d = {
            "service_address": self.address.text(),
            "start_date": f"{qd.year():04d}-{qd.month():02d}-{qd.day():02d}",
            "customer_class": self.klass.currentData(),
        }
        if self.customer_id is None:
            d.update(
                owner_name=self.owner_name.text(),
                owner_address=self.owner_address.text(),
                owner_phone=self.owner_phone.text(),
            )
        return d

    def confirm(self) -> None:
        try:
            self.lines = catalog.price_lines(
                self.station,
                "start_service",
                details=self.details(),
                customer_id=self.customer_id,
            )
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
