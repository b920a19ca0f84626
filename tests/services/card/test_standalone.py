"""A standalone terminal's payment keyed by the cashier (services/card/standalone.py)."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.card.requests import charge
from counterpos.services.card.reversals import reverse_card_tenders
from counterpos.services.card.sales import finish_sale
from counterpos.services.errors import InputError, StateError
from tests.services.card.card_support import key_in, utility_cart


def test_standalone_records_what_the_cashier_keys(station, cashier, drawer):
    cart = utility_cart(station)
    with pytest.raises(StateError, match="standalone"):
        charge(station, cashier, drawer.session_id, cart, Money(5000))
    for last4, says in (("12345", "last four"), ("4111111111111111", "card number")):
        with pytest.raises(InputError, match=says):
            key_in(
                station,
                cashier,
                drawer,
                cart,
                Money(5000),
                approval_code="123456",
                brand="visa",
                last4=last4,
            )
    result = key_in(
        station,
        cashier,
        drawer,
        cart,
        Money(5000),
        approval_code="ab12cd",
        brand="Visa",
        last4="4242",
    )
    assert (result.status, result.approval_code, result.brand) == ("approved", "AB12CD", "visa")
    done = finish_sale(station, cashier, drawer.session_id, cart, [], [result.request_id])
    reversals = reverse_card_tenders(station, done.sale_id)
    assert [r.kind for r in reversals] == ["manual"] and "standalone" in reversals[0].message
