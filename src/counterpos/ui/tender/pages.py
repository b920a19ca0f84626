"""The tender dialog's widgets: the payment page with its parts table, and the change-due page."""

from __future__ import annotations

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

from counterpos.domain.tenders import CARD, CASH, CHECK, LABELS, MONEY_ORDER
from counterpos.ui.widgets.form_field import FormField
from counterpos.ui.widgets.receipt_view import ReceiptView

KIND_KEYS = ((CASH, "F7"), (CHECK, "F8"), (MONEY_ORDER, "F9"), (CARD, "F10"))

# The builders put each widget on the dialog under the name its code and the tests use
# (`amount`, `message`, `parts_table`, `next_button`, ...); the dialog connects the signals.


def build_payment_page(dialog) -> QWidget:
    """Total and still due, the parts taken so far, the tender form and its buttons."""
    tr = dialog.tr
    page = QWidget()
    title = QLabel(tr("Take payment"))
    title.setObjectName("title")
    dialog.total_label = QLabel(dialog.cart.total.format())
    dialog.total_label.setObjectName("bigTotal")
    dialog.remaining_label = QLabel()
    dialog.remaining_label.setObjectName("remainingDue")
    sums = QGridLayout()
    sums.addWidget(QLabel(tr("Total")), 0, 0)
    sums.addWidget(dialog.total_label, 1, 0)
    sums.addWidget(QLabel(tr("Still due")), 0, 1)
    sums.addWidget(dialog.remaining_label, 1, 1)
    dialog.card_fee_title = QLabel(tr("Card convenience fee"))
    dialog.card_fee = QLabel()
    dialog.card_fee.setObjectName("cardFee")
    sums.addWidget(dialog.card_fee_title, 0, 2)
    sums.addWidget(dialog.card_fee, 1, 2)

    dialog.parts_table = QTableWidget(0, 3)
    dialog.parts_table.setObjectName("tenders")
    dialog.parts_table.setHorizontalHeaderLabels([tr("Tender"), tr("Details"), tr("Amount")])
    dialog.parts_table.verticalHeader().hide()
    dialog.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    dialog.parts_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    dialog.parts_table.setMaximumHeight(110)

    dialog.kind = QComboBox()
    dialog.kind.setObjectName("kind")
    for kind, key in KIND_KEYS:
        dialog.kind.addItem(f"{tr(LABELS[kind])} ({key})", kind)
    dialog.amount = FormField(QLineEdit())
    dialog.amount.editor.setObjectName("amount")
    dialog.number = FormField(QLineEdit())
    dialog.number.editor.setObjectName("number")
    dialog.payer = FormField(QLineEdit())
    dialog.payer.editor.setObjectName("payer")
    # Enter reaches `take` through the default button; connecting returnPressed as well
    # would run it twice and dismiss the change-due page with the same key press.
    form = QFormLayout()
    form.addRow(tr("Tender"), dialog.kind)
    form.addRow(tr("Amount"), dialog.amount)
    dialog.number_label = QLabel(tr("Number"))
    dialog.payer_label = QLabel(tr("Payer"))
    form.addRow(dialog.number_label, dialog.number)
    form.addRow(dialog.payer_label, dialog.payer)
    dialog.change_preview = QLabel()
    dialog.change_preview.setObjectName("remainingDue")
    dialog.change_preview.setMinimumWidth(220)
    dialog.message = QLabel()
    dialog.message.setObjectName("message")
    dialog.message.setWordWrap(True)
    dialog.take_button = QPushButton(tr("Take payment (Enter)"))
    dialog.take_button.setDefault(True)
    dialog.back_button = QPushButton(tr("Back (Esc)"))
    dialog.back_button.setAutoDefault(False)
    buttons = QHBoxLayout()
    buttons.addWidget(dialog.change_preview)
    buttons.addStretch(1)
    buttons.addWidget(dialog.back_button)
    buttons.addWidget(dialog.take_button)

    layout = QVBoxLayout(page)
    layout.addWidget(title)
    layout.addLayout(sums)
    layout.addWidget(dialog.parts_table)
    layout.addLayout(form)
    layout.addWidget(dialog.message)
    layout.addStretch(1)
    layout.addLayout(buttons)
    return page


def build_done_page(dialog) -> QWidget:
    """Sale saved: the receipt number, the change due and the receipt as it printed."""
    tr = dialog.tr
    page = QWidget()
    title = QLabel(tr("Sale saved"))
    title.setObjectName("title")
    dialog.receipt_no = QLabel()
    dialog.receipt_no.setObjectName("receiptNo")
    dialog.change_title = QLabel(tr("Change due"))
    dialog.change_due = QLabel()
    dialog.change_due.setObjectName("changeDue")
    dialog.preview = ReceiptView()
    dialog.next_button = QPushButton(tr("Next customer (Enter)"))
    left = QVBoxLayout()
    left.addWidget(title)
    left.addWidget(dialog.receipt_no)
    left.addSpacing(16)
    left.addWidget(dialog.change_title)
    left.addWidget(dialog.change_due)
    left.addStretch(1)
    left.addWidget(dialog.next_button)
    layout = QHBoxLayout(page)
    layout.addLayout(left, 1)
    layout.addWidget(dialog.preview, 1)
    return page


def show_parts(dialog) -> None:
    """Fill the parts table: each cash, check or money order part, then each approved card."""
    tr = dialog.tr
    rows = [
        (tr(LABELS[t.kind]), ", ".join(x for x in (t.reference, t.payer) if x), t.amount)
        for t in dialog.parts
    ] + [
        (
            tr(LABELS[CARD]),
            tr("{brand} ending {last4}, approval {code}, fee {fee}").format(
                brand=r.brand.upper(), last4=r.last4, code=r.approval_code, fee=r.fee.format()
            ),
            r.approved,
        )
        for r in dialog.cards
    ]
    table = dialog.parts_table
    table.setRowCount(len(rows))
    for row, (kind, detail, amount) in enumerate(rows):
        for col, text in enumerate((kind, detail, amount.format())):
            table.setItem(row, col, QTableWidgetItem(text))
    table.setVisible(bool(rows))
