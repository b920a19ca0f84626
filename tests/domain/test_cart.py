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


def _citation(no: str) -> CartLine:
    return CartLine("citation", f"Citation {no}", Money(5_500), "4610", once_key=f"Citation {no}")


def _penalty(parent: CartLine) -> CartLine:
    return CartLine(
        "citation_late_penalty",
        "Citation late penalty",
        Money(2_500),
        "4610",
        parent_id=parent.line_id,
    )


def test_the_same_citation_twice_is_refused_when_added():
    import pytest

    from counterpos.domain.cart import CartError

    cart = Cart()
    cart.add(_citation("PC240002"))
    with pytest.raises(CartError, match="Citation PC240002 is already in the cart"):
        cart.add(_citation("PC240002"))
    cart.add(_citation("PC240001"))
    assert len(cart.lines) == 2


def test_a_companion_comes_only_with_its_parent_once_and_goes_with_it():
    import pytest

    from counterpos.domain.cart import CartError

    cart = Cart()
    citation = _citation("PC240002")
    with pytest.raises(CartError, match="goes only with the line it was rung with"):
        cart.add(_penalty(citation))  # alone
    cart.add_all([citation, _penalty(citation)])
    with pytest.raises(CartError, match="already in the cart with Citation PC240002"):
        cart.add(_penalty(citation))  # twice
    assert cart.total == Money(8_000)  # $80.00, not $105.00
    cart.add(line(100))
    assert [x.service_code for x in cart.remove(1)] == ["citation", "citation_late_penalty"]
    assert [x.service_code for x in cart.lines] == ["misc_receipt"]
    orphan = Cart([line(100), _penalty(citation)])  # built by hand, past add()
    with pytest.raises(CartError, match="which is not in the cart"):
        orphan.check_sellable()
