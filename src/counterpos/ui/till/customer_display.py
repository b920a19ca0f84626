"""The customer-facing display: a second window, for a second monitor or a small customer
screen, that follows the till live.

It shows what the customer should see and nothing of anyone else: the lines being rung and the
total; while paying, what is still due, the amount tendered and the change, and a card's fee
before the card is run; after the sale, a thank-you with the change. It never shows the customer's
address, phone or accounts (it faces the line at the counter), and while the till is locked it
says only that the counter is closed.

It speaks the customer's language, not the cashier's: the chosen customer's preferred language
as `receipt.language` sets their receipts (customer, en, es, both), English while no customer is
chosen; the services' names in that language too, as on the receipt.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.money import Money
from counterpos.services.sale.catalog import line_name
from counterpos.services.sale.receipts import document_language
from counterpos.services.sale.sales import CompletedSale
from counterpos.ui import i18n
from counterpos.ui.tender.dialog import PaymentView
from counterpos.ui.till.state import TillState

# What the window is, for the station's `ui.customer_display` setting.
SETTING = "ui.customer_display"


class CustomerDisplay(QWidget):
    """Follows `state` (the cart) and what the till hands it: `show_payment(PaymentView)` while
    taking payment, `show_thanks(CompletedSale)` once the sale is saved, `lock()`/`unlock()`."""

    def __init__(self, state: TillState, parent: QWidget | None = None) -> None:
        # It faces the customer and never takes the keyboard from the till: shown without being
        # activated, and a window that accepts no focus (a click on it leaves the keys where
        # they were).
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.state = state
        self.city = state.station.setting("city.name")
        self.setting = state.station.setting("receipt.language")
        self.setObjectName("customerDisplay")
        self.setWindowTitle(self.tr("{city} – customer display").format(city=self.city))
        self.heading = QLabel()
        self.heading.setObjectName("customerHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.lines = QTableWidget(0, 2)
        self.lines.setObjectName("customerLines")
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.lines.setShowGrid(False)
        self.total = QLabel()
        self.total.setObjectName("customerTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.payment = QLabel()
        self.payment.setObjectName("customerPayment")
        self.payment.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.payment.setWordWrap(True)
        v = QVBoxLayout(self)
        v.addWidget(self.heading)
        v.addWidget(self.lines, 1)
        v.addWidget(self.total)
        v.addWidget(self.payment)
        self.thanked = False  # the thank-you stays until the next line is rung
        self.locked = False
        state.cart_changed.connect(self.show_cart)
        state.customer_changed.connect(self._customer_changed)
        state.session_changed.connect(self._closed)
        self.welcome()

    # -- its language ------------------------------------------------------------------------

    @property
    def language(self) -> str:
        """ "en", "es" or "both": the chosen customer's, as their receipt's."""
        panel = self.state.customer
        return document_language(self.setting, panel.preferred_language if panel else None)

    def _say(self, source: object) -> str:  # QT_TRANSLATE_NOOP's stubs say object; it is str
        return i18n.say("CustomerDisplay", str(source), self.language)

    def _customer_changed(self, _panel: object) -> None:
        if self.locked:
            return
        if self.state.cart.lines:
            self.show_cart()
        elif not self.thanked:
            self.welcome()

    # -- what it shows -----------------------------------------------------------------------

    def welcome(self) -> None:
        self.thanked = False
        self.heading.setText(
            self._say(QT_TRANSLATE_NOOP("CustomerDisplay", "Welcome to {city}")).format(
                city=self.city
            )
        )
        self._lines([])
        self.total.setText("")
        self.payment.setText("")

    def show_cart(self) -> None:
        if self.locked:
            return
        cart = self.state.cart
        if not cart.lines:
            if not self.thanked:  # a cleared sale; after a sale the thank-you stays
                self.welcome()
            return
        self.thanked = False
        language = self.language
        self.heading.setText(self._say(QT_TRANSLATE_NOOP("CustomerDisplay", "Your items")))
        rows = []
        for line in cart.lines:
            name = line_name(line.service_code, line.description, language)
            rows.append((f"{line.quantity} × {name}" if line.quantity > 1 else name, line.amount))
        self._lines(rows)
        self.total.setText(
            self._say(QT_TRANSLATE_NOOP("CustomerDisplay", "Total {amount}")).format(
                amount=cart.total.format()
            )
        )
        self.payment.setText("")

    def show_payment(self, view: PaymentView) -> None:
        """While the cashier takes payment: due, tendered and change, or a card's charge."""
        if self.locked:
            return
        say = self._say
        parts = [say(QT_TRANSLATE_NOOP("CustomerDisplay", "Due {amount}")).format(
            amount=view.due.format()
        )]  # fmt: skip
        if view.card_fee is not None and view.card_charge is not None:
            parts.append(
                say(
                    QT_TRANSLATE_NOOP(
                        "CustomerDisplay", "Card {charge} (includes a {fee} card fee)"
                    )
                ).format(charge=view.card_charge.format(), fee=view.card_fee.format())
            )
        elif view.tendered is not None and view.tendered.cents > 0:
            parts.append(
                say(QT_TRANSLATE_NOOP("CustomerDisplay", "Tendered {amount}")).format(
                    amount=view.tendered.format()
                )
            )
            if view.change is not None:
                parts.append(
                    say(QT_TRANSLATE_NOOP("CustomerDisplay", "Change {amount}")).format(
                        amount=view.change.format()
                    )
                )
        self.payment.setText("\n".join(parts))

    def show_thanks(self, done: CompletedSale) -> None:
        if self.locked:
            return
        self.thanked = True
        say = self._say
        self.heading.setText(say(QT_TRANSLATE_NOOP("CustomerDisplay", "Thank you!")))
        self.total.setText(
            say(QT_TRANSLATE_NOOP("CustomerDisplay", "Paid {amount}")).format(
                amount=done.total.format()
            )
        )
        self.payment.setText(
            say(QT_TRANSLATE_NOOP("CustomerDisplay", "Your change {amount}")).format(
                amount=done.change.format()
            )
            if done.change.cents
            else say(QT_TRANSLATE_NOOP("CustomerDisplay", "Receipt {no}")).format(
                no=done.receipt_no
            )
        )

    def lock(self) -> None:
        """The till is locked: nothing of the sale stays on the customer's side."""
        self.locked = True
        self.heading.setText(
            self._say(QT_TRANSLATE_NOOP("CustomerDisplay", "This counter is closed for a moment."))
        )
        self._lines([])
        self.total.setText("")
        self.payment.setText("")

    def unlock(self) -> None:
        self.locked = False
        self.welcome()
        self.show_cart()

    def _closed(self) -> None:
        self.lock()
        self.heading.setText(
            self._say(QT_TRANSLATE_NOOP("CustomerDisplay", "This counter is closed."))
        )

    def _lines(self, rows: list[tuple[str, Money]]) -> None:
        self.lines.setRowCount(len(rows))
        for row, (text, amount) in enumerate(rows):
            self.lines.setItem(row, 0, QTableWidgetItem(text))
            money = QTableWidgetItem(amount.format())
            money.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(row, 1, money)
        if rows:
            self.lines.scrollToBottom()

    # -- where it goes -----------------------------------------------------------------------

    def place(self) -> None:
        """Full screen on a second screen if there is one; else a window beside the till."""
        screens = QGuiApplication.screens()
        till = self.parentWidget()
        till_screen = till.screen() if till is not None else None
        other = next((s for s in screens if s is not till_screen), None)
        if other is not None:
            self.setGeometry(other.availableGeometry())
            self.showFullScreen()
        else:
            self.resize(640, 480)
            self.show()


def wanted(state: TillState) -> bool:
    """Whether the station's setting asks for the customer display at sign-in."""
    return state.station.setting(SETTING) == "on"
