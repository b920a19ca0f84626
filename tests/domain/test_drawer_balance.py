"""Expected cash is one function: its known answers and its properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.drawer_balance import (
    CashMovements,
    describe,
    expected_cash,
    needs_approval,
    over_short,
)
from counterpos.domain.money import Money

cents = st.integers(min_value=0, max_value=10_000_000)


def _m(float_=0, taken=0, change=0, pin=0, pout=0, refunds=0) -> CashMovements:
    return CashMovements(
        Money(float_), Money(taken), Money(change), Money(pin), Money(pout), Money(refunds)
    )


def test_known_answer():
    # $100 float, $100 handed over for $73.45 of sales ($26.55 change), $20 paid in, $12.50 paid out, $10 refunded
    assert expected_cash(_m(10_000, 7_345 + 2_655, 2_655, 2_000, 1_250, 1_000)) == Money(17_095)


@given(cents, cents, cents, cents, cents, cents)
def test_formula(f, t, c, pi, po, r):
    assert expected_cash(_m(f, t, c, pi, po, r)).cents == f + t - c + pi - po - r


@given(cents, st.lists(st.tuples(cents, cents), max_size=30))
def test_each_cash_sale_adds_exactly_its_price(f, sales):
    """A sale paid with `price + change` in cash, change handed back, adds `price`."""
    taken = sum(p + c for p, c in sales)
    change = sum(c for _, c in sales)
    assert expected_cash(_m(f, taken, change)).cents == f + sum(p for p, _ in sales)


@given(cents, cents, cents)
def test_paid_in_and_out_of_the_same_amount_cancel(f, t, x):
    assert expected_cash(_m(f, t, 0, x, x)) == expected_cash(_m(f, t))


@given(cents, cents, cents, cents, cents, cents, cents)
def test_counting_exactly_the_expected_is_balanced(f, t, c, pi, po, r, limit):
    e = expected_cash(_m(f, t, c, pi, po, r))
    diff = over_short(e, e)
    assert (
        diff == Money(0) and not needs_approval(diff, Money(limit)) and describe(diff) == "balanced"
    )


@given(st.integers(-100_000, 100_000), st.integers(0, 10_000))
def test_limit_is_symmetric_and_inclusive(d, limit):
    assert needs_approval(Money(d), Money(limit)) == needs_approval(Money(-d), Money(limit))
    assert needs_approval(Money(d), Money(limit)) == (abs(d) > limit)


def test_describe():
    assert describe(Money(-700)) == "short $7.00"
    assert describe(Money(25)) == "over $0.25"
