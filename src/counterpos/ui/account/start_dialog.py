"""Starting utility service: the customer (looked up, or new), address, date and class with its deposit."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, InputError
from counterpos.services.sale import catalog
from counterpos.ui.formats import date_edit
from counterpos.ui.widgets.counter_dialog import CounterDialog

CLASSES = (
    ("residential_owner", "Residential owner"),
    ("residential_renter", "Residential renter"),
    ("commercial", "Commercial"),
)


class StartServiceDialog(CounterDialog):
    """Prices the start fee and the deposit (`lines`); the sale itself opens the account."""

    def __init__(
        self, station, customer_id: str | None = None, customer_name: str = "", parent=None
    ) -> None:
        super().__init__(self.tr("Start utility service"), parent)
        self.station = station
        self.customer_id = customer_id
        self.lines: list = []
        self.address = QLineEdit()
        self.address.setObjectName("service_address")
        self.start_date = date_edit(local_today())
        self.start_date.setObjectName("start_date")
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
        self.body_layout.addWidget(who)
        if customer_id is None:
            who_form = QFormLayout(who)
            self.add_field(who_form, self.tr("&Name"), self.owner_name, "owner_name", required=True)
            self.add_field(
                who_form,
                self.tr("&Mailing address"),
                self.owner_address,
                "owner_address",
                required=True,
            )
            self.add_field(who_form, self.tr("P&hone"), self.owner_phone, "owner_phone")
        else:
            QVBoxLayout(who).addWidget(QLabel(customer_name))
        form = self.add_form()
        self.add_field(
            form, self.tr("&Service address"), self.address, "service_address", required=True
        )
        self.add_field(form, self.tr("S&tart date"), self.start_date, "start_date", required=True)
        self.add_field(
            form, self.tr("Customer &class"), self.klass, "customer_class", required=True
        )
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Add to sale (Enter)"), self.confirm, primary=True, name="ok"
        )
        self.first_field = self.owner_name if customer_id is None else self.address
        self.setMinimumWidth(520)

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
        self.clear_errors()
        try:
            self.lines = catalog.price_lines(
                self.station,
                "start_service",
                details=self.details(),
                customer_id=self.customer_id,
            )
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            return
        except CounterError as exc:
            self.say(str(exc))
            return
        self.work_saved()
        self.accept()
