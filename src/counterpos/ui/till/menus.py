"""The till's menu bar: every action the branches built, each with its key, in one place.

The sale keys (ui/keymap.py: F1–F12, Ctrl+Delete) live here as menu actions, so the menus
show them and they work from anywhere in the till; the account dialogs act on the state's
selected account, and what the cashier's role lacks is asked of a supervisor on the spot; the
controls menu (void, close drawer, day view, audit trail) comes from `till.controls_menu`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from counterpos.services.errors import PermissionDenied
from counterpos.ui.account.adjustment_dialog import AccountAdjustmentDialog
from counterpos.ui.account.ledger_dialog import AccountLedgerDialog
from counterpos.ui.account.start_dialog import StartServiceDialog
from counterpos.ui.account.stop_dialog import StopServiceDialog
from counterpos.ui.account.transfer_dialog import TransferServiceDialog
from counterpos.ui.account.utility_menu import add_utility_actions
from counterpos.ui.back_office.fee_schedule_dialog import FeeScheduleDialog
from counterpos.ui.till.approval import with_permission
from counterpos.ui.till.controls_menu import add_controls_menu

if TYPE_CHECKING:
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState

# The Sale menu's actions by name, with their keys; the window gives each its slot.
SALE_KEYS = {
    "help": "F1",
    "find": "F2",
    "add": "F3",
    "remove": "F4",
    "pay": "F5",
    "cash": "F7",
    "check": "F8",
    "money_order": "F9",
    "card": "F10",
    "sales": "F11",
    "reprint": "Ctrl+P",
    "new": "Ctrl+Delete",
}
ACCOUNT_KEYS = {
    "start": "Ctrl+Shift+S",
    "stop": "Ctrl+Shift+X",
    "transfer": "Ctrl+Shift+T",
    "adjust": "Ctrl+Shift+J",
    "ledger": "Ctrl+Shift+L",
}
FEES_KEY = "Ctrl+Shift+F"
LOCK_KEY = "Ctrl+Shift+K"
LOGOUT_KEY = "F12"


class TillMenus(QObject):
    """Builds `window.menuBar()`; `actions[name]` for tests and for enabling by state.

    `sale` maps each name of SALE_KEYS, and "lock" and "logout", to the window's slot;
    `opened(key, dialog)` is handed each Controls-menu dialog to open."""

    def __init__(
        self,
        window: QMainWindow,
        state: TillState,
        host: TillHost,
        sale: Mapping[str, Callable[[], None]],
        opened: Callable[[str, QWidget], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.host = host
        self.actions: dict[str, QAction] = {}
        bar = window.menuBar()

        menu = bar.addMenu(self.tr("&Sale"))
        for name, label in (
            ("find", self.tr("Find customer")),
            ("add", self.tr("Services")),
            ("remove", self.tr("Remove line…")),
            ("pay", self.tr("Pay…")),
            ("cash", self.tr("Pay in cash…")),
            ("check", self.tr("Pay by check…")),
            ("money_order", self.tr("Pay by money order…")),
            ("card", self.tr("Pay by card…")),
            ("sales", self.tr("This drawer's sales…")),
            ("reprint", self.tr("Find a receipt to reprint…")),
            ("new", self.tr("Clear the sale…")),
            ("help", self.tr("Keys…")),
        ):
            self._add(menu, name, label, SALE_KEYS[name], sale[name])
        self.sale_menu = menu
        menu.addSeparator()
        self._add(menu, "lock", self.tr("Lock the screen"), LOCK_KEY, sale["lock"])
        self._add(menu, "logout", self.tr("Log out"), LOGOUT_KEY, sale["logout"])

        account = bar.addMenu(self.tr("&Account"))
        for name, label, slot in (
            ("start", self.tr("Start service…"), self.start_service),
            ("stop", self.tr("Stop service…"), self.stop_service),
            ("transfer", self.tr("Transfer service…"), self.transfer_service),
            ("adjust", self.tr("Adjust the account…"), self.adjust_account),
            ("ledger", self.tr("Account ledger…"), self.account_ledger),
        ):
            self._add(account, name, label, ACCOUNT_KEYS[name], slot)
        self.actions.update(add_utility_actions(account, window, state, host))

        controls = bar.addMenu(self.tr("&Controls"))
        self.actions.update(
            add_controls_menu(
                controls,
                window,
                state.station,
                lambda: state.actor,
                lambda: state.session_id,
                opened=opened,
            )
        )
        controls.addSeparator()
        self._add(controls, "fees", self.tr("Fee schedules…"), FEES_KEY, self.fee_schedules)
        self.controls_menu = controls

    def _add(
        self, menu: QMenu, name: str, label: str, key: str, slot: Callable[[], None]
    ) -> QAction:
        act = QAction(label, self.window)
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        self.actions[name] = act
        return act

    # -- account dialogs (the state's selected account) ---------------------------------------

    def _account_no(self) -> str | None:
        account = self.state.account
        if account is None:
            self.host.say(self.tr("Find the customer (F2) and choose one of their accounts first."))
            return None
        return account.account_no

    def _refuse(self, permission: str, what: str) -> bool:
        """Say plainly, before any typing, that this cashier may not do it."""
        if self.state.actor.can(permission):
            return False
        try:
            self.state.actor.require(permission, what)
        except PermissionDenied as exc:
            self.host.say(str(exc))
        return True

    def start_service(self) -> None:
        def start(_approval) -> None:
            customer = self.state.customer
            dialog = StartServiceDialog(
                self.state.station,
                customer_id=customer.customer_id if customer else None,
                customer_name=customer.name if customer else "",
                parent=self.window,
            )
            self.host.open_line_dialog(dialog)  # the sale spends the approval

        with_permission(self.state, self.host, "start_stop_service", "start utility service", start)

    def stop_service(self) -> None:
        account_no = self._account_no()
        if not account_no:
            return

        def stop(approval) -> None:
            dialog = StopServiceDialog(
                self.state.station, self.state.actor, account_no, self.window, approval
            )
            self.host.open_account_dialog(dialog, self.tr("Service stopped."))

        with_permission(
            self.state,
            self.host,
            "start_stop_service",
            "stop utility service",
            stop,
            for_sale=False,
        )

    def transfer_service(self) -> None:
        account_no = self._account_no()
        if not account_no:
            return

        def transfer(approval) -> None:
            dialog = TransferServiceDialog(
                self.state.station, self.state.actor, account_no, self.window, approval
            )
            self.host.open_account_dialog(dialog, self.tr("Service transferred."))

        with_permission(
            self.state,
            self.host,
            "start_stop_service",
            "transfer utility service",
            transfer,
            for_sale=False,
        )

    def adjust_account(self) -> None:
        account_no = self._account_no()
        if account_no:
            dialog = AccountAdjustmentDialog(
                self.state.station, self.state.actor, account_no, self.window
            )
            self.host.open_account_dialog(dialog, self.tr("Adjustment saved."))

    def account_ledger(self) -> None:
        account_no = self._account_no()
        if account_no:
            dialog = AccountLedgerDialog(self.state.station, account_no, self.window)
            self.host.open_account_dialog(dialog, "")

    def fee_schedules(self) -> None:
        if self._refuse("edit_fees", "change the fee schedules"):
            return
        dialog = FeeScheduleDialog(self.state.station, self.state.actor, self.window)
        self.host.open_account_dialog(dialog, "")
