"""Read checks (domain/utility/reads.py): rollover or error, and the account's normal range."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.reads import (
    BelowPrevious,
    ReadError,
    average,
    consumption,
    normal_range,
    review_reason,
)


def test_consumption_is_the_difference():
    assert consumption(1234, 1250, 4) == 16


def test_a_read_below_the_previous_asks_rollover_or_error():
    with pytest.raises(BelowPrevious) as caught:
        consumption(9990, 12, 4)
    assert caught.value.rollover_units == 22
    assert "rolled over" in str(caught.value) and "wrong read" in str(caught.value)
    assert consumption(9990, 12, 4, rollover=True) == 22


def test_a_rollover_is_only_below_the_previous_read():
    with pytest.raises(ReadError, match="not a rollover"):
        consumption(10, 20, 4, rollover=True)


@pytest.mark.parametrize("value", [-1, 10000, True, 3.5])
def test_a_read_must_fit_the_dials(value):
    with pytest.raises(ReadError):
        consumption(0, value, 4)


@given(st.integers(1, 6), st.data())
def test_never_negative_and_rollover_wraps_once(dials, data):
    top = 10**dials - 1
    prev = data.draw(st.integers(0, top))
    value = data.draw(st.integers(0, top))
    if value >= prev:
        assert consumption(prev, value, dials) == value - prev
    else:
        units = consumption(prev, value, dials, rollover=True)
        assert 0 < units <= top and (prev + units) % 10**dials == value


def test_review_against_the_twelve_month_average():
    avg = Decimal(20)
    assert review_reason(30, avg, 150, 50) == ""
    assert review_reason(31, avg, 150, 50) == "high"
    assert review_reason(10, avg, 150, 50) == ""
    assert review_reason(9, avg, 150, 50) == "low"
    assert review_reason(500, None, 150, 50) == ""
    assert normal_range(avg, 150, 50).low == 10 and normal_range(avg, 150, 50).high == 30
    assert normal_range(None, 150, 50) is None


@given(st.lists(st.integers(0, 500), min_size=1, max_size=12), st.integers(0, 2000))
def test_the_range_and_the_review_agree(history, units):
    avg = average(history)
    rng = normal_range(avg, 150, 50)
    assert (rng.low <= units <= rng.high) == (review_reason(units, avg, 150, 50) == "")
