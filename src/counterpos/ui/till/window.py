"""The till: lookup and customer panel, service picker, cart and total; function keys drive it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.tenders import CARD, CASH, CHECK, MONEY_ORDER
from counterpos.services.actor import Actor
from counterpos.services.central import sync as sync_service
from counterpos.services.clock import to_local
from counterpos.services.errors import CounterError
from counterpos.services.sale import customers
from counterpos.services.sale.sales import CompletedSale
from counterpos.services.sessions import SessionView
from counterpos.services.station import Station
from counterpos.services.training import mode as training_mode
from counterpos.ui import i18n, keymap
from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.formats import datetime_text
from counterpos.ui.lock_screen import IdleLock
from counterpos.ui.sync_status import SyncStatusLabel
from counterpos.ui.till import customer_display
from counterpos.ui.till.approval import with_permission
from counterpos.ui.till.controls import ControlsHandOff
from counterpos.ui.till.drawer_close import DrawerClose
from counterpos.ui.till.keys_dialog import KeysDialog
from counterpos.ui.till.line_approvals import LineApprovals
from counterpos.ui.till.line_dialogs import line_dialog, reuse_key, rule_permission
from counterpos.ui.till.menus import TillMenus
from counterpos.ui.till.payment import TillPayment
from counterpos.ui.till.service_line_dialog import ServiceLineDialog
from counterpos.ui.till.service_picker import ServicePicker
from counterpos.ui.till.session_sales_dialog import SessionSalesDialog
from counterpos.ui.till.state import TillState
from counterpos.ui.till.stub_scan import stub_payment
from counterpos.ui.widgets.ask import ask_to_discard
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
    # A supervisor switched the station into training or back: the app opens the other store.
    store_switched = Signal()
    # After the drawer is closed: the cashier chose to count a new float (True) or log out.
    new_session_wanted = Signal()

    def __init__(
        self, station: Station, actor: Actor, session: SessionView, sync_worker=None
    ) -> None:
        super().__init__()
        self.state = TillState(station, actor, session, self)
        self.sync_worker = sync_worker  # woken after each sale when central.url is set
        self.dialog: QDialog | None = None
        self.question: QMessageBox | None = None  # "F4 again removes it", "Ctrl+Delete again"
        # Each service's form once built, with what it was built for (line_dialogs.reuse_key).
        self._forms: dict[str, tuple[tuple, ServiceLineDialog]] = {}
        self.setWindowTitle(
            self.tr("CounterPOS – {city}").format(city=station.setting("city.name"))
            + (self.tr(" – TRAINING") if training_mode.is_training(station) else "")
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
        self.line_approvals = LineApprovals(self.state, self, self)
        self.menus = TillMenus(
            self,
            self.state,
            self,
            sale={
                "help": self.show_keys,
                "find": self.focus_lookup,
                "add": self.add_service,
                "remove": self.remove_line,
                "pay": self.payment.pay,
                "cash": lambda: self.payment.pay(CASH),
                "check": lambda: self.payment.pay(CHECK),
                "money_order": lambda: self.payment.pay(MONEY_ORDER),
                "card": lambda: self.payment.pay(CARD),
                "sales": self.session_sales,
                "reprint": self.reprint,
                "new": self.clear_sale,
                "lock": self.lock_now,
                "logout": self.log_out,
            },
            opened=self.controls.opened,
        )
        self.idle_lock = IdleLock(station, actor, self)

        self.lookup.chosen.connect(self.choose_customer)
        self.lookup.scanned.connect(self.stub_scanned)
        self.picker.rung.connect(self.ring)
        self.panel.account_selected.connect(self.state.select_account)
        self.panel.language_chosen.connect(self.set_customer_language)
        self.state.cart_changed.connect(self.show_cart)
        self.state.customer_changed.connect(self.panel.show_customer)
        self.state.account_changed.connect(self.panel.select_account)
        self.payment.sale_saved.connect(self._wake_sync)
        self.payment.closed.connect(self._after_payment)
        self.drawer_close.new_drawer_wanted.connect(self._new_drawer)
        self.drawer_close.log_out_wanted.connect(self.log_out)

        # The customer display: opened at sign-in when the station's setting asks for it; the
        # Sale menu turns it on and off.
        self.customer_display: customer_display.CustomerDisplay | None = None
        self.display_action = QAction(self.tr("Customer display"), self)
        self.display_action.setCheckable(True)
        self.display_action.toggled.connect(self.show_customer_display)
        self.menus.sale_menu.insertAction(self.menus.actions["lock"], self.display_action)
        self.training_action = QAction(
            self.tr("Leave training…")
            if training_mode.is_training(station)
            else self.tr("Training mode…"),
            self,
        )
        self.training_action.triggered.connect(self.switch_training)
        self.menus.controls_menu.addAction(self.training_action)
        self.idle_lock.locked.connect(lambda: self._to_display("lock"))
        self.idle_lock.unlocked.connect(lambda: self._to_display("unlock"))
        self.payment.payment_shown.connect(lambda view: self._to_display("show_payment", view))
        self.payment.sale_saved.connect(lambda done: self._to_display("show_thanks", done))

        self._build_status_bar()
        self.show_cart()
        self.resize(1280, 700)
        if customer_display.wanted(self.state):
            self.display_action.setChecked(True)
        self.lookup.focus()

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(_section(self.tr("Find a customer (F2)")))
        left.addWidget(self.lookup, 3)
        left.addWidget(self.panel, 4)
        middle = QVBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(_section(self.tr("Services (F3, then the number)")))
        middle.addWidget(self.picker, 1)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(_section(self.tr("Sale")))
        right.addWidget(self.cart_table, 1)
        totals = QHBoxLayout()
        totals.addWidget(QLabel(self.tr("Total")))
        totals.addWidget(self.total, 1)
        right.addLayout(totals)
        right.addWidget(self.message)
        right.addWidget(self.notice)

        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        for layout, stretch in ((left, 4), (middle, 3), (right, 4)):
            holder = QWidget()
            holder.setLayout(layout)
            splitter.addWidget(holder)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 4)
        self.training_banner: QLabel | None = None
        if training_mode.is_training(self.state.station):
            self.training_banner = QLabel(
                self.tr("TRAINING – practice on the demo city: no real money, nothing syncs")
            )
            self.training_banner.setObjectName("trainingBanner")
            self.training_banner.setWordWrap(True)
            outer.addWidget(self.training_banner)
        splitter.setSizes([460, 380, 460])
        outer.addWidget(splitter, 1)
        self.bar = ShortcutBar(keymap.bar(keymap.TILL_BAR, "till"))
        outer.addWidget(self.bar)
        self.setCentralWidget(central)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        station, actor, session = self.state.station, self.state.actor, self.state.session
        opened = datetime_text(to_local(session.opened_at))
        self.station_label = QLabel(self.tr("Station {code}").format(code=station.code))
        self.cashier_label = QLabel(
            self.tr("Cashier {name} ({role})").format(
                name=actor.full_name, role=i18n.role_name(actor.role)
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

    def show_on_screen(self) -> None:
        """Fill the screen's free area (a counter PC runs nothing else), maximised."""
        screen = self.screen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    # -- what the parts may ask of the window (ui/till/host.py) ---------------------------

    def show_dialog(
        self, dialog: QDialog, finished: Callable[[int], None] | None = None, keep: bool = False
    ) -> None:
        def closed(result: int) -> None:
            dialog.finished.disconnect(closed)  # a kept dialog is opened again: once per open
            if self.dialog is dialog:
                self.dialog = None
            if not keep:
                dialog.deleteLater()
            # Some platforms (and offscreen) leave no window active after a dialog closes.
            self.activateWindow()
            self.picker.setFocus()
            if finished is not None:
                finished(result)

        dialog.finished.connect(closed)
        self.dialog = dialog
        dialog.open()

    def open_line_dialog(self, dialog: QDialog, keep: bool = False) -> None:
        self.say("")

        def finished(result: int) -> None:
            # A line above its service's ceiling waits for a supervisor's confirmation.
            if result == QDialog.DialogCode.Accepted:
                self.line_approvals.take(dialog.lines, self._lines_added)

        # A form refused on something paid earlier may offer the late penalty still owed on
        # it. A kept form is opened again: its signal is connected on its first opening only.
        penalty_asked = getattr(dialog, "penalty_asked", None)
        if penalty_asked is not None and not dialog.property("penalty_wired"):
            penalty_asked.connect(
                lambda owed, number: self.line_approvals.penalty(owed, number, self._lines_added)
            )
            dialog.setProperty("penalty_wired", True)
        self.show_dialog(dialog, finished, keep=keep)

    def open_account_dialog(self, dialog: QDialog, done_text: str) -> None:
        self.say("")

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and done_text:
                self.tell(done_text)
            self.state.refresh_customer()

        self.show_dialog(dialog, finished)

    def set_customer_language(self, customer_id: str, language: str) -> None:
        """The customer wants their receipts in `language`: kept on their record."""
        from counterpos.services.errors import CounterError  # noqa: PLC0415
        from counterpos.services.sale import customers  # noqa: PLC0415

        try:
            panel = customers.set_preferred_language(
                self.state.station, self.state.actor, customer_id, language
            )
            if not self.state.customer_updated(panel):  # the display follows the chosen one
                self.panel.show_panel(panel)
        except CounterError as exc:
            self.say(str(exc))

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

    def add_service(self) -> None:
        """F3: go to the service list; the service's number (or Enter) then opens it. F3 never
        opens a service itself, so "F3, then the number" always opens the number's."""
        self.say("")
        self.picker.setFocus()

    def ring(self, code: str) -> None:
        """Open the form of service `code`; a supervisor approves on the spot what the
        cashier's role lacks (a business license, a passport)."""
        self.say("")
        needed = rule_permission(code)
        if needed is None:
            self._open_form(code)
            return
        permission, what = needed
        with_permission(self.state, self, permission, what, lambda _approval: self._open_form(code))

    def _open_form(self, code: str) -> None:
        """A service's form, kept once built: the same service for the same customer and
        account opens it again (cleared) rather than building it anew."""
        key = reuse_key(self.state, code)
        kept = self._forms.get(code)
        if kept is not None and kept[0] == key:
            kept[1].start()
            self.open_line_dialog(kept[1], keep=True)
            return
        dialog = line_dialog(self.state, code, self)
        if kept is not None:
            kept[1].deleteLater()
            del self._forms[code]
        keep = False
        if isinstance(dialog, ServiceLineDialog) and dialog.reusable():
            self._forms[code] = (key, dialog)
            keep = True
        self.open_line_dialog(dialog, keep=keep)

    def _lines_added(self, lines: list) -> None:
        self.state.add_lines(lines)
        self.tell("")

    def remove_line(self) -> None:
        """F4: remove the selected (or last) line, after F4 again (Enter keeps it)."""
        lines = self.state.cart.lines
        if not lines:
            self.say(self.tr("The sale has no lines to remove."))
            return
        index = self.cart_table.selected_index()
        index = len(lines) - 1 if index is None else index
        line = lines[index]
        self.say("")

        def remove() -> None:
            self.question = None
            self.state.remove_line(index)
            self.tell(self.tr("Line {n} removed.").format(n=index + 1))

        self.question = ask_to_discard(
            self,
            self.tr("Remove line {n}: {what}, {amount}?").format(
                n=index + 1,
                what=i18n.service_name(line.service_code, line.description),
                amount=line.amount.format(),
            ),
            self.tr("Remove it"),
            remove,
            again_key="F4",
            title=self.tr("Remove a line"),
        )

    def show_cart(self) -> None:
        cart = self.state.cart
        self.cart_table.show_cart(cart, {s.code: s.fields for s in self.state.services})
        self.total.setText(cart.total.format())

    # -- payment and after -----------------------------------------------------------------

    def _wake_sync(self, _completed: CompletedSale) -> None:
        if self.sync_worker is not None:
            self.sync_worker.wake()

    def show_customer_display(self, on: bool) -> None:
        """The second window facing the customer (Sale menu, or `ui.customer_display` on)."""
        if on and self.customer_display is None:
            self.customer_display = customer_display.CustomerDisplay(self.state, self)
            self.customer_display.show_cart()
            self.customer_display.place()
            self.activateWindow()  # the keys stay with the till
        elif not on and self.customer_display is not None:
            self.customer_display.close()
            self.customer_display.deleteLater()
            self.customer_display = None

    def switch_training(self) -> None:
        """Controls → Training mode…: a supervisor signs for it; then the till signs out and
        the app opens the training store (or, from training, the station's own again)."""
        from counterpos.ui.controls.training_dialog import TrainingDialog  # noqa: PLC0415

        if self.state.cart.lines:
            self.say(self.tr("Finish this sale (F5) or clear it (Ctrl+Delete) first."))
            return
        dialog = TrainingDialog(self.state.station, self)

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.log_out()
                self.store_switched.emit()

        self.show_dialog(dialog, finished)

    def _to_display(self, what: str, *args) -> None:
        if self.customer_display is not None:
            getattr(self.customer_display, what)(*args)

    def _after_payment(self, completed: CompletedSale | None) -> None:
        if completed is None:
            self._to_display("show_cart")  # back to the sale: the lines and the total again
            self.cart_table.setFocus()
        else:
            self.lookup.clear()
            self.lookup.focus()

    def reprint(self) -> None:
        """Ctrl+P: find any receipt and print it again (marked REPRINT), or save it as PDF."""
        self.say("")
        state = self.state
        self.show_dialog(ReprintDialog(state.station, state.actor, self))

    def session_sales(self) -> None:
        """F11: this drawer's sales; from the list one key prints again, voids or refunds."""
        self.say("")
        state = self.state
        dialog = SessionSalesDialog(state.station, state.actor, state.session_id, self)
        wanted: list[tuple[str, str]] = []
        dialog.void_wanted.connect(lambda no: wanted.append(("void", no)))
        dialog.refund_wanted.connect(lambda no: wanted.append(("refund", no)))

        def finished(_result: int) -> None:
            if wanted:
                key, number = wanted[0]
                self.controls.open_for(key, number)

        self.show_dialog(dialog, finished)

    def show_keys(self) -> None:
        self.show_dialog(KeysDialog(self))

    def clear_sale(self) -> None:
        """Ctrl+Delete: the next customer. With lines in the cart it asks first (Ctrl+Delete
        again clears; Enter keeps the sale)."""
        if not self.state.cart.lines:
            self._clear()
            return

        def clear() -> None:
            self.question = None
            self._clear()
            self.tell(self.tr("Sale cleared."))

        cart = self.state.cart
        self.question = ask_to_discard(
            self,
            self.tr("Clear this sale ({lines}, {total}) and the customer?").format(
                lines=self.tr("1 line")
                if len(cart.lines) == 1
                else self.tr("{n} lines").format(n=len(cart.lines)),
                total=cart.total.format(),
            ),
            self.tr("Clear the sale"),
            clear,
            again_key="Ctrl+Delete",
            title=self.tr("Clear the sale"),
            keep=self.tr("Keep the sale (Enter)"),
        )

    def _clear(self) -> None:
        self.state.new_sale()
        self.lookup.clear()
        self.say("")
        self.tell("")
        self.lookup.focus()

    # -- leaving -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        # Closing the window mid-sale would drop the rung lines without a word.
        if self.state.cart.lines:
            self.say(
                self.tr("Finish this sale (F5) or clear it (Ctrl+Delete) before closing the till.")
            )
            event.ignore()
            return
        self.idle_lock.stop()
        self.show_customer_display(False)
        super().closeEvent(event)

    def log_out(self) -> None:
        if self.state.cart.lines:
            self.say(self.tr("Finish this sale (F5) or clear it (Ctrl+Delete) before logging out."))
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
