"""The till's shared state: the cart, the chosen customer and account, the drawer session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from counterpos.domain.cart import Cart, CartLine
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.sale import catalog, customers
from counterpos.services.sale.catalog import ServiceView
from counterpos.services.sale.customers import AccountView, CustomerPanel
from counterpos.services.sessions import SessionView
from counterpos.services.station import Station


class TillState(QObject):
    """What the till's parts share, each change announced by a signal the widgets observe.

    `station`, `actor` and the services on sale are fixed for the till's life. The cart always
    carries the chosen customer's id; `account` is the one of their accounts the cashier
    selected (a utility payment or an account dialog acts on it).
    """

    cart_changed = Signal()
    customer_changed = Signal(object)  # the services.sale.customers.CustomerPanel, or None
    account_changed = Signal(object)  # the selected AccountView, or None
    session_changed = Signal()  # the drawer session was closed: nothing more sells on it

    def __init__(
        self, station: Station, actor: Actor, session: SessionView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.session = session
        self.session_open = True
        self.services = catalog.list_services(station)
        self.cart = Cart()
        self.customer: CustomerPanel | None = None
        self.account: AccountView | None = None
        # Supervisors' on-the-spot approvals of what the cashier's role lacks, by permission,
        # for this sale (a business license, a passport): handed to complete_sale, spent there.
        self.approvals: dict[str, Approval] = {}

    @property
    def session_id(self) -> str:
        return self.session.session_id

    def service(self, code: str) -> ServiceView:
        """The catalog entry rung under `code`."""
        return next(s for s in self.services if s.code == code)

    # -- the cart ---------------------------------------------------------------------------

    def add_lines(self, lines: list[CartLine]) -> None:
        for line in lines:
            self.cart.add(line)
        self.cart_changed.emit()

    def remove_line(self, index: int | None) -> bool:
        """Remove line `index`, or the last line if None; False when there is none to remove."""
        if index is None:
            if not self.cart.lines:
                return False
            index = len(self.cart.lines) - 1
        self.cart.remove(index)
        self.cart_changed.emit()
        return True

    def clear_cart(self) -> None:
        """An empty cart for the same customer (when the drawer closes)."""
        self.cart = Cart(customer_id=self.cart.customer_id)
        self.approvals.clear()
        self.cart_changed.emit()

    def new_sale(self) -> None:
        """An empty cart and no customer: the next person at the counter (after a sale, or
        when the cashier clears the sale)."""
        self.cart = Cart()
        self.approvals.clear()
        self.cart_changed.emit()
        self._show(None)

    def approval_for(self, permission: str) -> Approval | None:
        """A supervisor's approval of `permission` for this sale, not yet spent."""
        approval = self.approvals.get(permission)
        return approval if approval is not None and not approval.used else None

    def sale_approvals(self) -> list[Approval]:
        return [a for a in self.approvals.values() if not a.used]

    # -- the customer -----------------------------------------------------------------------

    def choose_customer(self, customer_id: str) -> None:
        """Read the customer's panel (CounterError if it cannot be) and make them the sale's."""
        panel = customers.panel(self.station, customer_id)
        self.cart.customer_id = customer_id
        self._show(panel)

    def refresh_customer(self) -> None:
        """Read the chosen customer again (balances after a payment, a stopped account)."""
        if self.customer is not None:
            self._show(customers.panel(self.station, self.customer.customer_id))

    def customer_updated(self, panel: CustomerPanel) -> bool:
        """The chosen customer's record changed at the counter (their language): everything
        that shows them (the panel, the customer display) shows them again. False when `panel`
        is not the chosen customer's."""
        if self.customer is None or self.customer.customer_id != panel.customer_id:
            return False
        self._show(panel)
        return True

    def select_account(self, account: AccountView | None) -> None:
        if account == self.account:
            return
        self.account = account
        self.account_changed.emit(account)

    def _show(self, panel: CustomerPanel | None) -> None:
        # The same account stays selected if the new panel has it; else the first one.
        keep = self.account.account_no if self.account is not None else None
        accounts = panel.accounts if panel is not None else ()
        account = next((a for a in accounts if a.account_no == keep), None)
        if account is None and accounts:
            account = accounts[0]
        previous = self.account
        self.customer = panel
        self.account = account
        self.customer_changed.emit(panel)
        if account != previous:
            self.account_changed.emit(account)

    # -- the drawer session -----------------------------------------------------------------

    def close_session(self) -> None:
        """The drawer session was closed and locked (the close-drawer dialog said so)."""
        if not self.session_open:
            return
        self.session_open = False
        self.session_changed.emit()
