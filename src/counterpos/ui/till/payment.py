"""The till's F5 hand-off: the tender dialog, then drawer and receipt off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject

from counterpos.domain.cart import Cart
from counterpos.ui import background
from counterpos.ui.tender.dialog import TenderDialog


class TillPayment(QObject):
    """Takes payment for the till's cart. A child of the till, so the print worker's report
    comes back on the GUI thread and stops with the till."""

    def __init__(self, till) -> None:
        super().__init__(till)
        self.till = till

    def pay(self) -> None:
        till = self.till
        if not till.cart.lines:
            till.message.setText(till.tr("The cart is empty: add a service first (F3)."))
            return
        till.message.clear()
        dialog = TenderDialog(till.station, till.actor, till.session.session_id, till.cart, till)
        dialog.sale_saved.connect(self.after_sale)
        dialog.finished.connect(lambda _r: self._paid(dialog))
        till.dialog = dialog
        dialog.open()

    def _paid(self, dialog: TenderDialog) -> None:
        till = self.till
        till.dialog = None
        dialog.deleteLater()
        till.activateWindow()
        if dialog.completed is None:
            till.cart_table.setFocus()
            return
        till.last_sale = dialog.completed
        customer_id = till.cart.customer_id
        till.cart = Cart(customer_id=customer_id)
        till.refresh_cart()
        till.refresh_customer()
        till.notice.setText(
            till.tr("Saved receipt {no}. Change {change}.").format(
                no=dialog.completed.receipt_no, change=dialog.completed.change.format()
            )
        )
        till.lookup.focus()

    def after_sale(self, completed) -> None:
        """The sale is saved: drawer and receipt off the GUI thread; the central sync is woken."""
        till = self.till
        till.last_print = None
        background.print_after_sale(till.station, till.actor, completed, self._printed)
        if till.sync_worker is not None:
            till.sync_worker.wake()

    def _printed(self, after) -> None:
        till = self.till
        till.last_print = after
        if after.problems:
            till.message.setText(after.message)  # says the sale is saved, and to use Reprint
        else:
            till.statusBar().showMessage(after.message, 8000)
