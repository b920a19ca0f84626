"""Card requests (services/card/requests.py): each outcome of a charge, cancel, crash recovery."""

from __future__ import annotations

import threading
import time

import pytest

from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.hardware.card_terminal import TcpTerminal
from counterpos.services import config
from counterpos.services.card.fees import quote
from counterpos.services.card.requests import (
    begin_request,
    cancel,
    charge,
    open_requests,
    resolve_pending,
)
from counterpos.services.card.sales import finish_sale, unattached_approvals
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from tests.conftest import free_port, login
from tests.services.card.card_support import charged, key_in, stored, utility_cart


@pytest.mark.parametrize(("step", "status"), [("decline", "declined"), ("cancel", "cancelled")])
def test_decline_or_cancel_returns_to_tender_and_cash_pays(
    station, cashier, drawer, card_simulator, card_terminal, step, status
):
    card_simulator.push(step)
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert result.status == status and result.reason and result.approved == Money(0)
    assert status.capitalize() in result.message()
    assert stored(station) == (0, 0, 0, {status: 1})
    finish_sale(station, cashier, drawer.session_id, cart, [Tender("cash", Money(5000))], [])
    assert stored(station) == (1, 0, 5000, {status: 1})
    assert charged(card_simulator) == 0


def test_partial_approval_leaves_the_rest_to_pay(
    station, cashier, drawer, card_simulator, card_terminal
):
    card_simulator.push("partial:30.00")
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert result.is_partial and result.approved == Money(3000)
    assert "Partly approved" in result.message()
    with pytest.raises(InputError, match="still due"):
        finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    finish_sale(
        station,
        cashier,
        drawer.session_id,
        cart,
        [Tender("cash", Money(2000))],
        [result.request_id],
    )
    assert stored(station) == (1, 3000, 2000, {"approved": 1})
    assert charged(card_simulator) == 3000


def test_timeout_then_status_approved_completes_without_a_second_charge(
    station, cashier, drawer, card_simulator, card_terminal
):
    card_simulator.push("timeout")
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert result.is_approved  # learned from the status query, not from the sale's answer
    finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    assert stored(station) == (1, 5000, 0, {"approved": 1})
    assert card_simulator.sales_received == 1 and charged(card_simulator) == 5000


@pytest.mark.parametrize(
    ("step", "status"), [("timeout-decline", "declined"), ("lost", "cancelled")]
)
def test_timeout_then_status_not_approved_abandons_it(
    station, cashier, drawer, card_simulator, card_terminal, step, status
):
    card_simulator.push(step)
    cart = utility_cart(station)
    result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert result.status == status
    assert stored(station) == (0, 0, 0, {status: 1})
    # the cashier may run the card again: a new request, charged once
    again = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert again.is_approved and again.request_id != result.request_id
    finish_sale(station, cashier, drawer.session_id, cart, [], [again.request_id])
    assert stored(station) == (1, 5000, 0, {status: 1, "approved": 1})
    assert charged(card_simulator) == 5000


def test_terminal_unreachable_charges_nothing(station, cashier, drawer):
    url = f"tcp://127.0.0.1:{free_port()}"
    config.set_value(station, "card.terminal", url, None)
    t = TcpTerminal(url, sale_timeout=1.0, call_timeout=1.0, connect_timeout=1.0)
    try:
        cart = utility_cart(station)
        result = charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=t)
    finally:
        t.close()
    assert result.status == "cancelled" and "does not answer" in result.reason
    assert "Nothing was charged" in result.reason
    assert stored(station) == (0, 0, 0, {"cancelled": 1})


def test_unknown_outcome_survives_a_restart_and_is_resolved_once(
    home, station, cashier, drawer, card_simulator, card_terminal
):
    """No answer and no status (terminal gone) -> unknown; after a restart the status query
    resolves it, and the sale completes with that one charge."""
    card_simulator.push("timeout")
    cart = utility_cart(station)
    dead = f"tcp://127.0.0.1:{free_port()}"
    recorded: list[str] = []

    class GoneAfterSale(TcpTerminal):
        def status(self, request_id):  # the terminal drops off the network after the sale
            return TcpTerminal(dead, connect_timeout=0.5).status(request_id)

    t = GoneAfterSale(card_simulator.url, sale_timeout=1.0, call_timeout=1.0, connect_timeout=1.0)
    try:
        result = charge(
            station,
            cashier,
            drawer.session_id,
            cart,
            Money(5000),
            terminal=t,
            on_recorded=recorded.append,
        )
    finally:
        t.close()
    assert result.is_unknown and recorded == [result.request_id]
    assert "Do not run the card again" in result.message()
    with pytest.raises(StateError, match="no answer from the terminal"):
        charge(station, cashier, drawer.session_id, cart, Money(5000), terminal=card_terminal)
    assert stored(station) == (0, 0, 0, {"unknown": 1})
    station.close()

    reopened = Station.open(home)  # the station restarts
    try:
        maria = login(reopened, "maria")
        resolved = resolve_pending(reopened)
        assert [r.status for r in resolved] == ["approved"]
        assert open_requests(reopened) == []
        carried = unattached_approvals(reopened, drawer.session_id)
        assert [r.request_id for r in carried] == [result.request_id]
        finish_sale(reopened, maria, drawer.session_id, cart, [], [result.request_id])
        assert stored(reopened) == (1, 5000, 0, {"approved": 1})
        assert card_simulator.sales_received == 1 and charged(card_simulator) == 5000
    finally:
        reopened.close()


def test_a_closed_or_foreign_session_cannot_run_a_card(
    station, drawer, card_simulator, card_terminal
):
    james = login(station, "james")
    with pytest.raises(StateError, match="drawer session"):
        charge(
            station,
            james,
            drawer.session_id,
            utility_cart(station),
            Money(100),
            terminal=card_terminal,
        )
    assert stored(station)[3] == {}


def test_cancel_pressed_the_moment_the_card_is_sent(station, cashier, drawer, card_simulator):
    """The Cancel may reach the terminal before the sale: it is retried, and wins."""
    card_simulator.push("wait:20")
    t = TcpTerminal(card_simulator.url, sale_timeout=30.0, call_timeout=3.0)
    ids: list[str] = []
    box: dict = {}
    cart = utility_cart(station)
    worker = threading.Thread(
        target=lambda: box.setdefault(
            "r",
            charge(
                station,
                cashier,
                drawer.session_id,
                cart,
                Money(5000),
                terminal=t,
                on_recorded=ids.append,
            ),
        )
    )
    worker.start()
    try:
        deadline = time.monotonic() + 5
        while not ids and time.monotonic() < deadline:
            time.sleep(0.01)
        assert cancel(station, ids[0], terminal=t) == "cancelled"
        worker.join(10)
    finally:
        t.close()
    assert box["r"].status == "cancelled"
    assert stored(station) == (0, 0, 0, {"cancelled": 1}) and charged(card_simulator) == 0


def test_a_keyed_card_left_pending_by_a_crash_is_closed_not_blocking(station, cashier, drawer):
    cart = utility_cart(station)
    q = quote(station, cart, Money(5000))
    request_id = begin_request(station, cashier, drawer.session_id, cart, q, "standalone")
    # ... the station stopped before the keyed approval was saved
    (result,) = resolve_pending(station)
    assert result.request_id == request_id and result.status == "cancelled"
    assert "key it in again" in result.reason
    again = key_in(
        station,
        cashier,
        drawer,
        cart,
        Money(5000),
        approval_code="77AB",
        brand="mastercard",
        last4="5454",
    )
    assert again.is_approved
