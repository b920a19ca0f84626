"""Taking payment: cash, check, money order or a split of them; then the receipt and change due."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import (
    CARD,
    CASH,
    CHECK,
    LABELS,
    MONEY_ORDER,
    Tender,
    TenderError,
    remaining_due,
    settle,
)
from counterpos.services import card_payments, receipts, sales
from counterpos.services.errors import CounterError
from counterpos.ui.card_payment_dialog import CardPaymentDialog
from counterpos.ui.card_void import CardVoid
from counterpos.ui.widgets.form_field import FormField
from counterpos.ui.widgets.receipt_view import ReceiptView
from counterpos.ui.widgets.shortcut_bar import ShortcutBar

KIND_KEYS = ((CASH, "F7"), (CHECK, "F8"), (MONEY_ORDER, "F9"), (CARD, "F10"))


class TenderDialog(QDialog):
    """Completes the sale through services.sales.complete_sale; `completed` holds the result.

    `sale_saved(CompletedSale)` is emitted the moment the sale is saved, so the till can open
    the drawer and print while the change-due page is still up."""

    sale_saved = Signal(object)

    def __init__(self, station, actor, session_id: str, cart, parent=None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.session_id = session_id
        self.cart = cart
        self.parts: list[Tender] = []  # cash, check and money order parts
        self.cards: list = []  # approved card_payments.CardResult, each a part of its own
        self.card_dialog = None
        self.terminal = None  # tests may hand a terminal; else the station's own
        self._void_armed = False  # Esc once with a card approved: a second Esc voids it
        self._voider = CardVoid(station, actor, self)
        self._voider.done.connect(self._cards_voided)
        self.completed = None
        self.receipt_lines: list[str] = []
        self.setWindowTitle(self.tr("Take payment"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_payment_page())
        self.pages.addWidget(self._build_done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self.bar = ShortcutBar(
            [
                ("Enter", self.tr("Take payment")),
                ("F6", self.tr("Split payment")),
                ("F4", self.tr("Remove part")),
            ]
            + [(key, self.tr(LABELS[kind])) for kind, key in KIND_KEYS]
            + [("Esc", self.tr("Back to the sale"))],
            per_row=4,
        )
        layout.addWidget(self.bar)
        for kind, key in KIND_KEYS:
            QShortcut(QKeySequence(key), self, lambda k=kind: self.choose_kind(k))
        QShortcut(QKeySequence("F6"), self, self.add_part)
        QShortcut(QKeySequence("F4"), self, self.remove_part)
        self._refresh()
        self.choose_kind(CASH)
        self.setMinimumWidth(680)

    # -- pages ---------------------------------------------------------------------------

    def _build_payment_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Take payment"))
        title.setObjectName("title")
        self.total_label = QLabel(self.cart.total.format())
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

        self.parts_table = QTableWidget(0, 3)
        self.parts_table.setObjectName("tenders")
        self.parts_table.setHorizontalHeaderLabels(
            [self.tr("Tender"), self.tr("Details"), self.tr("Amount")]
        )
        self.parts_table.verticalHeader().hide()
        self.parts_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parts_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.parts_table.setMaximumHeight(110)

        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for kind, key in KIND_KEYS:
            self.kind.addItem(f"{self.tr(LABELS[kind])} ({key})", kind)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.amount = FormField(QLineEdit())
        self.amount.editor.setObjectName("amount")
        self.amount.editor.textChanged.connect(self._live_change)
        self.number = FormField(QLineEdit())
        self.number.editor.setObjectName("number")
        self.payer = FormField(QLineEdit())
        self.payer.editor.setObjectName("payer")
        # Enter reaches `take` through the default button; connecting returnPressed as well
        # would run it twice and dismiss the change-due page with the same key press.
        form = QFormLayout()
        form.addRow(self.tr("Tender"), self.kind)
        form.addRow(self.tr("Amount"), self.amount)
        self.number_label = QLabel(self.tr("Number"))
        self.payer_label = QLabel(self.tr("Payer"))
        form.addRow(self.number_label, self.number)
        form.addRow(self.payer_label, self.payer)
        self.change_preview = QLabel()
        self.change_preview.setObjectName("remainingDue")
        self.change_preview.setMinimumWidth(220)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Take payment (Enter)"))
        self.take_button.setDefault(True)
        self.take_button.clicked.connect(self.take)
        back = QPushButton(self.tr("Back (Esc)"))
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_preview)
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.take_button)

        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(sums)
        layout.addWidget(self.parts_table)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Sale saved"))
        title.setObjectName("title")
        self.receipt_no = QLabel()
        self.receipt_no.setObjectName("receiptNo")
        self.change_title = QLabel(self.tr("Change due"))
        self.change_due = QLabel()
        self.change_due.setObjectName("changeDue")
        self.preview = ReceiptView()
        self.next_button = QPushButton(self.tr("Next customer (Enter)"))
        self.next_button.clicked.connect(self.accept)
        left = QVBoxLayout()
        left.addWidget(title)
        left.addWidget(self.receipt_no)
        left.addSpacing(16)
        left.addWidget(self.change_title)
        left.addWidget(self.change_due)
        left.addStretch(1)
        left.addWidget(self.next_button)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addWidget(self.preview, 1)
        return page

    # -- state ---------------------------------------------------------------------------

    def remaining(self) -> Money:
        """What is still due of the sale itself (a card's fee is on top of what it pays)."""
        paid_by_card = Money(sum(r.base.cents for r in self.cards))
        return remaining_due(self.cart.total, [*self.parts, Tender(CASH, paid_by_card)])

    def card_fee_total(self) -> Money:
        return Money(sum(r.fee.cents for r in self.cards))

    def _refresh(self) -> None:
        rows = [
            (self.tr(LABELS[t.kind]), ", ".join(x for x in (t.reference, t.payer) if x), t.amount)
            for t in self.parts
        ] + [
            (
                self.tr(LABELS[CARD]),
                self.tr("{brand} ending {last4}, approval {code}, fee {fee}").format(
                    brand=r.brand.upper(), last4=r.last4, code=r.approval_code, fee=r.fee.format()
                ),
                r.approved,
            )
            for r in self.cards
        ]
        self.parts_table.setRowCount(len(rows))
        for row, (kind, detail, amount) in enumerate(rows):
            for col, text in enumerate((kind, detail, amount.format())):
                self.parts_table.setItem(row, col, QTableWidgetItem(text))
        self.parts_table.setVisible(bool(rows))
        fee = self.card_fee_total()
        self.card_fee.setText(fee.format())
        for w in (self.card_fee_title, self.card_fee):
            w.setVisible(bool(self.cards))
        self.remaining_label.setText(self.remaining().format())
        self.amount.editor.setText(self.remaining().plain())
        self.amount.editor.selectAll()
        self._live_change()

    def choose_kind(self, kind: str) -> None:
        if self.pages.currentIndex() != 0:
            return
        self.kind.setCurrentIndex([k for k, _ in KIND_KEYS].index(kind))
        self._kind_changed()
        self.amount.editor.setFocus()
        self.amount.editor.selectAll()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        if kind == CARD:  # a card pays what is still due unless the cashier types less
            self.amount.editor.setText(self.remaining().plain())
            self.amount.editor.selectAll()
        needs_number = kind in (CHECK, MONEY_ORDER)
        for w in (self.number_label, self.number):
            w.setEnabled(needs_number)
        for w in (self.payer_label, self.payer):
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
            self.number.editor.clear()
            self.payer.editor.clear()
        self._clear_errors()
        self._live_change()

    def _live_change(self) -> None:
        try:
            amount = Money.parse(self.amount.editor.text())
        except MoneyError:
            self.change_preview.clear()
            return
        due = self.remaining()
        if self.kind.currentData() == CASH and amount.cents > due.cents:
            self.change_preview.setText(
                self.tr("Change {amount}").format(amount=Money(amount.cents - due.cents).format())
            )
        elif self.kind.currentData() == CARD and 0 < amount.cents <= due.cents:
            try:
                q = card_payments.quote(self.station, self.cart, amount)
            except CounterError:
                self.change_preview.clear()
                return
            self.change_preview.setText(
                self.tr("Card {charge} (fee {fee})").format(
                    charge=q.charge.format(), fee=q.fee.format()
                )
            )
        else:
            self.change_preview.clear()

    def _clear_errors(self) -> None:
        for f in (self.amount, self.number, self.payer):
            f.clear_error()
        self.message.clear()

    def _field_for(self, message: str) -> FormField:
        text = message.lower()
        if "number" in text:
            return self.number
        if "payer" in text:
            return self.payer
        return self.amount

    def _error(self, message: str, field: FormField | None) -> None:
        if field is None:
            self.message.setText(message)
            return
        field.show_error(message)
        field.editor.setFocus()
        field.editor.selectAll()

    def current_tender(self) -> Tender | None:
        """The tender in the form, or None after marking what is wrong with it."""
        self._clear_errors()
        kind = self.kind.currentData()
        try:
            amount = Money.parse(self.amount.editor.text())
        except MoneyError as exc:
            self._error(str(exc), self.amount)
            return None
        if kind == CARD:
            return Tender(CARD, amount)  # checked by run_card; the terminal fills in the rest
        tender = Tender(
            kind,
            amount,
            reference=self.number.editor.text().strip(),
            payer=self.payer.editor.text().strip(),
        )
        try:
            tender.validate()
        except TenderError as exc:
            self._error(str(exc), self._field_for(str(exc)))
            return None
        return tender

    # -- actions -------------------------------------------------------------------------

    def take(self) -> None:
        """Enter: this tender must cover what is still due; then the sale completes."""
        self._void_armed = False
        if self.pages.currentIndex() != 0:
            self.accept()
            return
        if self.cart.total.cents == 0:
            self._complete([])  # a $0.00 line (a stop, an owner's deposit) takes no payment
            return
        tender = self.current_tender()
        if tender is None:
            return
        if tender.kind == CARD:
            self.run_card(tender.amount)
            return
        due = self.remaining()
        if tender.amount.cents < due.cents:
            self._error(
                self.tr(
                    "{kind} of {amount} is less than the {due} due. To split the payment, "
                    "press F6 to take it as one part."
                ).format(
                    kind=self.tr(LABELS[tender.kind]),
                    amount=tender.amount.format(),
                    due=due.format(),
                ),
                self.amount,
            )
            return
        self._complete([*self.parts, tender])

    def add_part(self) -> None:
        """F6: take this tender as one part of a split payment."""
        self._void_armed = False
        if self.pages.currentIndex() != 0:
            return
        tender = self.current_tender()
        if tender is None:
            return
        if tender.kind == CARD:
            self.run_card(tender.amount)
            return
        tenders = [*self.parts, tender]
        if remaining_due(self.cart.total, [*tenders, *self._card_bases()]).cents == 0:
            self._complete(tenders)
            return
        non_cash = sum(t.amount.cents for t in tenders if t.kind != CASH)
        if non_cash > self.cart.total.cents:
            self._error(self.tr("A check or money order cannot be more than is due."), self.amount)
            return
        self.parts.append(tender)
        self.number.editor.clear()
        self.payer.editor.clear()
        self._refresh()
        self.message.setText(
            self.tr("{due} still due: take the next part.").format(due=self.remaining().format())
        )
        self.amount.editor.setFocus()

    def _card_bases(self) -> list[Tender]:
        return [Tender(CASH, r.base) for r in self.cards]  # what the cards paid of the sale

    def run_card(self, amount: Money) -> None:
        """Card: the amount (and its fee) go to the terminal in CardPaymentDialog; an approval
        becomes a part of the payment; when nothing is left due the sale completes."""
        due = self.remaining()
        if amount.cents <= 0 or amount.cents > due.cents:
            self._error(
                self.tr("A card can pay up to the {due} still due.").format(due=due.format()),
                self.amount,
            )
            return
        try:
            dialog = CardPaymentDialog(
                self.station,
                self.actor,
                self.session_id,
                self.cart,
                amount,
                self,
                terminal=self.terminal,
            )
        except CounterError as exc:
            self._error(str(exc), None)
            return
        dialog.finished.connect(lambda _r: self._card_finished(dialog))
        self.card_dialog = dialog
        dialog.open()

    def _card_finished(self, dialog) -> None:
        self.card_dialog = None
        dialog.deleteLater()
        self.activateWindow()
        payment = dialog.payment
        if payment is None:
            self.message.setText(
                self.tr("No card payment was taken. {due} is still due.").format(
                    due=self.remaining().format()
                )
            )
            self.amount.editor.setFocus()
            return
        self.cards.append(payment)
        self._refresh()
        if self.remaining().cents == 0:
            self._complete(list(self.parts))
            return
        self.message.setText(
            self.tr("{due} still due: take the next part.").format(due=self.remaining().format())
        )
        self.choose_kind(CASH)

    def remove_part(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        if not self.parts:
            if self.cards:
                self.message.setText(
                    self.tr(
                        "An approved card stays on this sale: take the rest of the payment "
                        "to finish it."
                    )
                )
            return
        self.parts.pop()
        self._clear_errors()
        self._refresh()

    def _complete(self, tenders: list[Tender]) -> None:
        try:
            settle(self.cart.total, [*tenders, *self._card_bases()])
        except TenderError as exc:
            self._error(str(exc), self.amount)
            return
        try:
            if self.cards:
                done = card_payments.finish_sale(
                    self.station,
                    self.actor,
                    self.session_id,
                    self.cart,
                    tenders,
                    [r.request_id for r in self.cards],
                )
            else:
                done = sales.complete_sale(
                    self.station, self.actor, self.session_id, self.cart, tenders
                )
        except CounterError as exc:
            self._error(str(exc), None)
            return
        self.completed = done
        self.sale_saved.emit(done)
        self.parts = list(tenders)
        document = receipts.receipt_document(self.station, done.receipt_no)
        self.receipt_lines = render_text(document)
        self.preview.show_lines(self.receipt_lines)
        self.receipt_no.setText(self.tr("Receipt {no}").format(no=done.receipt_no))
        self.change_due.setText(done.change.format())
        self.bar.hide()
        self.pages.setCurrentIndex(1)
        self.resize(max(self.width(), 860), max(self.height(), 620))
        self.next_button.setDefault(True)
        self.next_button.setFocus()

    def reject(self) -> None:
        # After the sale is saved, Esc is the same as "next customer".
        if self.completed is not None:
            self.accept()
            return
        if self.cards:
            if self._voider.busy:
                return
            if not self._void_armed:
                # The card is charged: leaving now would take the money without a sale.
                self._void_armed = True
                self.message.setText(
                    self.tr(
                        "A card payment of {amount} is approved: take the rest ({due}) to finish "
                        "this sale, or press Esc again to void the card payment at the terminal "
                        "and go back to the sale."
                    ).format(
                        amount=Money(sum(r.approved.cents for r in self.cards)).format(),
                        due=self.remaining().format(),
                    )
                )
                return
            self._void_cards()
            return
        super().reject()

    def _void_cards(self) -> None:
        """Second Esc: void each approved card at the terminal (off the GUI thread), then go
        back to the sale; a card the terminal does not void stays on the payment."""
        self._void_armed = False
        self.message.setText(self.tr("Voiding the card payment at the terminal…"))
        self._voider.start(self.cards, self.terminal)

    def _cards_voided(self, voided: list, problems: list) -> None:
        self.cards = [c for c in self.cards if c.request_id not in voided]
        self._refresh()
        if not self.cards:
            super().reject()  # nothing charged any more: back to the sale
            return
        self.message.setText(
            self.tr(
                "The card payment was not voided: {problem} Take the rest ({due}) to finish "
                "this sale, or press Esc twice to try the void again."
            ).format(problem=" ".join(problems), due=self.remaining().format())
        )
