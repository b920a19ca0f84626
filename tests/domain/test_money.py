"""Money properties: text round trips, no float anywhere, half-up percentages."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.money import Money, MoneyError

cents = st.integers(min_value=-(10**12), max_value=10**12)


@given(cents)
def test_format_and_parse_round_trip(c):
    m = Money(c)
    assert Money.parse(m.format()) == m
    assert Money.parse(m.format(symbol=False)) == m
    assert Money.parse(m.plain()) == m
    assert Money.parse(str(m)) == m


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_parse_reads_dollars_and_cents(dollars, cts):
    assert Money.parse(f"{dollars}.{cts:02d}").cents == dollars * 100 + cts
    assert Money.parse(f"${dollars:,}.{cts:02d}").cents == dollars * 100 + cts
    assert Money.parse(f"-{dollars}.{cts:02d}").cents == -(dollars * 100 + cts)


@given(st.integers(min_value=0, max_value=10**6), st.text("0123456789", min_size=3, max_size=6))
def test_more_than_two_decimals_is_refused(dollars, frac):
    with pytest.raises(MoneyError):
        Money.parse(f"{dollars}.{frac}")


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_float_is_ever_accepted(f):
    with pytest.raises(TypeError):
        Money(f)
    with pytest.raises(TypeError):
        Money.parse(f)
    with pytest.raises(TypeError):
        Money(100).percent(f)
    with pytest.raises(TypeError):
        Money.from_decimal(f)
    with pytest.raises(TypeError):
        Money(100) * f
    with pytest.raises(TypeError):
        Money(100) + f


def test_bools_and_decimals_are_not_cents():
    for bad in (True, Decimal("1.00"), "100", None):
        with pytest.raises(TypeError):
            Money(bad)


@given(cents, cents)
def test_arithmetic_is_exact(a, b):
    assert (Money(a) + Money(b)).cents == a + b
    assert (Money(a) - Money(b)).cents == a - b
    assert (-Money(a)).cents == -a


@given(
    st.integers(min_value=0, max_value=10**10),
    st.decimals(min_value=0, max_value=100, places=3, allow_nan=False, allow_infinity=False),
)
def test_percent_rounds_half_up_once(c, rate):
    exact = Fraction(c) * Fraction(rate) / 100
    expected = int(exact + Fraction(1, 2)) if exact >= 0 else None
    assert Money(c).percent(rate).cents == expected


@pytest.mark.parametrize("text", ["1" * 5_000, "9" * 4_301, "$" + "9" * 41, "1" * 30 + ".00"])
def test_a_pasted_run_of_digits_is_refused_not_a_crash(text):
    with pytest.raises(MoneyError, match="too"):
        Money.parse(text)


def test_no_amount_beyond_ten_trillion_dollars_is_held():
    assert Money.parse("9,999,999,999,999.99").cents == 999_999_999_999_999
    with pytest.raises(MoneyError, match="far too large"):
        Money.parse("99999999999999")
    for cents in (10**15 + 1, -(10**15) - 1, 10**5_000):
        with pytest.raises(MoneyError):
            Money(cents)
    with pytest.raises(MoneyError):
        Money(10**15) + Money(1)
    with pytest.raises(MoneyError):
        Money.from_decimal(Decimal("1e5000"))
    with pytest.raises(MoneyError):
        Money.from_decimal(Decimal("NaN"))
