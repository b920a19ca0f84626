"""The cart (domain/cart.py): its total is always the sum of its lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import Money

amounts = st.integers(min_value=0, max_value=5_000_000)


def line(cents: int) -> CartLine:
    return CartLine("misc_receipt", "Misc", Money(cents), "4830")


@given(st.lists(amounts, max_size=30), st.data())
def test_total_is_always_the_sum_of_the_lines(values, data):
    cart = Cart()
    for v in values:
        cart.add(line(v))
        assert cart.total.cents == sum(x.amount.cents for x in cart.lines)
    while cart.lines:
        cart.remove(data.draw(st.integers(min_value=0, max_value=len(cart.lines) - 1)))
        assert cart.total.cents == sum(x.amount.cents for x in cart.lines)
    assert cart.total == Money(0)
