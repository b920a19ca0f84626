"""Card parts of a payment: the terminal hand-off, each approval as a part, the void on Esc, and
a card approved earlier (not on a saved sale) offered before any new card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from counterpos.domain.money import Money
from counterpos.domain.tenders import CASH, Tender
from counterpos.services.card.unattached import describe, unattached
from counterpos.services.errors import CounterError
from counterpos.ui.controls.override_dialog import OverrideDialog
from counterpos.ui.tender.card_dialog import CardPaymentDialog
from counterpos.ui.tender.card_void import CardVoid
from counterpos.ui.tender.earlier_card_dialog import ATTACH, VOID, EarlierCardDialog


class CardParts(QObject):
    """The card side of a TenderDialog. The approved cards stay in `dialog.cards` (the whole
    payment reads them) and the open terminal dialog in `dialog.card_dialog`."""

    def __init__(self, dialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._voider = CardVoid(dialog.station, dialog.actor, dialog)
        self._voider.done.connect(self._voided)
        self.start()

    def start(self) -> None:
        """A new sale's payment: nothing armed, no box open, the earlier cards read again."""
        self.void_armed = False  # Esc once with a card approved: a second Esc voids it
        self.earlier_dialog: EarlierCardDialog | None = None
        self._voiding_earlier = False
        self.override_dialog: OverrideDialog | None = None
        # Cards approved earlier in this drawer session and not on a saved sale (the station
        # stopped before the sale was saved): offered before any new card is run.
        self.earlier = unattached(self.dialog.station, self.dialog.session_id)

    def notice(self) -> str:
        """What the payment screen says at once when a card approved earlier is waiting."""
        if not self.earlier:
            return ""
        return QCoreApplication.translate(
            "CardParts",
            "A card payment of {card} is approved and not on a saved sale. If this is that "
            "sale, take the card part (F10): it is attached, not run again.",
        ).format(card=describe(self.earlier[0]))

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
                QCoreApplication.translate(
                    "CardParts", "A card can pay up to the {due} still due."
                ).format(due=due.format()),
                page.amount,
            )
            return
        if self.earlier:  # settle the card approved earlier before running another
            self._offer_earlier()
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
                held=[c.request_id for c in pay.cards],
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
                QCoreApplication.translate(
                    "CardParts", "No card payment was taken. {due} is still due."
                ).format(due=pay.remaining().format())
            )
            pay.payment_page.focus_amount(select=False)
            return
        pay.cards.append(payment)
        pay.refresh()
        if pay.remaining().cents == 0:
            pay.complete(list(pay.parts))
            return
        pay.payment_page.say(
            QCoreApplication.translate("CardParts", "{due} still due: take the next part.").format(
                due=pay.remaining().format()
            )
        )
        pay.choose_kind(CASH)

    def _offer_earlier(self) -> None:
        pay = self.dialog
        box = EarlierCardDialog(self.earlier[0], pay.remaining().format(), pay)
        box.finished.connect(lambda _r: self._earlier_chosen(box))
        self.earlier_dialog = box
        box.open()

    def _earlier_chosen(self, box: EarlierCardDialog) -> None:
        pay = self.dialog
        self.earlier_dialog = None
        box.deleteLater()
        card = box.card
        if box.choice == ATTACH:
            if card.base.cents > pay.remaining().cents:
                pay.payment_page.say(
                    QCoreApplication.translate(
                        "CardParts",
                        "That card paid {paid}, more than the {due} still due on this sale: "
                        "ring the same sale again, or void the card.",
                    ).format(paid=card.base.format(), due=pay.remaining().format())
                )
                return
            self.earlier.remove(card)
            pay.cards.append(card)
            pay.refresh()
            if pay.remaining().cents == 0:
                pay.complete(list(pay.parts))
                return
            pay.payment_page.say(
                QCoreApplication.translate(
                    "CardParts", "Card attached. {due} still due: take the next part."
                ).format(due=pay.remaining().format())
            )
            pay.choose_kind(CASH)
        elif box.choice == VOID:
            self._void_earlier(card)

    def _void_earlier(self, card, approval=None) -> None:
        """Void a card approved earlier: a supervisor approves (their own role, or on the spot)."""
        pay = self.dialog
        if approval is None and not pay.actor.can("void"):
            dlg = OverrideDialog(
                pay.station,
                pay.actor,
                "void",
                QCoreApplication.translate(
                    "CardParts", "A supervisor approves voiding the card payment of {card}."
                ).format(card=describe(card)),
                pay,
            )
            self.override_dialog = dlg
            dlg.accepted.connect(lambda: self._void_earlier(card, dlg.approval))
            dlg.open()
            return
        pay.payment_page.say(
            QCoreApplication.translate("CardParts", "Voiding the card payment at the terminal…")
        )
        self._voiding_earlier = True
        self._voider.start([card], pay.terminal, approval)

    def escape(self) -> None:
        """Esc with a card approved: the card is charged, so leaving now would take the money
        without a sale. The first Esc says so; the second voids the cards at the terminal."""
        pay = self.dialog
        if self._voider.busy:
            return
        if not self.void_armed:
            self.void_armed = True
            pay.payment_page.say(
                QCoreApplication.translate(
                    "CardParts",
                    "A card payment of {amount} is approved: take the rest ({due}) to finish "
                    "this sale, or press Esc again to void the card payment at the terminal "
                    "and go back to the sale.",
                ).format(
                    amount=Money(sum(r.approved.cents for r in pay.cards)).format(),
                    due=pay.remaining().format(),
                )
            )
            return
        self._void()

    def _void(self) -> None:
        """Second Esc: void each approved card at the terminal (off the GUI thread), then go
        back to the sale; a card the terminal does not void stays on the payment. A card
        approved earlier and attached here is only detached: it waits again for its sale."""
        pay = self.dialog
        self.void_armed = False
        for card in [c for c in pay.cards if c.orphaned]:
            pay.cards.remove(card)
            self.earlier.append(card)
        if not pay.cards:
            pay.refresh()
            pay.back_to_sale()
            return
        pay.payment_page.say(
            QCoreApplication.translate("CardParts", "Voiding the card payment at the terminal…")
        )
        self._voider.start(pay.cards, pay.terminal)

    def _voided(self, voided: list, problems: list) -> None:
        pay = self.dialog
        if self._voiding_earlier:  # the payment stays: take it now another way, or by card
            self._voiding_earlier = False
            self.earlier = [c for c in self.earlier if c.request_id not in voided]
            pay.payment_page.say(
                QCoreApplication.translate(
                    "CardParts", "The card payment approved earlier is voided at the terminal."
                )
                if voided
                else QCoreApplication.translate(
                    "CardParts", "The card payment was not voided: {problem}"
                ).format(problem=" ".join(problems))
            )
            return
        pay.cards = [c for c in pay.cards if c.request_id not in voided]
        pay.refresh()
        if not pay.cards:
            pay.back_to_sale()  # nothing charged any more
            return
        pay.payment_page.say(
            QCoreApplication.translate(
                "CardParts",
                "The card payment was not voided: {problem} Take the rest ({due}) to finish "
                "this sale, or press Esc twice to try the void again.",
            ).format(problem=" ".join(problems), due=pay.remaining().format())
        )
