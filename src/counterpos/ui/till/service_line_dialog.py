"""One service line: a form generated from the service's field list; errors shown by their field."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.cart import CartLine
from counterpos.domain.money import Money
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError, InputError, NotFound
from counterpos.services.sale import approved_lines, catalog
from counterpos.services.sale.service_rules import rules_for
from counterpos.ui.formats import DATE_HINT, entry_date_text
from counterpos.ui.i18n import service_name
from counterpos.ui.i18n import service_words as words
from counterpos.ui.widgets.counter_dialog import CounterDialog

# Date fields that are almost always today when a line is rung.
TODAY_FIELDS = ("start_date", "stop_date")


class ServiceLineDialog(CounterDialog):
    """Prices the line through services.catalog.price_lines.

    Required fields are marked with an asterisk (and nothing is labelled optional); a field's
    error shows beneath it, wraps in full and goes once the field is changed. The form
    scrolls inside the dialog on a short screen; its buttons stay in view.

    Once accepted, `lines` holds the main CartLine plus its companions (the disability-access
    fee with a business license, a late penalty, a new bus card) and `line` the main one.

    A citation or license the service refuses because it was paid already, on which a late
    penalty is still owed, brings an offer: "Charge the late penalty owed", which closes the
    form and emits `penalty_asked(penalty line, number)` for the till to ask a supervisor.
    """

    penalty_asked = Signal(object, str)

    def __init__(
        self,
        station,
        service,
        customer_panel=None,
        account=None,
        parent=None,
        customer_id: str | None = None,
    ) -> None:
        super().__init__(service_name(service.code, service.name), parent)
        self.station = station
        self.service = service
        self.customer_id = customer_id or (customer_panel.customer_id if customer_panel else None)
        self.line = None
        self.lines: list = []
        self._records: dict[str, list[dict]] = {}
        self._accounts = {
            a.account_no: a for a in (customer_panel.accounts if customer_panel else ())
        }
        self._amount_edited = False

        form = self.add_form()
        rules = rules_for(service.code)
        needed = set(rules.required_fields) if rules is not None else set()
        for spec in service.fields:
            editor = self._editor(spec, account)
            # A checkbox carries its own words; its row label would say them twice.
            label = "" if spec["type"] == "bool" else words(spec["label"])
            required = bool(spec.get("required")) or spec["name"] in needed
            self.add_field(form, label, editor, spec["name"], required=required)
        if service.takes_quantity:
            qty = QSpinBox()
            qty.setObjectName("quantity")
            qty.setRange(1, 99)
            self.add_field(form, self.tr("Quantity"), qty, "quantity", required=True)
        if service.takes_amount:
            amount = QLineEdit()
            amount.setObjectName("amount")
            amount.setPlaceholderText("0.00")
            amount.textEdited.connect(self._mark_amount_edited)
            self.add_field(form, self.tr("Amount"), amount, "amount", required=True)
        self.account_hint = QLabel()
        self.account_hint.setObjectName("subtitle")
        self.account_hint.setWordWrap(True)
        if any(s["type"] == "account" for s in service.fields):
            form.insertRow(1, "", self.account_hint)
        self.fee = QLabel()
        self.fee.setObjectName("subtitle")
        self.fee.setWordWrap(True)
        if not service.takes_amount:
            self.fee.setText(self._fee_text())
        self.body_layout.addWidget(self.fee)
        self.body_layout.addStretch(1)
        self.error = self.message
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(self.tr("Add to sale (Enter)"), self.confirm, primary=True)
        self.owed: CartLine | None = (
            None  # the late penalty owed on what the form names, when offered
        )
        self.penalty_button = self.add_button(
            self.tr("Charge the late &penalty owed…"), self.ask_penalty, name="penalty_offer"
        )
        self.penalty_button.hide()
        self.setMinimumWidth(560)
        self._default_amount()
        first = next(iter(self.fields.values()), None)
        if first is not None:
            self.first_field = first.editor
        if account is not None and "amount" in self.fields and "account_no" in self.fields:
            # The account is already the chosen one: the amount is what is left to type.
            self.first_field = self.fields["amount"].editor
        self._as_built = [(w, _read(w)) for w in self._inputs()]

    def reusable(self) -> bool:
        """Whether `start` can put this form back as it was built: not with a records field
        (its own dialog's entries), which a new form takes instead."""
        return not any(spec["type"] == "records" for spec in self.service.fields)

    def start(self) -> None:
        """Open again for the next line (the till keeps the form of the same service for the
        same customer and account): every field as it was built, no error, no message, no
        line; showing it again fits it to the screen and focuses its first field."""
        self.line = None
        self.lines = []
        self._records = {}
        self._amount_edited = False
        self.question = None
        for widget, value in self._as_built:
            _write(widget, value)
        self.clear_errors()
        self._default_amount()
        self._shown = False

    # -- building -------------------------------------------------------------------------

    def _editor(self, spec: dict, account) -> QWidget:
        kind, name = spec["type"], spec["name"]
        if kind == "choice":
            box = QComboBox()
            for value, label in spec["choices"]:
                box.addItem(words(label), value)
            widget: QWidget = box
        elif kind == "account":
            box = QComboBox()
            box.setEditable(True)
            for no, a in self._accounts.items():
                box.addItem(f"{no}", no)
                box.setItemData(box.count() - 1, a.service_address, 3)  # tooltip role
            if account is not None:
                box.setCurrentText(account.account_no)
            else:
                box.setCurrentText("")
            box.currentTextChanged.connect(lambda _t: self._default_amount())
            widget = box
        elif kind == "gl_account":
            box = QComboBox()
            for code, label in catalog.misc_gl_accounts(self.station):
                box.addItem(f"{code} {label}", code)
            widget = box
        elif kind == "bool":
            widget = QCheckBox(words(spec["label"]))
        elif kind == "checklist":
            widget = QWidget()
            column = QVBoxLayout(widget)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            for key, label in spec.get("items", []):
                check = QCheckBox(words(label))
                check.setObjectName(key)
                column.addWidget(check)
        elif kind == "records":
            button = QPushButton(
                self.tr("Enter {what}… (none yet)").format(what=words(spec["label"]))
            )
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=spec: self._enter_records(s))
            widget = button
        else:  # text, date, money
            edit = QLineEdit()
            if kind == "date":
                edit.setPlaceholderText(DATE_HINT)
                if name in TODAY_FIELDS:
                    edit.setText(entry_date_text(local_today()))
            elif kind == "money":
                edit.setPlaceholderText("0.00")
            widget = edit
        widget.setObjectName(name)
        return widget

    def checks(self, name: str) -> dict[str, QCheckBox]:
        """The checkboxes of a checklist field, by item key."""
        return {c.objectName(): c for c in self.fields[name].editor.findChildren(QCheckBox)}

    def _enter_records(self, spec: dict) -> None:
        """A records field is filled in its own dialog (passport applicants)."""
        from counterpos.ui.till.passport_dialog import PassportDialog  # noqa: PLC0415

        dialog = PassportDialog(parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        details = dialog.details()
        self._records[spec["name"]] = details.get(spec["name"], [])
        if "photo_sets" in self.fields and "photo_sets" in details:
            editor = self.fields["photo_sets"].editor
            if isinstance(editor, QLineEdit):
                editor.setText(details["photo_sets"])
        self.fields[spec["name"]].editor.setText(
            self.tr("{what}: {n} entered (change…)").format(
                what=words(spec["label"]), n=len(self._records[spec["name"]])
            )
        )

    def _fee_text(self) -> str:
        rule = self.service.rule
        if rule.get("kind") in ("fixed", "per_quantity"):
            from counterpos.domain.money import Money

            each = self.tr(" each") if rule["kind"] == "per_quantity" else ""
            return self.tr("Fee: {fee}{each}").format(
                fee=Money(int(rule["cents"])).format(), each=each
            )
        return self.tr("The fee follows from the details above.")

    def _hint(self, account) -> str:
        if account is None:
            return ""
        balance = account.balance
        owed = (
            self.tr("balance due {amount}").format(amount=balance.format())
            if balance.cents >= 0
            else self.tr("credit {amount}").format(amount=(-balance).format())
        )
        return f"{account.service_address} · {owed}"

    def _mark_amount_edited(self, _text: str) -> None:
        self._amount_edited = True

    def prefill_amount(self, amount: Money) -> None:
        """Type `amount` in for the cashier (a bill stub's amount due), selected and kept: a
        change of account no longer puts the live balance in its place."""
        editor = self.fields["amount"].editor
        editor.setText(amount.plain())
        self._amount_edited = True
        editor.setFocus()
        editor.selectAll()

    def _default_amount(self) -> None:
        """A utility payment starts at the chosen account's balance due (the cashier may change it)."""
        if "account_no" in self.fields:
            account = self._accounts.get(self.value("account_no").strip())
            self.account_hint.setText(self._hint(account))
        if (
            self.service.code != "utility_payment"
            or "amount" not in self.fields
            or self._amount_edited
        ):
            return
        account = self._accounts.get(self.value("account_no").strip())
        amount = self.fields["amount"].editor
        if account is not None and account.balance.cents > 0:
            amount.setText(account.balance.plain())
        else:
            amount.clear()

    # -- reading and confirming -----------------------------------------------------------

    def value(self, name: str):
        field = self.fields.get(name)
        if field is None:
            return ""
        if name in self._records:
            return self._records[name]
        editor = field.editor
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QPushButton):  # a records field nobody filled in
            return ""
        if isinstance(editor, QComboBox):
            if editor.isEditable():
                return editor.currentText()
            return str(editor.currentData())
        if isinstance(editor, QSpinBox):
            return str(editor.value())
        if not isinstance(editor, QLineEdit):  # a checklist
            return {key: box.isChecked() for key, box in self.checks(name).items()}
        return editor.text()

    def details(self) -> dict:
        return {spec["name"]: self.value(spec["name"]) for spec in self.service.fields}

    def confirm(self) -> None:
        self.clear_errors()
        self.owed = None
        self.penalty_button.hide()
        quantity = int(self.value("quantity") or 1)
        try:
            lines = catalog.price_lines(
                self.station,
                self.service.code,
                details=self.details(),
                amount_text=self.value("amount") if self.service.takes_amount else None,
                quantity=quantity,
                customer_id=self.customer_id,
            )
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            self._offer_penalty(exc.field)
            return
        except NotFound as exc:
            # An unknown account number: the only lookup a line's details make.
            field = next((s["name"] for s in self.service.fields if s["type"] == "account"), None)
            self.show_error(str(exc), field)
            return
        except CounterError as exc:
            self.show_error(str(exc), None)
            return
        self.lines = lines
        self.line = lines[0]
        self.work_saved()
        self.accept()

    def _offer_penalty(self, field: str | None) -> None:
        """Refused on the number of a citation or license paid earlier: when a late penalty is
        still owed on it, offer to charge it (a supervisor approves, with a reason)."""
        penalty = approved_lines.OWED_ON.get(self.service.code)
        if penalty is None or field != approved_lines.KEYS[penalty]:
            return
        owed = approved_lines.penalty_owed(self.station, self.service.code, self.value(field))
        if owed is None:
            return
        self.owed = owed
        self.penalty_button.setText(
            self.tr("Charge the late &penalty owed ({amount})…").format(amount=owed.amount.format())
        )
        self.penalty_button.show()
        self.penalty_button.setFocus()  # Enter takes the offer; Shift+Tab goes back to fix it

    def ask_penalty(self) -> None:
        if self.owed is None:
            return
        owed = self.owed
        number = str(owed.details.get(approved_lines.KEYS[owed.service_code], ""))
        self.discard()  # nothing to keep: the form's line was refused
        self.penalty_asked.emit(owed, number)

    def field_error(self, name: str) -> str:
        return self.fields[name].error_text()


def _read(w: QWidget):
    """What an input holds, in the form `_write` puts back."""
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QComboBox):
        return (w.currentIndex(), w.currentText())
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QDateEdit):
        return w.date()
    return None


def _write(w: QWidget, value) -> None:
    if isinstance(w, QLineEdit):
        w.setText(value)
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText(value)
    elif isinstance(w, QCheckBox):
        w.setChecked(value)
    elif isinstance(w, QComboBox):
        w.setCurrentIndex(value[0])
        if w.isEditable():
            w.setCurrentText(value[1])
    elif isinstance(w, QSpinBox):
        w.setValue(value)
    elif isinstance(w, QDateEdit):
        w.setDate(value)
