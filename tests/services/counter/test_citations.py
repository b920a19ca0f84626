"""Citation payments: lookup, the +$25 after 21 days, unknown and already-paid citations."""

from __future__ import annotations

import pytest

from counterpos.domain.cart import Cart
from counterpos.services.counter import citations
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale import catalog
from tests.services.counter_visit import pay_cash, ring


def test_recent_citation_is_its_amount(station):
    lines = catalog.price_lines(station, "citation", details={"citation_no": "pc 240001"})
    assert [(x.service_code, x.amount.cents) for x in lines] == [("citation", 4500)]
    assert lines[0].details["citation_no"] == "PC240001"


def test_citation_past_21_days_carries_the_penalty(station, cashier, drawer):
    lines = catalog.price_lines(station, "citation", details={"citation_no": "PC240002"})
    assert [(x.service_code, x.amount.cents) for x in lines] == [
        ("citation", 5500),
        ("citation_late_penalty", 2500),
    ]
    cart = Cart()
    cart.add(lines[0])
    with pytest.raises(InputError, match="add the late penalty"):
        pay_cash(station, cashier, drawer.session_id, cart)
    cart.add(lines[1])
    pay_cash(station, cashier, drawer.session_id, cart)
    assert citations.lookup(station, "PC240002").paid
    with pytest.raises(InputError, match="already paid"):
        catalog.price_lines(station, "citation", details={"citation_no": "PC240002"})


def test_penalty_refused_on_a_recent_citation(station):
    with pytest.raises(InputError, match="not late yet"):
        catalog.price_line(station, "citation_late_penalty", details={"citation_no": "PC240001"})


def test_unknown_citation_is_refused(station):
    with pytest.raises(NotFound, match="no citation PC999999"):
        catalog.price_lines(station, "citation", details={"citation_no": "PC999999"})


@pytest.mark.parametrize("number", ["ABCD", "12", "PC24000!", "PCXX240001"])
def test_letters_where_digits_belong(station, number):
    with pytest.raises(InputError, match="not a citation number"):
        catalog.price_lines(station, "citation", details={"citation_no": number})


def test_same_citation_twice_in_a_cart(station, cashier, drawer):
    cart = ring(station, Cart(), "citation", details={"citation_no": "PC240001"})
    ring(station, cart, "citation", details={"citation_no": "PC240001"})
    with pytest.raises(InputError, match="in the cart twice"):
        pay_cash(station, cashier, drawer.session_id, cart)
