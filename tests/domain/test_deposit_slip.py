"""Splitting the counted drawer into the float kept back and the deposit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.denominations import BY_KEY, DENOMINATIONS, count_total
from counterpos.domain.deposit_slip import split_float


def _cents(pieces):
    return sum(BY_KEY[k].cents * n for k, n in pieces.items())


def test_keeps_the_opening_pieces_when_there():
    opening = {"bill_20": 4, "bill_10": 1, "bill_5": 1, "coin_25": 20}
    counted = {"bill_100": 2, "bill_20": 6, "bill_10": 1, "bill_5": 1, "coin_25": 22}
    kept, deposit, short = split_float(counted, 10_000, opening)
    assert kept == opening and short == 0
    assert deposit == {"bill_100": 2, "bill_20": 2, "coin_25": 2}


def test_small_pieces_first_then_large():
    kept, deposit, short = split_float({"bill_100": 1, "bill_10": 1, "bill_1": 3}, 10_000)
    assert kept == {"bill_100": 1} and deposit == {"bill_10": 1, "bill_1": 3} and short == 0


def test_reports_a_float_it_cannot_make():
    kept, deposit, short = split_float({"bill_20": 2}, 5_000)
    assert _cents(kept) == 4_000 and short == 1_000 and deposit == {}


@given(
    st.dictionaries(st.sampled_from([d.key for d in DENOMINATIONS]), st.integers(0, 40)),
    st.integers(0, 50_000),
)
def test_nothing_is_lost_and_never_over_the_float(counted, keep):
    kept, deposit, short = split_float(counted, keep)
    assert _cents(kept) + _cents(deposit) == count_total(counted).cents
    assert _cents(kept) + short == keep
    assert all(0 < n <= counted[k] for k, n in kept.items())
