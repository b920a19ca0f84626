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
    LABELS,
    Tender,
    TenderError,
    remaining_due,
    settle,
)
from counterpos.services.card.fees import quote
from counterpos.services.card.sales import finish_sale
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog, receipts, sales
from counterpos.ui.tender.card_parts import CardParts
from counterpos.ui.tender.pages import KIND_KEYS, DonePage, PaymentPage
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
        self.repriced = False  # the cart was priced again (it is the till's: it redraws)
        self.parts: list[Tender] = []  # cash, check and money order parts
        self.cards: list = []  # approved CardResult, each a part of its own
        self.card_dialog = None
        self.terminal = None  # tests may hand a terminal; else the station's own
        self.card_parts = CardParts(self)
        self.completed = None
        self.receipt_lines: list[str] = []
        self.setWindowTitle(self.tr("Take payment"))
        self.payment_page = PaymentPage(cart.total)
        self.done_page = DonePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.payment_page)
        self.pages.addWidget(self.done_page)
        self.payment_page.kind_changed.connect(self._kind_changed)
        self.payment_page.amount_changed.connect(self._live_change)
        self.payment_page.take_clicked.connect(self.take)
        self.payment_page.back_clicked.connect(self.reject)
        self.done_page.next_clicked.connect(self.accept)
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
        page = self.payment_page
        page.show_parts(self.parts, self.cards)
        page.show_due(self.remaining(), self.card_fee_total(), bool(self.cards))
        self._live_change()

    def choose_kind(self, kind: str) -> None:
        if self.pages.currentIndex() != 0:
            return
        self.payment_page.choose_kind(kind)
        self._kind_changed()
        self.payment_page.focus_amount()

    def _kind_changed(self) -> None:
        page = self.payment_page
        kind = page.current_kind()
        if kind == CARD:  # a card pays what is still due unless the cashier types less
            page.offer(self.remaining())
        page.show_kind(kind)
        page.clear_errors()
        self._live_change()

    def _live_change(self) -> None:
        page = self.payment_page
        try:
            amount = Money.parse(page.amount_text())
        except MoneyError:
            page.show_preview("")
            return
        due = self.remaining()
        if page.current_kind() == CASH and amount.cents > due.cents:
            page.show_preview(
                self.tr("Change {amount}").format(amount=Money(amount.cents - due.cents).format())
            )
        elif page.current_kind() == CARD and 0 < amount.cents <= due.cents:
            try:
                q = quote(
                    self.station,
                    self.cart,
                    amount,
                    prior=[r.request_id for r in self.cards],
                    session_id=self.session_id,
                )
            except CounterError:
                page.show_preview("")
                return
            page.show_preview(
                self.tr("Card {charge} (fee {fee})").format(
                    charge=q.charge.format(), fee=q.fee.format()
                )
            )
        else:
            page.show_preview("")

    def current_tender(self) -> Tender | None:
        """The tender in the form, or None after marking what is wrong with it."""
        page = self.payment_page
        page.clear_errors()
        kind = page.current_kind()
        try:
            amount = Money.parse(page.amount_text())
        except MoneyError as exc:
            page.show_error(str(exc), page.amount)
            return None
        if kind == CARD:
            return Tender(CARD, amount)  # checked by card_parts.run; the terminal fills in the rest
        tender = Tender(kind, amount, reference=page.reference(), payer=page.payer_name())
        try:
            tender.validate()
        except TenderError as exc:
            page.show_error(str(exc), page.field_for(str(exc)))
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
            self.payment_page.show_error(
                self.tr(
                    "{kind} of {amount} is less than the {due} due. To split the payment, "
                    "press F6 to take it as one part."
                ).format(
                    kind=self.tr(LABELS[tender.kind]),
                    amount=tender.amount.format(),
                    due=due.format(),
                ),
                self.payment_page.amount,
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
        page = self.payment_page
        if non_cash > self.cart.total.cents:
            page.show_error(
                self.tr("A check or money order cannot be more than is due."), page.amount
            )
            return
        self.parts.append(tender)
        page.clear_details()
        self.refresh()
        page.say(
            self.tr("{due} still due: take the next part.").format(due=self.remaining().format())
        )
        page.focus_amount(select=False)

    def remove_part(self) -> None:
        if self.pages.currentIndex() != 0:
            return
        if not self.parts:
            if self.cards:
                self.payment_page.say(
                    self.tr(
                        "An approved card stays on this sale: take the rest of the payment "
                        "to finish it."
                    )
                )
            return
        self.parts.pop()
        self.payment_page.clear_errors()
        self.refresh()

    def complete(self, tenders: list[Tender]) -> None:
        try:
            settle(self.cart.total, [*tenders, *self.card_parts.bases()])
        except TenderError as exc:
            self.payment_page.show_error(str(exc), self.payment_page.amount)
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
            if getattr(exc, "field", None) == catalog.PRICES_CHANGED:
                self._prices_changed(str(exc))
                return
            self.payment_page.say(str(exc))
            return
        done = receipts.with_receipt(self.station, done)  # read back once: shown and printed
        self.completed = done
        self.sale_saved.emit(done)
        self.parts = list(tenders)
        self.receipt_lines = render_text(done.receipt)
        self.done_page.show_sale(done.receipt_no, done.change, self.receipt_lines)
        self.bar.hide()
        self.pages.setCurrentIndex(1)
        self.resize(max(self.width(), 860), max(self.height(), 620))
        self.done_page.focus_next()

    def _prices_changed(self, why: str) -> None:
        """A fee changed since the cart was rung (midnight, a new schedule): the cart is priced
        again in place, the till's cart with it, and the cashier shows the new total."""
        try:
            again = catalog.reprice(self.station, self.cart)
        except CounterError as exc:
            self.payment_page.say(f"{why} {exc}")
            return
        self.cart.lines[:] = again.lines
        self.repriced = True
        self.payment_page.total_label.setText(self.cart.total.format())
        self.refresh()
        self.payment_page.say(
            why + " " + self.tr("New total: {total}.").format(total=self.cart.total.format())
        )

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
