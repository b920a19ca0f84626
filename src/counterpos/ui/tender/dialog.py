"""Taking payment: cash, check, money order or a split of them; then the receipt and change due."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget

from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import (
    CARD,
    CASH,
    Tender,
    TenderError,
    remaining_due,
    settle,
)
from counterpos.services.card.fees import quote
from counterpos.services.card.sales import finish_sale
from counterpos.services.devices import certificate_print
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog, receipts, sales
from counterpos.ui import keymap
from counterpos.ui.background import run_in_background
from counterpos.ui.tender.card_parts import CardParts
from counterpos.ui.tender.pages import KIND_KEYS, QUICK_KEYS, DonePage, PaymentPage, tender_name
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.shortcut_bar import ShortcutBar

QUICK_BAR_KEY = "Alt+1…6"  # the key table's name for the quick-cash keys (ui/keymap.py)


@dataclass(frozen=True)
class PaymentView:
    """What the customer display shows while payment is taken (`TenderDialog.payment_shown`)."""

    due: Money  # still due of the sale
    tendered: Money | None = None  # the amount in the form, if it reads as money
    change: Money | None = None  # cash above what is due
    card_charge: Money | None = None  # a card's charge and fee, quoted before it is run
    card_fee: Money | None = None


class TenderDialog(CounterDialog):
    """Completes the sale through services.sales.complete_sale; `completed` holds the result.

    `sale_saved(CompletedSale)` is emitted the moment the sale is saved, so the till can open
    the drawer and print while the change-due page is still up. `approvals` are supervisors'
    on-the-spot approvals the sale's lines need (complete_sale checks and spends them)."""

    sale_saved = Signal(object)
    documents_done = Signal(bool, str)  # a permit print or PDF: ok, message
    payment_shown = Signal(object)  # a PaymentView at each change of the form, for the customer

    def __init__(self, station, actor, session_id: str, cart, parent=None, approvals=()) -> None:
        super().__init__(self.tr("Take payment"), parent)
        self.heading.hide()  # each page has its own title
        self.station = station
        self.actor = actor
        self.session_id = session_id
        # What one sale's payment holds; `start` sets each of them again for the next sale.
        self.cart = cart
        self.repriced = False  # the cart was priced again (it is the till's: it redraws)
        self.approvals = list(approvals)
        self.parts: list[Tender] = []  # cash, check and money order parts
        self.cards: list = []  # approved CardResult, each a part of its own
        self.card_dialog = None
        self.terminal = None  # tests may hand a terminal; else the station's own
        self.completed = None
        self.receipt_lines: list[str] = []
        self.card_parts = CardParts(self)
        self.payment_page = PaymentPage(cart.total)
        self.done_page = DonePage()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.payment_page)
        self.pages.addWidget(self.done_page)
        self.payment_page.kind_changed.connect(self._kind_changed)
        self.payment_page.amount_changed.connect(self._live_change)
        self.payment_page.take_clicked.connect(self.take)
        self.payment_page.back_clicked.connect(self.reject)
        self.payment_page.quick.connect(self.take_quick)
        self.done_page.next_clicked.connect(self.accept)
        self.done_page.print_documents.connect(self.print_documents)
        self.done_page.page_documents.connect(self.page_documents)
        self.body_layout.addWidget(self.pages, 1)
        self.bar = ShortcutBar(keymap.bar(keymap.PAYMENT_BAR, "payment"))
        self.outer.insertWidget(self.outer.indexOf(self.message) + 1, self.bar)
        for button in (
            self.payment_page.back_button,
            self.payment_page.take_button,
            self.done_page.next_button,
        ):
            self.buttons.addWidget(button)  # in the dialog's own row: they never scroll
        self.primary = self.payment_page.take_button
        self.payment_page.take_button.setDefault(True)
        self.done_page.next_button.hide()
        for kind, key in KIND_KEYS:
            QShortcut(QKeySequence(key), self, lambda k=kind: self.choose_kind(k))
        QShortcut(QKeySequence("F5"), self, self.take)
        QShortcut(QKeySequence("F6"), self, self.add_part)
        QShortcut(QKeySequence("F4"), self, self.remove_part)
        for n in range(QUICK_KEYS):
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, lambda i=n: self.payment_page._quick(i))
        QShortcut(QKeySequence("P"), self.done_page, self.print_documents)
        QShortcut(QKeySequence("D"), self.done_page, self.page_documents)
        self.first_field = self.payment_page.amount.editor
        self.setMinimumWidth(760)
        self._open_payment()

    def start(self, cart, approvals=()) -> None:
        """Take the payment of the next sale on this same screen (the till builds it once):
        everything the last payment left — its parts and cards, amounts, errors, messages, the
        card fee, the sale-saved page, the focus — goes back to how a new screen starts."""
        self.cart = cart
        self.repriced = False
        self.approvals = list(approvals)
        self.parts = []
        self.cards = []
        self.card_dialog = None
        self.terminal = None
        self.completed = None
        self.receipt_lines = []
        self.question = None
        self.card_parts.start()
        self.payment_page.start(cart.total)
        self.done_page.start()
        self.pages.setCurrentIndex(0)
        self.bar.show()
        self.done_page.next_button.hide()
        self.done_page.next_button.setDefault(False)
        self.payment_page.take_button.show()
        self.payment_page.back_button.show()
        self.payment_page.take_button.setDefault(True)
        self.primary = self.payment_page.take_button
        self.say("")
        self._shown = False  # showing it again fits it to the screen and focuses the amount
        self._open_payment()

    def _open_payment(self) -> None:
        self.refresh()
        self.choose_kind(CASH)
        self.payment_page.say(self.card_parts.notice())  # a card approved earlier, if any

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
        self._show_quick_key()
        self._live_change()

    def _show_quick_key(self) -> None:
        """The key bar says which Alt keys offer quick cash now ("Alt+1…4" for four amounts),
        and nothing when none is offered: never the six of the key table regardless."""
        key = self.bar.keys.get(QUICK_BAR_KEY)
        if key is None:
            return
        n = len(self.payment_page.quick_amounts())
        key.setText("Alt+1" if n == 1 else f"Alt+1…{n}")
        pair = key.parentWidget()
        if pair is not None and pair.isVisibleTo(self.bar) != (n > 0):
            pair.setVisible(n > 0)
            self.bar.updateGeometry()

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
        self.grow_to_fit()  # a check's number and payer: the whole form stays in view

    def _live_change(self) -> None:
        page = self.payment_page
        due = self.remaining()
        try:
            amount = Money.parse(page.amount_text())
        except MoneyError:
            page.show_preview("")
            self.payment_shown.emit(PaymentView(due))
            return
        view = PaymentView(due, tendered=amount)
        if page.amount.error_text():
            page.show_preview("")  # the refused amount's error stands alone until it is changed
        elif page.current_kind() == CASH and amount.cents > due.cents:
            change = Money(amount.cents - due.cents)
            view = PaymentView(due, tendered=amount, change=change)
            page.show_preview(self.tr("Change {amount}").format(amount=change.format()))
        elif 0 < amount.cents < due.cents and page.current_kind() != CARD:
            page.show_preview(
                self.tr("Short {amount}: F6 takes it as one part").format(
                    amount=Money(due.cents - amount.cents).format()
                )
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
                self.payment_shown.emit(PaymentView(due))
                return
            view = PaymentView(due, card_charge=q.charge, card_fee=q.fee)
            page.show_preview(
                self.tr("Card {charge} (fee {fee})").format(
                    charge=q.charge.format(), fee=q.fee.format()
                )
            )
        else:
            page.show_preview("")
        self.payment_shown.emit(view)

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
                    kind=tender_name(tender.kind),
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
                    approvals=self.approvals,
                )
            else:
                done = sales.complete_sale(
                    self.station,
                    self.actor,
                    self.session_id,
                    self.cart,
                    tenders,
                    approvals=self.approvals,
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
        self.done_page.show_sale(done.receipt_no, done.change, self.receipt_lines, done.documents)
        self.bar.hide()
        self.say("")
        self.pages.setCurrentIndex(1)
        self.payment_page.take_button.hide()
        self.payment_page.back_button.hide()
        self.done_page.next_button.show()
        self.done_page.next_button.setDefault(True)
        self.primary = self.done_page.next_button
        self.work_saved()
        self.fit_to_screen()
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

    # -- after the sale: its permits and licenses --------------------------------------------

    def print_documents(self) -> None:
        """P: the short form of each permit and license on the receipt printer."""
        if self.completed is None or not self.completed.documents:
            return
        self.done_page.say(self.tr("Printing…"))

        def print_all(station, actor, numbers):
            return [certificate_print.print_certificate(station, actor, n) for n in numbers]

        run_in_background(
            print_all,
            self.station,
            self.actor,
            self.completed.documents,
            on_done=lambda outcomes: self._documents_done(
                True, " ".join(o.message for o in outcomes)
            ),
            on_error=lambda message: self._documents_done(False, message),
        )

    def page_documents(self) -> None:
        """D: each permit and license as a PDF for a page printer, opened to print."""
        if self.completed is None or not self.completed.documents:
            return
        from PySide6.QtCore import QUrl  # noqa: PLC0415
        from PySide6.QtGui import QDesktopServices  # noqa: PLC0415

        saved = []
        try:
            for number in self.completed.documents:
                saved.append(certificate_print.certificate_pdf(self.station, self.actor, number))
        except CounterError as exc:
            self._documents_done(False, str(exc))
            return
        opened = all(QDesktopServices.openUrl(QUrl.fromLocalFile(str(p.path))) for p in saved)
        where = ", ".join(str(p.path) for p in saved)
        self._documents_done(
            True,
            self.tr("Opened to print: {where}").format(where=where)
            if opened
            else self.tr("Saved for the page printer: {where}").format(where=where),
        )

    def _documents_done(self, ok: bool, message: str) -> None:
        self.done_page.say(message)
        self.documents_done.emit(ok, message)

    def take_quick(self, amount: Money) -> None:
        """Alt+1…6: cash of that amount, taken at once (each covers what is due)."""
        if self.pages.currentIndex() != 0:
            return
        self.choose_kind(CASH)
        self.payment_page.offer(amount)
        self.take()

    def has_work(self) -> bool:
        """Parts of a split payment taken but not yet saved: Esc asks before dropping them."""
        return self.completed is None and bool(self.parts)

    def reject(self) -> None:
        # After the sale is saved, Esc is the same as "next customer".
        if self.completed is not None:
            self.accept()
            return
        if self.cards:  # charged: a first Esc warns, a second voids the cards
            self.card_parts.escape()
            return
        self.discard_text = self.tr(
            "Go back to the sale? The parts taken so far ({parts}) are dropped: hand them back."
        ).format(parts=", ".join(t.amount.format() for t in self.parts))
        super().reject()

    def back_to_sale(self) -> None:
        """Close without a sale (the cards, if any, are voided): Esc's plain meaning."""
        self.discard()
