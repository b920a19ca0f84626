"""The tender dialog's pages: taking payment (what is due, the parts, the form, quick cash) and
the sale saved (change due, the receipt, the permits to print)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
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
from counterpos.domain.tenders import CARD, CASH, CHECK, MONEY_ORDER, Tender
from counterpos.ui.widgets.form_field import FormField, required_label
from counterpos.ui.widgets.receipt_view import ReceiptView

KIND_KEYS = ((CASH, "F7"), (CHECK, "F8"), (MONEY_ORDER, "F9"), (CARD, "F10"))
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
QUICK_KEYS = 6  # Alt+1 … Alt+6

# The tenders' names, where pyside6-lupdate finds them: self.tr() of the domain's English
# label was a string it could not read, so "Cash (F7)" and "Card" stayed English on Spanish
# screens.
_TENDER_NAMES: dict[str, object] = {
    CASH: QT_TRANSLATE_NOOP("Tender", "Cash"),
    CHECK: QT_TRANSLATE_NOOP("Tender", "Check"),
    MONEY_ORDER: QT_TRANSLATE_NOOP("Tender", "Money order"),
    CARD: QT_TRANSLATE_NOOP("Tender", "Card"),
}


def tender_name(kind: str) -> str:
    """A tender's name in the screens' language."""
    return QCoreApplication.translate("Tender", str(_TENDER_NAMES[kind]))


def quick_cash(due: Money) -> list[Money]:
    """What customers hand over for `due`: the exact amount, the next $5, $10, $20, $50 and
    $100 above it — each at least the amount due, none twice, in rising order. (A fixed $50
    and $100 were no use above $100: $117.00 due offered only $117.00 and $120.00.)"""
    if due.cents <= 0:
        return []
    out: list[int] = [due.cents]
    for step in (500, 1000, 2000, 5000, 10000):
        up = -(-due.cents // step) * step
        out.append(up if up > due.cents else up + step)
    seen: list[int] = []
    for cents in sorted(out):
        if cents >= due.cents and cents not in seen:
            seen.append(cents)
    return [Money(c) for c in seen[:QUICK_KEYS]]


class PaymentPage(QWidget):
    """Total and still due, the parts taken so far, the tender form, quick cash.

    `kind_changed` when the tender kind changes, `amount_changed` as the amount is typed,
    `take_clicked` and `back_clicked` for its buttons (which the dialog places in its own
    row, so they never scroll), `quick(Money)` for a quick-cash key."""

    kind_changed = Signal()
    amount_changed = Signal()
    take_clicked = Signal()
    back_clicked = Signal()
    quick = Signal(object)

    def __init__(self, total: Money, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Take payment"))
        title.setObjectName("title")
        self.total_label = QLabel(total.format())
        self.total_label.setObjectName("bigTotal")
        self.remaining_label = QLabel()
        self.remaining_label.setObjectName("remainingDue")
        sums = QGridLayout()
        sums.addWidget(QLabel(self.tr("Total")), 0, 0)
        sums.addWidget(self.total_label, 1, 0)
        sums.addWidget(QLabel(self.tr("Still due")), 0, 1)
        sums.addWidget(self.remaining_label, 1, 1)
        self.card_fee_title = QLabel(self.tr("Card convenience fee"))
        self.card_fee = QLabel()
        self.card_fee.setObjectName("cardFee")
        sums.addWidget(self.card_fee_title, 0, 2)
        sums.addWidget(self.card_fee, 1, 2)
        sums.setColumnStretch(3, 1)

        self.parts_table = QTableWidget(0, 3)
        self.parts_table.setObjectName("tenders")
        self.parts_table.setHorizontalHeaderLabels(
            [self.tr("Tender"), self.tr("Details"), self.tr("Amount")]
        )
        self.parts_table.verticalHeader().hide()
        self.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parts_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.parts_table.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.parts_table.hide()

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, key in KIND_KEYS:
            self.kind.addItem(f"{tender_name(kind)} ({key})", kind)
        amount = QLineEdit()
        amount.setObjectName("amount")
        amount.setAlignment(_RIGHT)
        self.amount = FormField(amount)
        self.number = FormField(QLineEdit())
        self.number.editor.setObjectName("number")
        self.payer = FormField(QLineEdit())
        self.payer.editor.setObjectName("payer")
        # Enter reaches `take` through the dialog's Enter; connecting returnPressed as well
        # would run it twice and dismiss the change-due page with the same key press.
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        kind_label = QLabel(self.tr("&Tender"))
        kind_label.setBuddy(self.kind)
        form.addRow(kind_label, self.kind)
        amount_label = QLabel(self.tr("&Amount"))
        amount_label.setBuddy(self.amount.editor)
        form.addRow(amount_label, self.amount)
        self.number_label = QLabel(self.tr("Number"))
        self.payer_label = QLabel(self.tr("Payer"))
        form.addRow(self.number_label, self.number)
        form.addRow(self.payer_label, self.payer)
        # One width for the labels' column: a label as wide as its own size hint lost its last
        # letter in the counter's font ("Tendeı").
        labels = (kind_label, amount_label, self.number_label, self.payer_label)
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(widest + label.fontMetrics().averageCharWidth())

        self.quick_row = QHBoxLayout()
        self.quick_title = QLabel(self.tr("Quick cash"))
        self.quick_row.addWidget(self.quick_title)
        self.quick_buttons: list[QPushButton] = []
        for n in range(QUICK_KEYS):
            button = QPushButton()
            button.setObjectName("quickCash")
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, i=n: self._quick(i))
            self.quick_buttons.append(button)
            self.quick_row.addWidget(button)
        self.quick_row.addStretch(1)
        self._quick_amounts: list[Money] = []

        self.change_preview = QLabel()
        self.change_preview.setObjectName("remainingDue")
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take payment (Enter)"))
        self.take_button.setObjectName("take")
        self.back_button = QPushButton(self.tr("Back to the sale (Esc)"))
        for b in (self.take_button, self.back_button):
            b.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(sums)
        layout.addWidget(self.parts_table)
        layout.addLayout(form)
        layout.addLayout(self.quick_row)
        layout.addWidget(self.change_preview)
        layout.addWidget(self.message)
        layout.addStretch(1)
        row = QHBoxLayout()  # the tender dialog moves these into its own row
        row.addStretch(1)
        row.addWidget(self.back_button)
        row.addWidget(self.take_button)
        layout.addLayout(row)

        self.kind.currentIndexChanged.connect(lambda _i: self.kind_changed.emit())
        self.amount.editor.textChanged.connect(lambda _t: self.amount_changed.emit())
        self.take_button.clicked.connect(self.take_clicked)
        self.back_button.clicked.connect(self.back_clicked)

    def start(self, total: Money) -> None:
        """The next sale's payment: its total; no parts, details, errors or messages left."""
        self.total_label.setText(total.format())
        self.clear_errors()
        self.clear_details()
        self.show_preview("")
        self.show_parts([], [])

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
        """Enable the number and payer for a check or money order, each labelled for it; a
        required one is marked so, and only then."""
        needs_number = kind in (CHECK, MONEY_ORDER)
        for w in (self.number_label, self.number, self.payer_label, self.payer):
            w.setVisible(needs_number)
        self.payer_label.setText(required_label(self.tr("Payer"), kind == CHECK))
        self.number_label.setText(
            required_label(
                self.tr("Check number") if kind == CHECK else self.tr("Money order number"),
                True,
            )
        )
        self._show_quick(kind)
        if not needs_number:
            self.clear_details()

    def show_due(self, remaining: Money, card_fee: Money, has_cards: bool) -> None:
        """What is still due (offered in the amount field) and, once a card paid, its fee."""
        self.card_fee.setText(card_fee.format())
        for w in (self.card_fee_title, self.card_fee):
            w.setVisible(has_cards)
        self.remaining_label.setText(remaining.format())
        self.offer(remaining)
        self._quick_amounts = quick_cash(remaining)
        for n, button in enumerate(self.quick_buttons):
            if n < len(self._quick_amounts):
                button.setText(
                    self.tr("{amount}  Alt+{n}").format(
                        amount=self._quick_amounts[n].format(), n=n + 1
                    )
                )
                button.setEnabled(True)
            else:
                button.setText("")
                button.setEnabled(False)
        self._show_quick(self.current_kind())

    def _show_quick(self, kind: str) -> None:
        show = kind == CASH and bool(self._quick_amounts)
        self.quick_title.setVisible(show)
        for n, button in enumerate(self.quick_buttons):
            button.setVisible(show and n < len(self._quick_amounts))

    def quick_amounts(self) -> list[Money]:
        return list(self._quick_amounts)

    def _quick(self, index: int) -> None:
        if index < len(self._quick_amounts):
            self.quick.emit(self._quick_amounts[index])

    def show_parts(self, parts: list[Tender], cards: list) -> None:
        """Each cash, check or money order part taken so far, then each approved card."""
        rows = [
            (tender_name(t.kind), ", ".join(x for x in (t.reference, t.payer) if x), t.amount)
            for t in parts
        ] + [
            (
                tender_name(CARD),
                self.tr("{brand} ending {last4}, approval {code}, fee {fee}").format(
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
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(_RIGHT)
                table.setItem(row, col, item)
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
        self.show_preview("")  # no "Change" next to an amount that was refused
        field.editor.setFocus()
        field.editor.selectAll()

    def clear_errors(self) -> None:
        for f in (self.amount, self.number, self.payer):
            f.clear_error()
        self.say("")


class DonePage(QWidget):
    """Sale saved: the receipt number, the change due, the receipt as it printed, and the
    permits and licenses issued with it, ready to print.

    `next_clicked` when the cashier moves on; `print_documents` (P) for the short forms on the
    receipt printer, `page_documents` (D) for the PDFs for a page printer."""

    next_clicked = Signal()
    print_documents = Signal()
    page_documents = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Sale saved"))
        title.setObjectName("title")
        self.receipt_no = QLabel()
        self.receipt_no.setObjectName("receiptNo")
        self.change_title = QLabel(self.tr("Change due"))
        self.change_due = QLabel()
        self.change_due.setObjectName("changeDue")
        self.documents_title = QLabel(self.tr("Issued with this sale"))
        self.documents_title.setObjectName("sectionHeader")
        self.documents = QLabel()
        self.documents.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print them on the receipt printer (P)"))
        self.print_button.setObjectName("printDocuments")
        self.page_button = QPushButton(self.tr("PDF for a page printer (D)"))
        self.page_button.setObjectName("pageDocuments")
        self.document_status = QLabel()
        self.document_status.setWordWrap(True)
        self.preview = ReceiptView()
        self.next_button = QPushButton(self.tr("Next customer (Enter)"))
        self.next_button.setObjectName("next")
        for b in (self.print_button, self.page_button, self.next_button):
            b.setAutoDefault(False)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.receipt_no)
        left.addSpacing(12)
        left.addWidget(self.change_title)
        left.addWidget(self.change_due)
        left.addSpacing(12)
        left.addWidget(self.documents_title)
        left.addWidget(self.documents)
        left.addWidget(self.print_button)
        left.addWidget(self.page_button)
        left.addWidget(self.document_status)
        left.addStretch(1)
        left.addWidget(self.next_button)  # the tender dialog moves it into its own row
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 1)
        self.next_button.clicked.connect(self.next_clicked)
        self.print_button.clicked.connect(self.print_documents)
        self.page_button.clicked.connect(self.page_documents)

    def show_sale(
        self,
        receipt_no: str,
        change: Money,
        receipt_lines: list[str],
        documents: tuple[str, ...] = (),
    ) -> None:
        self.preview.show_lines(receipt_lines)
        self.receipt_no.setText(self.tr("Receipt {no}").format(no=receipt_no))
        self.change_due.setText(change.format())
        self.documents.setText("\n".join(documents))
        for w in (self.documents_title, self.documents, self.print_button, self.page_button):
            w.setVisible(bool(documents))

    def start(self) -> None:
        """Nothing of the last sale: its number, change, receipt, documents or messages."""
        self.show_sale("", Money(0), [], ())
        self.receipt_no.clear()
        self.say("")

    def say(self, text: str) -> None:
        self.document_status.setText(text)

    def focus_next(self) -> None:
        """Enter goes on to the next customer."""
        self.next_button.setFocus()
