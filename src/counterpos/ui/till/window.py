"""The till: lookup and customer panel, service picker, cart and total; function keys drive it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.cart import Cart
from counterpos.services.central import sync as sync_service
from counterpos.services.clock import to_local
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.sale import catalog, customers
from counterpos.services.sale.service_rules import rules_for
from counterpos.ui.controls.reprint_dialog import ReprintDialog
from counterpos.ui.lock_screen import IdleLock
from counterpos.ui.sync_status import SyncStatusLabel
from counterpos.ui.till.controls import ControlsHandOff
from counterpos.ui.till.menus import TillMenus
from counterpos.ui.till.passport_dialog import PassportDialog
from counterpos.ui.till.payment import TillPayment
from counterpos.ui.till.service_line_dialog import ServiceLineDialog
from counterpos.ui.till.service_picker import ServicePicker
from counterpos.ui.till.stub_scan import open_stub_payment
from counterpos.ui.widgets.cart_table import CartTable
from counterpos.ui.widgets.customer_lookup import SHOWN, CustomerLookup
from counterpos.ui.widgets.customer_panel import CustomerPanel
from counterpos.ui.widgets.shortcut_bar import ShortcutBar


def _section(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("sectionHeader")
    return label


class TillWindow(QMainWindow):
    """One cashier's till for one drawer session. Emits `logged_out` on F12."""

    logged_out = Signal()
    # After the drawer is closed: the cashier chose to count a new float (True) or log out.
    new_session_wanted = Signal()

    def __init__(self, station, actor, session) -> None:
        super().__init__()
        self.station = station
        self.actor = actor
        self.session = session
        self.cart = Cart()
        self.session_closed = False
        self.sync_worker = None  # set by the flow when central.url is set
        self.last_print = None
        self.last_void_print = None
        self.dialog: QDialog | None = None
        self.services = catalog.list_services(station)
        self.setWindowTitle(
            self.tr("CounterPOS – {city}").format(city=station.setting("city.name"))
        )

        self.lookup = CustomerLookup(lambda text: customers.search(station, text, limit=SHOWN))
        self.lookup.chosen.connect(self.choose_customer)
        self.panel = CustomerPanel()

        self.picker = ServicePicker(self.services)
        self.picker.rung.connect(self.add_service)

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

        # The F-keys are the menu actions' shortcuts (ui/till_menus.py); Esc stays a shortcut.
        QShortcut(QKeySequence("Esc"), self, self.back)
        self.payment = TillPayment(self)
        self.controls = ControlsHandOff(self)
        self.menus = TillMenus(self)
        self.lookup.scanned.connect(self.stub_scanned)
        self.idle_lock = IdleLock(station, actor, self)

        self._build_status_bar()
        self.refresh_cart()
        self.resize(1280, 760)
        self.lookup.focus()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        opened = to_local(self.session.opened_at).strftime("%m/%d %H:%M")
        self.station_label = QLabel(self.tr("Station {code}").format(code=self.station.code))
        self.cashier_label = QLabel(
            self.tr("Cashier {name} ({role})").format(
                name=self.actor.full_name, role=self.actor.role.replace("_", " ")
            )
        )
        self.session_label = QLabel(
            self.tr("Drawer opened {when}, float {amount}").format(
                when=opened, amount=self.session.opening_float.format()
            )
        )
        for label in (self.station_label, self.cashier_label, self.session_label):
            bar.addWidget(label)
        # The sync state (outbox / central link): up to date, N waiting, or offline since.
        self.sync_slot = SyncStatusLabel(lambda: sync_service.status(self.station))
        bar.addPermanentWidget(self.sync_slot)

    # -- customer ------------------------------------------------------------------------

    def focus_lookup(self) -> None:
        self.lookup.focus()

    def back(self) -> None:
        """Esc: back to the lookup; pressed there, clear what was typed."""
        if self.lookup.box.hasFocus() and self.lookup.box.text():
            self.lookup.clear()
        self.message.clear()
        self.lookup.focus()

    def choose_customer(self, customer_id: str) -> None:
        try:
            panel = customers.panel(self.station, customer_id)
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        self.cart.customer_id = customer_id
        self.panel.show_panel(panel)
        self.message.clear()
        self.picker.setFocus()

    def refresh_customer(self) -> None:
        if self.panel.panel is not None:
            self.panel.show_panel(customers.panel(self.station, self.panel.panel.customer_id))

    # -- lines ---------------------------------------------------------------------------

    def service(self, code: str):
        return next(s for s in self.services if s.code == code)

    def add_service(self, code: str | None = None) -> None:
        """F3: from the lookup, go to the service list; in the list, ring the chosen service."""
        if code is None:
            if not self.picker.hasFocus():
                self.picker.setFocus()
                return
            code = self.picker.current_code()
            if code is None:
                return
        self.message.clear()
        svc = self.service(code)
        rules = rules_for(code)
        if rules is not None and rules.permission and not self.actor.can(rules.permission):
            # Said now, not after the customer has paid: complete_sale would refuse it anyway.
            try:
                self.actor.require(rules.permission, rules.permission_what)
            except PermissionDenied as exc:
                self.message.setText(str(exc))
            return
        if any(f.get("dialog") == "passport" for f in svc.fields):
            dialog = PassportDialog(self.station, self.cart.customer_id, parent=self)
        else:
            dialog = ServiceLineDialog(
                self.station,
                svc,
                customer_panel=self.panel.panel,
                account=self.panel.selected_account(),
                parent=self,
                customer_id=self.cart.customer_id,
            )
        dialog.accepted.connect(lambda: self._line_added(dialog))
        dialog.finished.connect(lambda _r: self.dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _line_added(self, dialog) -> None:
        for line in dialog.lines:
            self.cart.add(line)
        self.notice.clear()
        self.refresh_cart()

    def dialog_closed(self, dialog: QDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        # Some platforms (and offscreen) leave no window active after a dialog closes.
        self.activateWindow()
        self.picker.setFocus()

    def open_line_dialog(self, dialog) -> None:
        """A dialog whose accepted `lines` go into the cart (start service, passports)."""
        self.message.clear()
        dialog.accepted.connect(lambda: self._line_added(dialog))
        dialog.finished.connect(lambda _r: self.dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def open_account_dialog(self, dialog, done_text: str) -> None:
        """A dialog that acts on an account itself (stop, transfer, adjust, ledger, fees)."""
        self.message.clear()

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and done_text:
                self.notice.setText(done_text)
            self.refresh_customer()
            self.dialog_closed(dialog)

        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def remove_line(self) -> None:
        index = self.cart_table.selected_index()
        if index is None:
            if not self.cart.lines:
                self.message.setText(self.tr("The sale has no lines to remove."))
                return
            index = len(self.cart.lines) - 1
        self.cart.remove(index)
        self.message.clear()
        self.refresh_cart()

    def refresh_cart(self) -> None:
        self.cart_table.show_cart(self.cart, {s.code: s.fields for s in self.services})
        self.total.setText(self.cart.total.format())

    # -- payment -------------------------------------------------------------------------

    def pay(self) -> None:
        """F5: the tender dialog for this cart (ui/till_payment.py)."""
        self.payment.pay()

    def reprint(self) -> None:
        """F6: find any receipt and print it again (marked REPRINT), or save it as PDF."""
        self.message.clear()
        dialog = ReprintDialog(self.station, self.actor, self)
        dialog.finished.connect(lambda _r: self.dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def new_sale(self) -> None:
        """F8: clear the cart and the customer for the next person at the counter."""
        self.cart = Cart()
        self.panel.clear()
        self.lookup.clear()
        self.message.clear()
        self.notice.clear()
        self.refresh_cart()
        self.lookup.focus()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Closing the window mid-sale would drop the rung lines without a word.
        if self.cart.lines:
            self.message.setText(
                self.tr("Finish this sale (F5) or clear it (F8) before closing the till.")
            )
            event.ignore()
            return
        self.idle_lock.stop()
        super().closeEvent(event)

    def log_out(self) -> None:
        if self.cart.lines:
            self.message.setText(
                self.tr("Finish this sale (F5) or clear it (F8) before logging out.")
            )
            return
        self.idle_lock.stop()
        self.logged_out.emit()
        self.close()

    def lock_now(self) -> None:
        """Stepping away: lock at once rather than waiting for the idle timer."""
        self.idle_lock.lock()

    # -- hand-offs: bill stub scans (ui/till_stub_scan.py), controls (ui/till_controls.py) --

    def stub_scanned(self, text: str) -> None:
        """A keyboard-wedge scanner typed a bill stub and Enter into the lookup."""
        open_stub_payment(self, text)

    def control_opened(self, key: str, dialog) -> None:
        """The controls menu opened `dialog`: follow it (a void's slip, a closed drawer)."""
        self.controls.opened(key, dialog)
