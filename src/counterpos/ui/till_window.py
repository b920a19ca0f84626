"""The till: lookup and customer panel, service picker, cart and total; function keys drive it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.cart import Cart
from counterpos.services import catalog, customers, sync_service, utility_service, void_print
from counterpos.services.clock import to_local
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.service_rules import rules_for
from counterpos.ui import print_worker
from counterpos.ui.lock_screen import IdleLock
from counterpos.ui.passport_dialog import PassportDialog
from counterpos.ui.reprint_dialog import ReprintDialog
from counterpos.ui.service_line_dialog import ServiceLineDialog
from counterpos.ui.sync_status import SyncStatusLabel
from counterpos.ui.tender_dialog import TenderDialog
from counterpos.ui.till_menus import TillMenus
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

        self.picker = QListWidget()
        self.picker.setObjectName("services")
        for svc in self.services:
            key = svc.hotkey or " "
            item = QListWidgetItem(f"{key}   {svc.name}")
            item.setData(Qt.ItemDataRole.UserRole, svc.code)
            self.picker.addItem(item)
        self.picker.setCurrentRow(0)
        self.picker.setWordWrap(True)
        self.picker.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.picker.itemActivated.connect(lambda _i: self.add_service())
        self.picker.keyPressEvent = self._picker_key  # digits pick by hotkey

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
        self.menus = TillMenus(self)
        self.lookup.scanned.connect(self.stub_scanned)
        self.idle_lock = IdleLock(station, actor, self)

        self._build_status_bar()
        self._refresh_cart()
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

    def _picker_key(self, event) -> None:
        text = event.text()
        for row, svc in enumerate(self.services):
            if text and svc.hotkey == text:
                self.picker.setCurrentRow(row)
                self.add_service()
                return
        QListWidget.keyPressEvent(self.picker, event)

    def service(self, code: str):
        return next(s for s in self.services if s.code == code)

    def add_service(self, code: str | None = None) -> None:
        """F3: from the lookup, go to the service list; in the list, ring the chosen service."""
        if code is None:
            if not self.picker.hasFocus():
                self.picker.setFocus()
                return
            item = self.picker.currentItem()
            if item is None:
                return
            code = item.data(Qt.ItemDataRole.UserRole)
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
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _line_added(self, dialog) -> None:
        for line in dialog.lines:
            self.cart.add(line)
        self.notice.clear()
        self._refresh_cart()

    def _dialog_closed(self, dialog: QDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        # Some platforms (and offscreen) leave no window active after a dialog closes.
        self.activateWindow()
        self.picker.setFocus()

    def open_line_dialog(self, dialog) -> None:
        """A dialog whose accepted `lines` go into the cart (start service, passports)."""
        self.message.clear()
        dialog.accepted.connect(lambda: self._line_added(dialog))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def open_account_dialog(self, dialog, done_text: str) -> None:
        """A dialog that acts on an account itself (stop, transfer, adjust, ledger, fees)."""
        self.message.clear()

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted and done_text:
                self.notice.setText(done_text)
            self.refresh_customer()
            self._dialog_closed(dialog)

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
        self._refresh_cart()

    def _refresh_cart(self) -> None:
        self.cart_table.show_cart(self.cart, {s.code: s.fields for s in self.services})
        self.total.setText(self.cart.total.format())

    # -- payment -------------------------------------------------------------------------

    def pay(self) -> None:
        if not self.cart.lines:
            self.message.setText(self.tr("The cart is empty: add a service first (F3)."))
            return
        self.message.clear()
        dialog = TenderDialog(self.station, self.actor, self.session.session_id, self.cart, self)
        dialog.sale_saved.connect(self.after_sale)
        dialog.finished.connect(lambda _r: self._paid(dialog))
        self.dialog = dialog
        dialog.open()

    def _paid(self, dialog: TenderDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        self.activateWindow()
        if dialog.completed is None:
            self.cart_table.setFocus()
            return
        self.last_sale = dialog.completed
        customer_id = self.cart.customer_id
        self.cart = Cart(customer_id=customer_id)
        self._refresh_cart()
        self.refresh_customer()
        self.notice.setText(
            self.tr("Saved receipt {no}. Change {change}.").format(
                no=dialog.completed.receipt_no, change=dialog.completed.change.format()
            )
        )
        self.lookup.focus()

    def after_sale(self, completed) -> None:
        """The sale is saved: drawer and receipt off the GUI thread; the central sync is woken."""
        self.last_print = None
        print_worker.print_after_sale(self.station, self.actor, completed, self._printed)
        if self.sync_worker is not None:
            self.sync_worker.wake()

    def _printed(self, after) -> None:
        self.last_print = after
        if after.problems:
            self.message.setText(after.message)  # says the sale is saved, and to use Reprint
        else:
            self.statusBar().showMessage(after.message, 8000)

    def reprint(self) -> None:
        """F6: find any receipt and print it again (marked REPRINT), or save it as PDF."""
        self.message.clear()
        dialog = ReprintDialog(self.station, self.actor, self)
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def new_sale(self) -> None:
        """F8: clear the cart and the customer for the next person at the counter."""
        self.cart = Cart()
        self.panel.clear()
        self.lookup.clear()
        self.message.clear()
        self.notice.clear()
        self._refresh_cart()
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

    # -- bill stub scans (a keyboard-wedge scanner types the stub and Enter into the lookup) --

    def stub_scanned(self, text: str) -> None:
        try:
            pre = utility_service.scan_stub(self.station, text)
        except CounterError as exc:
            self.lookup.clear()
            self.message.setText(str(exc))
            self.lookup.focus()
            return
        self.lookup.clear()
        self.choose_customer(pre.customer_id)
        panel = self.panel.panel
        if panel is None:
            return
        account = None
        for row, a in enumerate(panel.accounts):
            if a.account_no == pre.account_no:
                self.panel.accounts.selectRow(row)
                account = a
        dialog = ServiceLineDialog(
            self.station,
            self.service("utility_payment"),
            customer_panel=panel,
            account=account,
            parent=self,
            customer_id=pre.customer_id,
        )
        amount = dialog.fields["amount"].editor
        amount.setText(pre.amount_due.plain())
        dialog._amount_edited = True  # the stub's amount, not the live balance
        amount.setFocus()
        amount.selectAll()
        self.open_line_dialog(dialog)

    # -- the controls menu's dialogs ------------------------------------------------------

    def control_opened(self, key: str, dialog) -> None:
        """Follow what a controls-menu dialog does: a void's slip, a closed drawer session."""
        self.dialog = dialog
        self.message.clear()
        if key == "void":
            dialog.voided.connect(self._voided)
        if key == "close":
            dialog.closed.connect(lambda _r: setattr(self, "session_closed", True))
            warning = sync_service.closing_day_warning(self.station)
            if warning:
                label = QLabel(warning)  # the service words it for the cashier
                label.setObjectName("syncWarning")
                label.setWordWrap(True)
                dialog.layout().insertWidget(0, label)
                dialog.sync_warning = label
        dialog.finished.connect(lambda _r: self._control_finished(dialog))

    def _voided(self, result) -> None:
        self.notice.setText(
            self.tr("Voided {no}. Hand back {cash} in cash.").format(
                no=result.receipt_no, cash=result.cash_back.format()
            )
        )
        self.refresh_customer()
        self.last_void_print = None

        def printed(outcome) -> None:
            self.last_void_print = outcome
            self.statusBar().showMessage(outcome.message, 8000)

        def failed(message: str) -> None:
            self.last_void_print = message
            self.message.setText(message)

        print_worker.run_in_background(
            void_print.print_void_slip,
            self.station,
            self.actor,
            result.receipt_no,
            on_done=printed,
            on_error=failed,
        )

    def _control_finished(self, dialog) -> None:
        self._dialog_closed(dialog)
        if self.session_closed:
            self._ask_after_close()

    def _ask_after_close(self) -> None:
        """The drawer is closed: nothing more can be sold on it. New float, or log out."""
        self.cart = Cart()
        self._refresh_cart()
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Drawer closed"))
        box.setText(
            self.tr("Your drawer session is closed. Count a new float to keep selling, or log out.")
        )
        new = box.addButton(self.tr("Open a new drawer (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        out = box.addButton(self.tr("Log out (Esc)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(new)
        box.setEscapeButton(out)
        box.finished.connect(lambda _r: self._after_close_chosen(box, box.clickedButton() is new))
        self.dialog = box
        box.open()

    def _after_close_chosen(self, box, new_drawer: bool) -> None:
        self.dialog = None
        box.deleteLater()
        if new_drawer:
            self.idle_lock.stop()
            self.close()
            self.new_session_wanted.emit()
        else:
            self.log_out()
