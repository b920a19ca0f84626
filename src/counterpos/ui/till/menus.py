"""The till's menu bar: every action the branches built, each with its key, in one place.

The sale keys (F2–F12) live here as menu actions, so the menus show them and they work from
anywhere in the till; the account dialogs act on the customer panel's selected account; the
controls menu (void, close drawer, day view, audit trail) comes from `widgets.controls_menu`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from counterpos.ui.account.adjustment_dialog import AccountAdjustmentDialog
from counterpos.ui.account.ledger_dialog import AccountLedgerDialog
from counterpos.ui.account.start_dialog import StartServiceDialog
from counterpos.ui.account.stop_dialog import StopServiceDialog
from counterpos.ui.account.transfer_dialog import TransferServiceDialog
from counterpos.ui.back_office.fee_schedule_dialog import FeeScheduleDialog
from counterpos.ui.till.controls_menu import add_controls_menu

ACCOUNT_KEYS = {
    "start": "Ctrl+Shift+S",
    "stop": "Ctrl+Shift+X",
    "transfer": "Ctrl+Shift+T",
    "adjust": "Ctrl+Shift+J",
    "ledger": "Ctrl+Shift+L",
}
FEES_KEY = "Ctrl+Shift+F"
LOCK_KEY = "Ctrl+Shift+K"


class TillMenus(QObject):
    """Builds `till.menuBar()`; `actions[name]` for tests and for enabling by state."""

    def __init__(self, till) -> None:
        super().__init__(till)
        self.till = till
        self.actions: dict[str, QAction] = {}
        bar = till.menuBar()
        tr = till.tr

        sale = bar.addMenu(tr("&Sale"))
        for name, label, key, slot in (
            ("find", tr("Find customer"), "F2", till.focus_lookup),
            ("add", tr("Add service"), "F3", till.add_service),
            ("remove", tr("Remove line"), "F4", till.remove_line),
            ("pay", tr("Pay…"), "F5", till.pay),
            ("reprint", tr("Reprint a receipt…"), "F6", till.reprint),
            ("new", tr("New sale"), "F8", till.new_sale),
        ):
            self._add(sale, name, label, key, slot)
        self.sale_menu = sale
        sale.addSeparator()
        self._add(sale, "lock", tr("Lock the screen"), LOCK_KEY, till.lock_now)
        self._add(sale, "logout", tr("Log out"), "F12", till.log_out)

        account = bar.addMenu(tr("&Account"))
        for name, label, slot in (
            ("start", tr("Start service…"), self.start_service),
            ("stop", tr("Stop service…"), self.stop_service),
            ("transfer", tr("Transfer service…"), self.transfer_service),
            ("adjust", tr("Adjust the account…"), self.adjust_account),
            ("ledger", tr("Account ledger…"), self.account_ledger),
        ):
            self._add(account, name, label, ACCOUNT_KEYS[name], slot)

        controls = bar.addMenu(tr("&Controls"))
        self.actions.update(
            add_controls_menu(
                controls,
                till,
                till.station,
                lambda: till.actor,
                lambda: till.session.session_id,
                opened=till.control_opened,
            )
        )
        controls.addSeparator()
        self._add(controls, "fees", tr("Fee schedules…"), FEES_KEY, self.fee_schedules)
        self.controls_menu = controls

    def _add(self, menu: QMenu, name: str, label: str, key: str, slot) -> QAction:
        act = QAction(label, self.till)
        act.setShortcut(QKeySequence(key))
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        self.actions[name] = act
        return act

    # -- account dialogs (the customer panel's selected account) --------------------------------

    def _account_no(self) -> str | None:
        account = self.till.panel.selected_account()
        if account is None:
            self.till.message.setText(
                self.till.tr("Find the customer (F2) and choose one of their accounts first.")
            )
            return None
        return account.account_no

    def _refuse(self, permission: str, what: str) -> bool:
        """Say plainly, before any typing, that this cashier may not do it."""
        if self.till.actor.can(permission):
            return False
        from counterpos.services.errors import PermissionDenied  # noqa: PLC0415

        try:
            self.till.actor.require(permission, what)
        except PermissionDenied as exc:
            self.till.message.setText(str(exc))
        return True

    def start_service(self) -> None:
        if self._refuse("start_stop_service", "start utility service"):
            return
        panel = self.till.panel.panel
        dialog = StartServiceDialog(
            self.till.station,
            customer_id=panel.customer_id if panel else None,
            customer_name=panel.name if panel else "",
            parent=self.till,
        )
        self.till.open_line_dialog(dialog)

    def stop_service(self) -> None:
        if self._refuse("start_stop_service", "stop utility service"):
            return
        account_no = self._account_no()
        if account_no:
            dialog = StopServiceDialog(self.till.station, self.till.actor, account_no, self.till)
            self.till.open_account_dialog(dialog, self.till.tr("Service stopped."))

    def transfer_service(self) -> None:
        if self._refuse("start_stop_service", "transfer utility service"):
            return
        account_no = self._account_no()
        if account_no:
            dialog = TransferServiceDialog(
                self.till.station, self.till.actor, account_no, self.till
            )
            self.till.open_account_dialog(dialog, self.till.tr("Service transferred."))

    def adjust_account(self) -> None:
        account_no = self._account_no()
        if account_no:
            dialog = AccountAdjustmentDialog(
                self.till.station, self.till.actor, account_no, self.till
            )
            self.till.open_account_dialog(dialog, self.till.tr("Adjustment saved."))

    def account_ledger(self) -> None:
        account_no = self._account_no()
        if account_no:
            dialog = AccountLedgerDialog(self.till.station, account_no, self.till)
            self.till.open_account_dialog(dialog, "")

    def fee_schedules(self) -> None:
        if self._refuse("edit_fees", "change the fee schedules"):
            return
        dialog = FeeScheduleDialog(self.till.station, self.till.actor, self.till)
        self.till.open_account_dialog(dialog, "")
