"""Fixtures for driving the real till offscreen: log in, open the drawer, press keys.

The offscreen screen is a 1366x768 counter PC at 96 DPI (set before Qt starts), so every
dialog's geometry is checked against the screen the issue names.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, text

from counterpos.domain.cart import Cart
from counterpos.hardware.card_simulator import CardSimulator
from counterpos.services import sessions
from counterpos.services.clock import local_today
from counterpos.services.sale import catalog
from counterpos.store.models import AuditEvent
from counterpos.ui.app import load_style
from counterpos.ui.flow import CounterFlow
from counterpos.ui.login_window import LoginWindow
from counterpos.ui.till.state import TillState
from tests.conftest import login
from tests.sale_helpers import cash, ring

K = Qt.Key
SCREEN = (1366, 768)


def _counter_screen() -> None:
    """Make the offscreen platform one 1366x768 screen at 96 DPI (Qt reads it at start-up)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return
    config = Path(tempfile.gettempdir()) / f"counterpos-screen-{SCREEN[0]}x{SCREEN[1]}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "counter",
                        "x": 0,
                        "y": 0,
                        "width": SCREEN[0],
                        "height": SCREEN[1],
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_counter_screen()
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def rows(station, sql: str, **params) -> list[dict]:
    """The rows an SQL query finds in the station's store, each as a dict."""
    with station.store.read() as s:
        return [dict(r._mapping) for r in s.execute(text(sql), params)]


def sale_count(station) -> int:
    """How many sales the store holds."""
    with station.store.read() as s:
        return s.execute(text("SELECT COUNT(*) FROM sale")).scalar()


def found_ids(lookup) -> list[str]:
    """The customer ids a CustomerLookup lists, top to bottom."""
    return lookup.result_ids()


def approve_as_sofia(qtbot, dlg) -> None:
    """Sofia (supervisor) approves in the dialog's override; waits for the dialog's `done_`."""
    over = dlg.override_dialog
    assert over is not None, dlg.error.text()
    over.username.setText("sofia")
    over.pin.setText("333333")
    with qtbot.waitSignal(dlg.done_, timeout=5_000):
        over.try_approve()


def last_event(station, action: str):
    """The newest audit event of this action, or None."""
    with station.store.read() as s:
        return s.scalars(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq.desc())
        ).first()


class Driver:
    """What a cashier's hands do, through pytest-qt's real key events."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def type(self, widget, text: str) -> None:
        widget.setFocus()
        self.qtbot.keyClicks(widget, text)

    def press(self, widget, key) -> None:
        self.qtbot.keyClick(widget, key)

    def key(self, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        """A key as the cashier presses it: to whatever has the focus in the active window."""
        window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
        self.qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)

    def confirm(self, widget) -> None:
        """Ctrl+Enter: a dialog's main button at once, from any field (a count's Enter moves on)."""
        self.qtbot.keyClick(widget, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    def chord(self, window, key) -> None:
        """Ctrl+Shift and a key, as the till's Account and Controls menus take them."""
        self.key(window, key, CTRL_SHIFT)

    def log_in(self, login: LoginWindow, username: str, pin: str) -> None:
        login.username.clear()
        self.type(login.username, username)
        self.press(login.username, Qt.Key.Key_Return)
        self.type(login.pin, pin)
        self.press(login.pin, Qt.Key.Key_Return)

    def pick(self, lookup, customer_id: str) -> None:
        """Wait for the lookup's debounced search, then arrow down to the customer and Enter."""
        self.qtbot.waitUntil(lambda: lookup.results.rowCount() > 0, timeout=3000)
        ids = found_ids(lookup)
        assert customer_id in ids
        for _ in range(ids.index(customer_id)):
            self.press(lookup.box, K.Key_Down)
        self.press(lookup.box, K.Key_Return)

    def find(self, till, words: str, customer_id: str) -> None:
        """F2, type part of a name into the lookup, pick the customer with arrows and Enter."""
        self.key(till, K.Key_F2)
        assert till.lookup.box.hasFocus()
        self.type(till.lookup.box, words)
        self.pick(till.lookup, customer_id)
        assert till.panel.panel.customer_id == customer_id

    def add_service(self, till, hotkey: str):
        """F3 goes to the service list (choosing a customer already goes there); a number
        opens its form, which is returned."""
        if not till.picker.hasFocus():
            self.key(till, K.Key_F3)
        assert till.picker.hasFocus()
        self.type(till.picker, hotkey)
        self.qtbot.waitUntil(lambda: till.dialog is not None and till.dialog.isVisible())
        return till.dialog

    def add_misc(self, till, memo: str, amount: str) -> None:
        """A miscellaneous receipt (service 8) for `amount`, rung into the cart by keys."""
        line = self.add_service(till, "8")
        self.type(line.fields["memo"].editor, memo)
        self.type(line.fields["amount"].editor, amount)
        self.press(line.fields["amount"].editor, K.Key_Return)
        self.qtbot.waitUntil(lambda: till.dialog is None)


@pytest.fixture(autouse=True)
def _english_again(request):
    """A test that switches the screens to Spanish leaves English behind it."""
    yield
    if QApplication.instance() is not None:
        from counterpos.ui import i18n  # noqa: PLC0415

        i18n.install(None, "en")


@pytest.fixture
def drive(qtbot) -> Driver:
    return Driver(qtbot)


@pytest.fixture
def styled(qapp):
    load_style(qapp)
    return qapp


@pytest.fixture
def owing(station) -> dict:
    """A person (not a business) with one utility account that owes at least $20."""
    with station.store.read() as s:
        row = s.execute(
            text(
                "SELECT c.id, c.first_name, c.last_name, a.account_no, SUM(l.amount_cents) AS due "
                "FROM customer c JOIN utility_account a ON a.customer_id = c.id "
                "JOIN ledger_entry l ON l.account_id = a.id "
                "WHERE c.business_name = '' "
                # Typed through QTest, which sends ASCII keys only.
                "AND c.first_name NOT GLOB '*[^A-Za-z]*' AND c.last_name NOT GLOB '*[^A-Za-z]*' "
                "AND (SELECT COUNT(*) FROM utility_account x WHERE x.customer_id = c.id) = 1 "
                "GROUP BY a.id HAVING SUM(l.amount_cents) >= 2000 ORDER BY c.customer_no LIMIT 1"
            )
        ).one()
    return dict(row._mapping)


@pytest.fixture
def second_account(station, owing) -> str:
    """A senior cashier starts service for `owing` at a second address: its account number."""
    james = login(station, "james")
    session = sessions.open_session(station, james, {"bill_20": 5})
    lines = catalog.price_lines(
        station,
        "start_service",
        details={
            "service_address": "77 Second Home Ln",
            "start_date": local_today().isoformat(),
            "customer_class": "residential_owner",
        },
        customer_id=owing["id"],
    )
    cart = Cart(lines=list(lines), customer_id=owing["id"])
    ring(station, james, session.session_id, cart, cash(cart.total.cents))
    with station.store.read() as s:
        return s.execute(
            text(
                "SELECT account_no FROM utility_account WHERE customer_id = :c AND account_no != :a"
            ),
            {"c": owing["id"], "a": owing["account_no"]},
        ).scalar_one()


@pytest.fixture
def counter(qtbot, styled, station):
    """The login window with the screen flow wired, as the app builds it once the store is open."""
    login = LoginWindow(station)
    qtbot.addWidget(login)
    flow = CounterFlow(station, login)
    login.show()
    return login, flow


def open_till(qtbot, drive, counter, username: str = "maria", pin: str = "1111"):
    """Log in and count a $95.00 float: the till on screen, focus in the lookup."""
    login, flow = counter
    drive.log_in(login, username, pin)
    dialog = flow.drawer_dialog
    dialog.counts["bill_20"].setValue(4)
    dialog.counts["bill_10"].setValue(1)
    dialog.counts["coin_25"].setValue(20)
    drive.confirm(dialog.counts["coin_25"])
    qtbot.waitUntil(lambda: flow.till is not None)
    window = flow.till
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def till(qtbot, drive, counter):
    """Maria (cashier) logged in with a counted $95.00 float: the till on screen."""
    return open_till(qtbot, drive, counter)


@pytest.fixture
def senior_till(qtbot, drive, counter):
    """James (senior cashier: may start and stop service) at the till with a $95.00 float."""
    return open_till(qtbot, drive, counter, "james", "2222")


@pytest.fixture
def state(qapp, station, cashier, drawer) -> TillState:
    """The till's state on Maria's open drawer, without a window."""
    return TillState(station, cashier, drawer)


@pytest.fixture
def sim():
    """The simulated card terminal, listening on a loopback TCP port for the test."""
    s = CardSimulator().start()
    yield s
    s.stop()
