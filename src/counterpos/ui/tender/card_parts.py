"""Card parts of a payment: the terminal hand-off, each approval as a part, the void on Esc."""

from __future__ import annotations

from PySide6.QtCore import QObject

from counterpos.domain.money import Money
from counterpos.domain.tenders import CASH, Tender
from counterpos.services.errors import CounterError
from counterpos.ui.tender.card_dialog import CardPaymentDialog
from counterpos.ui.tender.card_void import CardVoid


class CardParts(QObject):
    """The card side of a TenderDialog. The approved cards stay in `dialog.cards` (the whole
    payment reads them) and the open terminal dialog in `dialog.card_dialog`."""

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.void_armed = False  # Esc once with a card approved: a second Esc voids it
        self._voider = CardVoid(dialog.station, dialog.actor, dialog)
        self._voider.done.connect(self._voided)

    def bases(self) -> list[Tender]:
        """What the approved cards paid of the sale itself, as tenders to settle against."""
        return [Tender(CASH, r.base) for r in self.dialog.cards]

    def fee_total(self) -> Money:
        return Money(sum(r.fee.cents for r in self.dialog.cards))

    def run(self, amount: Money) -> None:
        """Card: the amount (and its fee) go to the terminal in CardPaymentDialog; an approval
        becomes a part of the payment; when nothing is left due the sale completes."""
        pay = self.dialog
        page = pay.payment_page
        due = pay.remaining()
        if amount.cents <= 0 or amount.cents > due.cents:
            page.show_error(
                pay.tr("A card can pay up to the {due} still due.").format(due=due.format()),
                page.amount,
            )
            return
        try:
            card = CardPaymentDialog(
                pay.station,
                pay.actor,
                pay.session_id,
                pay.cart,
                amount,
                pay,
                terminal=pay.terminal,
                prior=[r.request_id for r in pay.cards],
            )
        except CounterError as exc:
            page.say(str(exc))
            return
        card.finished.connect(lambda _r: self._finished(card))
        pay.card_dialog = card
        card.open()

    def _finished(self, card) -> None:
        pay = self.dialog
        pay.card_dialog = None
        card.deleteLater()
        pay.activateWindow()
        payment = card.payment
        if payment is None:
            pay.payment_page.say(
                pay.tr("No card payment was taken. {due} is still due.").format(
                    due=pay.remaining().format()
                )
            )
            pay.payment_page.focus_amount(select=False)
            return
        pay.cards.append(payment)
        pay.refresh()
        if pay.remaining().cents == 0:
            pay.complete(list(pay.parts))
            return
        pay.payment_page.say(
            pay.tr("{due} still due: take the next part.").format(due=pay.remaining().format())
        )
        pay.choose_kind(CASH)

    def escape(self) -> None:
        """Esc with a card approved: the card is charged, so leaving now would take the money
        without a sale. The first Esc says so; the second voids the cards at the terminal."""
        pay = self.dialog
        if self._voider.busy:
            return
        if not self.void_armed:
            self.void_armed = True
            pay.payment_page.say(
                pay.tr(
                    "A card payment of {amount} is approved: take the rest ({due}) to finish "
                    "this sale, or press Esc again to void the card payment at the terminal "
                    "and go back to the sale."
                ).format(
                    amount=Money(sum(r.approved.cents for r in pay.cards)).format(),
                    due=pay.remaining().format(),
                )
            )
            return
        self._void()

    def _void(self) -> None:
        """Second Esc: void each approved card at the terminal (off the GUI thread), then go
        back to the sale; a card the terminal does not void stays on the payment."""
        pay = self.dialog
        self.void_armed = False
        pay.payment_page.say(pay.tr("Voiding the card payment at the terminal…"))
        self._voider.start(pay.cards, pay.terminal)

    def _voided(self, voided: list, problems: list) -> None:
        pay = self.dialog
        pay.cards = [c for c in pay.cards if c.request_id not in voided]
        pay.refresh()
        if not pay.cards:
            pay.back_to_sale()  # nothing charged any more
            return
        pay.payment_page.say(
            pay.tr(
                "The card payment was not voided: {problem} Take the rest ({due}) to finish "
                "this sale, or press Esc twice to try the void again."
            ).format(problem=" ".join(problems), due=pay.remaining().format())
        )
