"""The tender dialog's pages: taking payment (what is due, the parts, the form) and change due."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.money import Money
from counterpos.domain.tenders import CARD, CASH, CHECK, LABELS, MONEY_ORDER, Tender
from counterpos.ui.widgets.form_field import FormField
from counterpos.ui.widgets.receipt_view import ReceiptView

KIND_KEYS = ((CASH, "F7"), (CHECK, "F8"), (MONEY_ORDER, "F9"), (CARD, "F10"))


class PaymentPage(QWidget):
    """Total and still due, the parts taken so far, the tender form and its buttons.

    `kind_changed` when the tender kind changes, `amount_changed` as the amount is typed,
    `take_clicked` and `back_clicked` for its buttons; the dialog decides what they do."""

    kind_changed = Signal()
    amount_changed = Signal()
    take_clicked = Signal()
    back_clicked = Signal()

    def __init__(self, total: Money, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        title = QLabel(tr("Take payment"))
        title.setObjectName("title")
        self.total_label = QLabel(total.format())
        self.total_label.setObjectName("bigTotal")
        self.remaining_label = QLabel()
        self.remaining_label.setObjectName("remainingDue")
        sums = QGridLayout()
        sums.addWidget(QLabel(tr("Total")), 0, 0)
        sums.addWidget(self.total_label, 1, 0)
        sums.addWidget(QLabel(tr("Still due")), 0, 1)
        sums.addWidget(self.remaining_label, 1, 1)
        self.card_fee_title = QLabel(tr("Card convenience fee"))
        self.card_fee = QLabel()
        self.card_fee.setObjectName("cardFee")
        sums.addWidget(self.card_fee_title, 0, 2)
        sums.addWidget(self.card_fee, 1, 2)

        self.parts_table = QTableWidget(0, 3)
        self.parts_table.setObjectName("tenders")
        self.parts_table.setHorizontalHeaderLabels([tr("Tender"), tr("Details"), tr("Amount")])
        self.parts_table.verticalHeader().hide()
        self.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.parts_table.setMaximumHeight(110)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, key in KIND_KEYS:
            self.kind.addItem(f"{tr(LABELS[kind])} ({key})", kind)
        self.amount = FormField(QLineEdit())
        self.amount.editor.setObjectName("amount")
        self.number = FormField(QLineEdit())
        self.number.editor.setObjectName("number")
        self.payer = FormField(QLineEdit())
        self.payer.editor.setObjectName("payer")
        # Enter reaches `take` through the default button; connecting returnPressed as well
        # would run it twice and dismiss the change-due page with the same key press.
        form = QFormLayout()
        form.addRow(tr("Tender"), self.kind)
        form.addRow(tr("Amount"), self.amount)
        self.number_label = QLabel(tr("Number"))
        self.payer_label = QLabel(tr("Payer"))
        form.addRow(self.number_label, self.number)
        form.addRow(self.payer_label, self.payer)
        self.change_preview = QLabel()
        self.change_preview.setObjectName("remainingDue")
        self.change_preview.setMinimumWidth(220)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.take_button = QPushButton(tr("Take payment (Enter)"))
        self.take_button.setDefault(True)
        self.back_button = QPushButton(tr("Back (Esc)"))
        self.back_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_preview)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.take_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(sums)
        layout.addWidget(self.parts_table)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(lambda _i: self.kind_changed.emit())
        self.amount.editor.textChanged.connect(lambda _t: self.amount_changed.emit())
        self.take_button.clicked.connect(self.take_clicked)
        self.back_button.clicked.connect(self.back_clicked)

    # -- what the form holds --------------------------------------------------------------

    def current_kind(self) -> str:
        return self.kind.currentData()

    def choose_kind(self, kind: str) -> None:
        """Select `kind` in the form (which says so by `kind_changed` if it changed)."""
        self.kind.setCurrentIndex([k for k, _ in KIND_KEYS].index(kind))

    def amount_text(self) -> str:
        return self.amount.editor.text()

    def reference(self) -> str:
        """The check or money order number, as typed."""
        return self.number.editor.text().strip()

    def payer_name(self) -> str:
        return self.payer.editor.text().strip()

    def offer(self, amount: Money) -> None:
        """Put `amount` in the amount field, selected so typing replaces it."""
        self.amount.editor.setText(amount.plain())
        self.amount.editor.selectAll()

    def focus_amount(self, select: bool = True) -> None:
        """The amount takes the focus; selected, typing replaces what it offers."""
        self.amount.editor.setFocus()
        if select:
            self.amount.editor.selectAll()

    def clear_details(self) -> None:
        """Empty the number and payer (after a part is taken, or for a kind without them)."""
        self.number.editor.clear()
        self.payer.editor.clear()

    # -- what the form shows --------------------------------------------------------------

    def show_kind(self, kind: str) -> None:
        """Enable the number and payer for a check or money order, each labelled for it."""
        needs_number = kind in (CHECK, MONEY_ORDER)
        for w in (self.number_label, self.number, self.payer_label, self.payer):
            w.setEnabled(needs_number)
        self.payer_label.setText(self.tr("Payer") if kind == CHECK else self.tr("Payer (optional)"))
        self.number_label.setText(
            self.tr("Check number")
            if kind == CHECK
            else self.tr("Money order number")
            if kind == MONEY_ORDER
            else self.tr("Number")
        )
        if not needs_number:
            self.clear_details()

    def show_due(self, remaining: Money, card_fee: Money, has_cards: bool) -> None:
        """What is still due (offered in the amount field) and, once a card paid, its fee."""
        self.card_fee.setText(card_fee.format())
        for w in (self.card_fee_title, self.card_fee):
            w.setVisible(has_cards)
        self.remaining_label.setText(remaining.format())
        self.offer(remaining)

    def show_parts(self, parts: list[Tender], cards: list) -> None:
        """Each cash, check or money order part taken so far, then each approved card."""
        tr = self.tr
        rows = [
            (tr(LABELS[t.kind]), ", ".join(x for x in (t.reference, t.payer) if x), t.amount)
            for t in parts
        ] + [
            (
                tr(LABELS[CARD]),
                tr("{brand} ending {last4}, approval {code}, fee {fee}").format(
                    brand=r.brand.upper(), last4=r.last4, code=r.approval_code, fee=r.fee.format()
                ),
                r.approved,
            )
            for r in cards
        ]
        table = self.parts_table
        table.setRowCount(len(rows))
        for row, (kind, detail, amount) in enumerate(rows):
            for col, text in enumerate((kind, detail, amount.format())):
                table.setItem(row, col, QTableWidgetItem(text))
        table.setVisible(bool(rows))

    def show_preview(self, text: str) -> None:
        """The change (cash) or the card's charge and fee, as the amount is typed."""
        self.change_preview.setText(text)

    def say(self, text: str) -> None:
        """The message under the form ("" clears it)."""
        self.message.setText(text)

    def field_for(self, message: str) -> FormField:
        """The field a validation message is about: the number, the payer, else the amount."""
        text = message.lower()
        if "number" in text:
            return self.number
        if "payer" in text:
            return self.payer
        return self.amount

    def show_error(self, message: str, field: FormField | None) -> None:
        """`message` by `field`, which takes the focus; without a field, under the form."""
        if field is None:
            self.say(message)
            return
        field.show_error(message)
        field.editor.setFocus()
        field.editor.selectAll()

    def clear_errors(self) -> None:
        for f in (self.amount, self.number, self.payer):
            f.clear_error()
        self.say("")


class DonePage(QWidget):
    """Sale saved: the receipt number, the change due and the receipt as it printed.

    `next_clicked` when the cashier moves on to the next customer."""

    next_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        tr = self.tr
        title = QLabel(tr("Sale saved"))
        title.setObjectName("title")
        self.receipt_no = QLabel()
        self.receipt_no.setObjectName("receiptNo")
        self.change_title = QLabel(tr("Change due"))
        self.change_due = QLabel()
        self.change_due.setObjectName("changeDue")
        self.preview = ReceiptView()
        self.next_button = QPushButton(tr("Next customer (Enter)"))
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.receipt_no)
        left.addSpacing(16)
        left.addWidget(self.change_title)
        left.addWidget(self.change_due)
        left.addStretch(1)
        left.addWidget(self.next_button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 1)
        self.next_button.clicked.connect(self.next_clicked)

    def show_sale(self, receipt_no: str, change: Money, receipt_lines: list[str]) -> None:
        self.preview.show_lines(receipt_lines)
        self.receipt_no.setText(self.tr("Receipt {no}").format(no=receipt_no))
        self.change_due.setText(change.format())

    def focus_next(self) -> None:
        """Enter (the default button) goes on to the next customer."""
        self.next_button.setDefault(True)
        self.next_button.setFocus()
