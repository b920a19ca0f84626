"""The till: lookup and customer panel, service picker, cart and total; function keys drive it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counterpos.services.actor import Actor
from counterpos.services.central import sync as sync_service
from counterpos.services.clock import to_local
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.sale import customers
from counterpos.services.sale.sales import CompletedSale
from counterpos.services.sessions import SessionView
from counterpos.services.station import Station
from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.lock_screen import IdleLock
from counterpos.ui.sync_status import SyncStatusLabel
from counterpos.ui.till.controls import ControlsHandOff
from counterpos.ui.till.drawer_close import DrawerClose
from counterpos.ui.till.line_dialogs import line_dialog
from counterpos.ui.till.menus import TillMenus
from counterpos.ui.till.payment import TillPayment
from counterpos.ui.till.service_picker import ServicePicker
from counterpos.ui.till.state import TillState
from counterpos.ui.till.stub_scan import stub_payment
from counterpos.ui.widgets.cart_table import CartTable
from counterpos.ui.widgets.customer_lookup import SHOWN, CustomerLookup
from counterpos.ui.widgets.customer_panel import CustomerPanel
from counterpos.ui.widgets.shortcut_bar import ShortcutBar


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeader")
    return label


class TillWindow(QMainWindow):
    """One cashier's till for one drawer session. Emits `logged_out` on F12.

    The sale itself is in `state` (a TillState); the window builds the widgets that show it,
    and is the TillHost its parts (payment, controls, menus, drawer close) open dialogs through.
    """

    logged_out = Signal()
    # After the drawer is closed: the cashier chose to count a new float (True) or log out.
    new_session_wanted = Signal()

    def __init__(
        self, station: Station, actor: Actor, session: SessionView, sync_worker=None
    ) -> None:
        super().__init__()
        self.state = TillState(station, actor, session, self)
        self.sync_worker = sync_worker  # woken after each sale when central.url is set
        self.dialog: QDialog | None = None
        self.setWindowTitle(
            self.tr("CounterPOS – {city}").format(city=station.setting("city.name"))
        )

        self.lookup = CustomerLookup(lambda text: customers.search(station, text, limit=SHOWN))
        self.panel = CustomerPanel()
        self.picker = ServicePicker(self.state.services)
        self.cart_table = CartTable()
        self.total = QLabel()
        self.total.setObjectName("bigTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self._lay_out()

        # The F-keys are the menu actions' shortcuts (ui/till/menus.py); Esc stays a shortcut.
        QShortcut(QKeySequence("Esc"), self, self.back)
        self.payment = TillPayment(self.state, self, self)
        self.drawer_close = DrawerClose(self.state, self, self)
        self.controls = ControlsHandOff(self.state, self, self.drawer_close, self)
        self.menus = TillMenus(
            self,
            self.state,
            self,
            sale={
                "find": self.focus_lookup,
                "add": self.add_service,
                "remove": self.remove_line,
                "pay": self.payment.pay,
                "reprint": self.reprint,
                "new": self.new_sale,
                "lock": self.lock_now,
                "logout": self.log_out,
            },
            opened=self.controls.opened,
        )
        self.idle_lock = IdleLock(station, actor, self)

        self.lookup.chosen.connect(self.choose_customer)
        self.lookup.scanned.connect(self.stub_scanned)
        self.picker.rung.connect(self.add_service)
        self.panel.account_selected.connect(self.state.select_account)
        self.state.cart_changed.connect(self.show_cart)
        self.state.customer_changed.connect(self.panel.show_customer)
        self.state.account_changed.connect(self.panel.select_account)
        self.payment.sale_saved.connect(self._wake_sync)
        self.payment.closed.connect(self._after_payment)
        self.drawer_close.new_drawer_wanted.connect(self._new_drawer)
        self.drawer_close.log_out_wanted.connect(self.log_out)

        self._build_status_bar()
        self.show_cart()
        self.resize(1280, 760)
        self.lookup.focus()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(_section(self.tr("Find a customer (F2)")))
        left.addWidget(self.lookup, 1)
        left.addWidget(self.panel)
        middle = QVBoxLayout()
        middle.addWidget(_section(self.tr("Services (F3, then the number)")))
        middle.addWidget(self.picker)
        right = QVBoxLayout()
        right.addWidget(_section(self.tr("Sale")))
        right.addWidget(self.cart_table, 1)
        totals = QHBoxLayout()
        totals.addWidget(QLabel(self.tr("Total")))
        totals.addWidget(self.total, 1)
        right.addLayout(totals)
        right.addWidget(self.message)
        right.addWidget(self.notice)

        splitter = QSplitter()
        for layout, stretch in ((left, 4), (middle, 3), (right, 5)):
            holder = QWidget()
            holder.setLayout(layout)
            splitter.addWidget(holder)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 0)
        splitter.setSizes([470, 320, 490])
        outer.addWidget(splitter, 1)
        self.bar = ShortcutBar(
            [
                ("F2", self.tr("Find customer")),
                ("F3", self.tr("Add service")),
                ("F4", self.tr("Remove line")),
                ("F5", self.tr("Pay")),
                ("F6", self.tr("Reprint")),
                ("F8", self.tr("New sale")),
                ("F12", self.tr("Log out")),
                ("Esc", self.tr("Back")),
                ("Alt", self.tr("Menus: account, void, close drawer")),
            ]
        )
        outer.addWidget(self.bar)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        station, actor, session = self.state.station, self.state.actor, self.state.session
        opened = to_local(session.opened_at).strftime("%m/%d %H:%M")
        self.station_label = QLabel(self.tr("Station {code}").format(code=station.code))
        self.cashier_label = QLabel(
            self.tr("Cashier {name} ({role})").format(
                name=actor.full_name, role=actor.role.replace("_", " ")
            )
        )
        self.session_label = QLabel(
            self.tr("Drawer opened {when}, float {amount}").format(
                when=opened, amount=session.opening_float.format()
            )
        )
        for label in (self.station_label, self.cashier_label, self.session_label):
            bar.addWidget(label)
        # The sync state (outbox / central link): up to date, N waiting, or offline since.
        self.sync_slot = SyncStatusLabel(lambda: sync_service.status(station))
        bar.addPermanentWidget(self.sync_slot)

    # -- what the parts may ask of the window (ui/till/host.py) ---------------------------

    def show_dialog(self, dialog: QDialog, finished: Callable[[int], None] | None = None) -> None:
        def closed(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            # Some platforms (and offscreen) leave no window active after a dialog closes.
            self.activateWindow()
            self.picker.setFocus()
            if finished is not None:
                finished(result)

        dialog.finished.connect(closed)
        self.dialog = dialog
        dialog.open()

    def open_line_dialog(self, dialog: QDialog) -> None:
        self.say("")
        dialog.accepted.connect(lambda: self._lines_added(dialog.lines))
        self.show_dialog(dialog)

    def open_account_dialog(self, dialog: QDialog, done_text: str) -> None:
        self.say("")

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and done_text:
                self.tell(done_text)
            self.state.refresh_customer()

        self.show_dialog(dialog, finished)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def tell(self, text: str) -> None:
        self.notice.setText(text)

    def flash(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- customer ------------------------------------------------------------------------

    def focus_lookup(self) -> None:
        self.lookup.focus()

    def back(self) -> None:
        """Esc: back to the lookup; pressed there, clear what was typed."""
        if self.lookup.box.hasFocus() and self.lookup.box.text():
            self.lookup.clear()
        self.say("")
        self.lookup.focus()

    def choose_customer(self, customer_id: str) -> None:
        try:
            self.state.choose_customer(customer_id)
        except CounterError as exc:
            self.say(str(exc))
            return
        self.say("")
        self.picker.setFocus()

    def stub_scanned(self, text: str) -> None:
        """A keyboard-wedge scanner typed a bill stub and Enter into the lookup."""
        try:
            dialog = stub_payment(self.state, text, self)
        except CounterError as exc:
            self.lookup.clear()
            self.say(str(exc))
            self.lookup.focus()
            return
        self.lookup.clear()
        self.picker.setFocus()
        self.open_line_dialog(dialog)

    # -- lines ---------------------------------------------------------------------------

    def add_service(self, code: str | None = None) -> None:
        """F3: from the lookup, go to the service list; in the list, ring the chosen service."""
        if code is None:
            if not self.picker.hasFocus():
                self.picker.setFocus()
                return
            code = self.picker.current_code()
            if code is None:
                return
        self.say("")
        try:
            dialog = line_dialog(self.state, code, self)
        except PermissionDenied as exc:
            self.say(str(exc))
            return
        self.open_line_dialog(dialog)

    def _lines_added(self, lines: list) -> None:
        self.state.add_lines(lines)
        self.tell("")

    def remove_line(self) -> None:
        if not self.state.remove_line(self.cart_table.selected_index()):
            self.say(self.tr("The sale has no lines to remove."))
            return
        self.say("")

    def show_cart(self) -> None:
        cart = self.state.cart
        self.cart_table.show_cart(cart, {s.code: s.fields for s in self.state.services})
        self.total.setText(cart.total.format())

    # -- payment and after -----------------------------------------------------------------

    def _wake_sync(self, _completed: CompletedSale) -> None:
        if self.sync_worker is not None:
            self.sync_worker.wake()

    def _after_payment(self, completed: CompletedSale | None) -> None:
        if completed is None:
            self.cart_table.setFocus()
        else:
            self.lookup.focus()

    def reprint(self) -> None:
        """F6: find any receipt and print it again (marked REPRINT), or save it as PDF."""
        self.say("")
        state = self.state
        self.show_dialog(ReprintDialog(state.station, state.actor, self))

    def new_sale(self) -> None:
        """F8: clear the cart and the customer for the next person at the counter."""
        self.state.new_sale()
        self.lookup.clear()
        self.say("")
        self.tell("")
        self.lookup.focus()

    # -- leaving -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        # Closing the window mid-sale would drop the rung lines without a word.
        if self.state.cart.lines:
            self.say(self.tr("Finish this sale (F5) or clear it (F8) before closing the till."))
            event.ignore()
            return
        self.idle_lock.stop()
        super().closeEvent(event)

    def log_out(self) -> None:
        if self.state.cart.lines:
            self.say(self.tr("Finish this sale (F5) or clear it (F8) before logging out."))
            return
        self.idle_lock.stop()
        self.logged_out.emit()
        self.close()

    def lock_now(self) -> None:
        """Stepping away: lock at once rather than waiting for the idle timer."""
        self.idle_lock.lock()

    def _new_drawer(self) -> None:
        """The drawer was closed and the cashier will count a new float."""
        self.idle_lock.stop()
        self.close()
        self.new_session_wanted.emit()
