"""The till's F5 hand-off: the tender dialog, then drawer and receipt off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from counterpos.ui import background
from counterpos.ui.tender.dialog import TenderDialog

if TYPE_CHECKING:  # the after-sale service is imported when a sale is first printed
    from counterpos.services.devices.after_sale import AfterSale
    from counterpos.services.sale.sales import CompletedSale
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


class TillPayment(QObject):
    """Takes payment for the state's cart. A child of the till, so the print worker's report
    comes back on the GUI thread and stops with the till.

    `sale_saved(CompletedSale)` the moment a sale is saved; `closed(CompletedSale | None)` when
    the tender dialog has gone, with the sale or None if none was made; `payment_shown` relays
    the tender form's PaymentView for the customer display."""

    sale_saved = Signal(object)
    closed = Signal(object)
    payment_shown = Signal(object)  # the tender form's PaymentView, for the customer display

    def __init__(self, state: TillState, host: TillHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.last_sale: CompletedSale | None = None
        self.last_print: AfterSale | None = None  # what the drawer and printer did last
        self.dialog: TenderDialog | None = None  # the payment screen, built once and reused

    def pay(self, kind: str | None = None) -> None:
        """F5 (or F7–F10: the tender already chosen): the tender dialog for the cart."""
        state = self.state
        if not state.cart.lines:
            self.host.say(self.tr("The cart is empty: add a service first (F3)."))
            return
        self.host.say("")
        dialog = self.dialog
        if dialog is None:
            # Built on the first F5 and kept: building it is most of what F5 would cost.
            dialog = self.dialog = TenderDialog(
                state.station,
                state.actor,
                state.session_id,
                state.cart,
                self.host.window(),
                approvals=state.sale_approvals(),
            )
            dialog.sale_saved.connect(self._saved)
            dialog.payment_shown.connect(self.payment_shown)
        else:
            dialog.start(state.cart, approvals=state.sale_approvals())
        if kind is not None:
            dialog.choose_kind(kind)
        dialog.refresh()  # the customer display shows what is due from the start
        self.host.show_dialog(dialog, lambda _r: self._paid(dialog), keep=True)

    def _paid(self, dialog: TenderDialog) -> None:
        done = dialog.completed
        if done is None and dialog.repriced:
            self.state.cart_changed.emit()  # the new prices in the till's cart table
        if done is not None:
            self.last_sale = done
            self.state.new_sale()  # the next customer starts from a clear screen
            self.host.tell(
                self.tr("Saved receipt {no}. Change {change}.").format(
                    no=done.receipt_no, change=done.change.format()
                )
            )
        self.closed.emit(done)

    def _saved(self, completed: CompletedSale) -> None:
        """The sale is saved: drawer and receipt off the GUI thread; then say it was saved."""
        self.last_print = None
        state = self.state
        background.print_after_sale(state.station, state.actor, completed, self._printed)
        self.sale_saved.emit(completed)

    def _printed(self, after: AfterSale) -> None:
        self.last_print = after
        if after.problems:
            self.host.say(after.message)  # says the sale is saved, and to use Reprint
        else:
            self.host.flash(after.message)
