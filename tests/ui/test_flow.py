"""The counter's screen flow through the real windows: login, the drawer count, the till, and back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui

K = Qt.Key


def test_log_out_returns_to_login_and_next_login_skips_the_drawer(qtbot, drive, counter, till):
    login, flow = counter
    drive.key(till, K.Key_F12)
    qtbot.waitUntil(login.isVisible)
    qtbot.waitUntil(login.username.hasFocus)
    assert not till.isVisible()
    drive.log_in(login, "maria", "1111")
    qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
    assert flow.drawer_dialog is None  # her session is still open: no second count
    assert "float $95.00" in flow.till.session_label.text()
    assert "Station T1" in flow.till.station_label.text()
    assert "Maria" in flow.till.cashier_label.text()
    flow.till.close()


def test_esc_backs_out_to_the_login(qtbot, drive, counter, station):
    login, flow = counter
    drive.log_in(login, "maria", "1111")
    drive.press(flow.drawer_dialog.counts["bill_100"], K.Key_Escape)
    qtbot.waitUntil(login.username.hasFocus)
    assert flow.till is None and login.username.text() == ""


def test_at_sign_in_a_card_approved_and_not_on_a_sale_is_told(qtbot, drive, counter, till, station):
    """The station stopped between a card's approval and its sale: the next sign-in says so."""
    from counterpos.domain.money import Money
    from counterpos.hardware.card_simulator import CardSimulator
    from counterpos.services import config
    from counterpos.services.card.requests import charge
    from counterpos.services.card.settings import terminal_for
    from tests.services.card.card_support import utility_cart

    sim = CardSimulator().start()
    try:
        config.set_value(station, "card.terminal", sim.url, None)
        state = till.state
        charge(
            station,
            state.actor,
            state.session_id,
            utility_cart(station, "25.00"),
            Money(2500),
            terminal=terminal_for(station),
        )
        login, flow = counter
        assert till.notice.text() == ""
        drive.key(till, K.Key_F12)
        qtbot.waitUntil(login.isVisible)
        drive.log_in(login, "maria", "1111")
        qtbot.waitUntil(lambda: flow.till is not None and flow.till is not till)
        text = flow.till.notice.text()
        assert "$25.00 on VISA ending 1111" in text and "not on a saved sale" in text
        assert "cannot close" in text
        flow.till.close()
    finally:
        sim.stop()
