"""The till's state: every change to the cart, the customer, the account and the session signals."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog
from counterpos.ui.till.state import TillState

pytestmark = pytest.mark.gui


class Heard:
    """Records each emission of the state's signals, in order, with its argument if any."""

    def __init__(self, state: TillState) -> None:
        self.events: list[tuple] = []
        state.cart_changed.connect(lambda: self.events.append(("cart",)))
        state.customer_changed.connect(lambda p: self.events.append(("customer", p)))
        state.account_changed.connect(lambda a: self.events.append(("account", a)))
        state.session_changed.connect(lambda: self.events.append(("session",)))

    def names(self) -> list[str]:
        return [e[0] for e in self.events]


@pytest.fixture
def heard(state) -> Heard:
    return Heard(state)


def test_the_state_starts_empty_on_the_open_session(state, station, drawer):
    assert state.cart.lines == [] and state.cart.customer_id is None
    assert state.customer is None and state.account is None
    assert state.session_open and state.session_id == drawer.session_id
    assert [s.code for s in state.services] == [s.code for s in catalog.list_services(station)]
    assert state.service("misc_receipt").code == "misc_receipt"


def test_lines_added_and_removed_signal_the_cart(state, heard, station):
    line = catalog.price_line(station, "passport_photo", quantity=2)
    other = catalog.price_line(station, "passport_photo", quantity=2)  # a line of its own
    state.add_lines([line, other])
    assert heard.names() == ["cart"] and state.cart.total == Money(6000)
    assert state.remove_line(0) and state.cart.lines == [other]
    assert state.remove_line(None) and state.cart.lines == []  # None: the last line
    assert heard.names() == ["cart", "cart", "cart"]
    assert not state.remove_line(None)  # nothing to remove: no signal
    assert heard.names() == ["cart", "cart", "cart"]


def test_choosing_a_customer_signals_the_customer_and_their_first_account(state, heard, owing):
    state.choose_customer(owing["id"])
    assert state.customer.customer_id == owing["id"] and state.cart.customer_id == owing["id"]
    assert state.account.account_no == owing["account_no"]
    assert heard.events == [("customer", state.customer), ("account", state.account)]


def test_an_unknown_customer_is_refused_and_nothing_changes(state, heard):
    with pytest.raises(CounterError):
        state.choose_customer("no-such-customer")
    assert state.customer is None and state.cart.customer_id is None and heard.events == []


def test_the_selected_account_stays_selected_when_the_customer_is_read_again(
    state, heard, owing, second_account
):
    state.choose_customer(owing["id"])
    assert len(state.customer.accounts) == 2 and state.account == state.customer.accounts[0]
    second = state.customer.accounts[1]
    state.select_account(second)
    assert state.account == second and heard.events[-1] == ("account", second)
    state.select_account(second)  # the same again: no signal
    assert heard.names() == ["customer", "account", "account"]
    state.refresh_customer()
    assert state.account.account_no == second.account_no
    assert heard.names() == ["customer", "account", "account", "customer"]


def test_a_new_sale_clears_cart_and_customer_a_cleared_cart_keeps_the_customer(
    state, heard, station, owing
):
    state.choose_customer(owing["id"])
    state.add_lines([catalog.price_line(station, "passport_photo", quantity=1)])
    state.clear_cart()
    assert state.cart.lines == [] and state.cart.customer_id == owing["id"]
    assert state.customer is not None
    state.new_sale()
    assert state.cart.customer_id is None and state.customer is None and state.account is None
    assert heard.names() == ["customer", "account", "cart", "cart", "cart", "customer", "account"]
    assert heard.events[-2:] == [("customer", None), ("account", None)]


def test_closing_the_session_signals_once(state, heard):
    state.close_session()
    state.close_session()
    assert not state.session_open and heard.names() == ["session"]
