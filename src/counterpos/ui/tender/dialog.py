"""Taking payment: cash, check, money order or a split of them; then the receipt and change due."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout

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
from counterpos.services.card.fees import quote
from counterpos.services.card.sales import finish_sale
from counterpos.services.errors import CounterError
from counterpos.services.sale import receipts, sales
from counterpos.ui.tender.card_parts import CardParts
from counterpos.ui.tender.pages import KIND_KEYS, build_done_page, build_payment_page, show_parts
from counterpos.ui.widgets.form_field import FormField
from counterpos.ui.widgets.shortcut_bar import ShortcutBar


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
        self.cards: list = []  # approved CardResult, each a part of its own
        self.card_dialog = None
        self.terminal = None  # tests may hand a terminal; else the station's own
        self.card_parts = CardParts(self)
        self.completed = None
        self.receipt_lines: list[str] = []
        self.setWindowTitle(self.tr("Take payment"))
        self.pages = QStackedWidget()
        self.pages.addWidget(build_payment_page(self))
        self.pages.addWidget(build_done_page(self))
        # tender_pages builds the widgets; they are wired to this dialog here.
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.amount.editor.textChanged.connect(self._live_change)
        self.take_button.clicked.connect(self.take)
        self.back_button.clicked.connect(self.reject)
        self.next_button.clicked.connect(self.accept)
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
        self.refresh()
        self.choose_kind(CASH)
        self.setMinimumWidth(680)

    # -- state ---------------------------------------------------------------------------

    def remaining(self) -> Money:
        """What is still due of the sale itself (a card's fee is on top of what it pays)."""
        paid_by_card = Money(sum(r.base.cents for r in self.cards))
        return remaining_due(self.cart.total, [*self.parts, Tender(CASH, paid_by_card)])

    def card_fee_total(self) -> Money:
        return self.card_parts.fee_total()

    def refresh(self) -> None:
        """Show the parts taken so far and what is still due; the amount offers the rest."""
        show_parts(self)
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
                q = quote(self.station, self.cart, amount)
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

    def show_error(self, message: str, field: FormField | None) -> None:
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
            self.show_error(str(exc), self.amount)
            return None
        if kind == CARD:
            return Tender(CARD, amount)  # checked by card_parts.run; the terminal fills in the rest
        tender = Tender(
            kind,
            amount,
            reference=self.number.editor.text().strip(),
            payer=self.payer.editor.text().strip(),
        )
        try:
            tender.validate()
        except TenderError as exc:
            self.show_error(str(exc), self._field_for(str(exc)))
            return None
        return tender

    # -- actions -------------------------------------------------------------------------

    def take(self) -> None:
        """Enter: this tender must cover what is still due; then the sale completes."""
        self.card_parts.void_armed = False
        if self.pages.currentIndex() != 0:
            self.accept()
            return
        if self.cart.total.cents == 0:
            self.complete([])  # a $0.00 line (a stop, an owner's deposit) takes no payment
            return
        tender = self.current_tender()
        if tender is None:
            return
        if tender.kind == CARD:
            self.card_parts.run(tender.amount)
            return
        due = self.remaining()
        if tender.amount.cents < due.cents:
            self.show_error(
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
        self.complete([*self.parts, tender])

    def add_part(self) -> None:
        """F6: take this tender as one part of a split payment."""
        self.card_parts.void_armed = False
        if self.pages.currentIndex() != 0:
            return
        tender = self.current_tender()
        if tender is None:
            return
        if tender.kind == CARD:
            self.card_parts.run(tender.amount)
            return
        tenders = [*self.parts, tender]
        if remaining_due(self.cart.total, [*tenders, *self.card_parts.bases()]).cents == 0:
            self.complete(tenders)
            return
        non_cash = sum(t.amount.cents for t in tenders if t.kind != CASH)
        if non_cash > self.cart.total.cents:
            self.show_error(
                self.tr("A check or money order cannot be more than is due."), self.amount
            )
            return
        self.parts.append(tender)
        self.number.editor.clear()
        self.payer.editor.clear()
        self.refresh()
        self.message.setText(
            self.tr("{due} still due: take the next part.").format(due=self.remaining().format())
        )
        self.amount.editor.setFocus()

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
        self.refresh()

    def complete(self, tenders: list[Tender]) -> None:
        try:
            settle(self.cart.total, [*tenders, *self.card_parts.bases()])
        except TenderError as exc:
            self.show_error(str(exc), self.amount)
            return
        try:
            if self.cards:
                done = finish_sale(
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
            self.show_error(str(exc), None)
            return
        done = receipts.with_receipt(self.station, done)  # read back once: shown and printed
        self.completed = done
        self.sale_saved.emit(done)
        self.parts = list(tenders)
        self.receipt_lines = render_text(done.receipt)
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
        if self.cards:  # charged: a first Esc warns, a second voids the cards
            self.card_parts.escape()
            return
        super().reject()

    def back_to_sale(self) -> None:
        """Close without a sale (the cards, if any, are voided): Esc's plain meaning."""
        super().reject()
