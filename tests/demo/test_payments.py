"""How the demo's visitors pay and its drawers count (demo/payments.py): always a valid sale."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from counterpos.demo.payments import cash_handed, count_of, tenders_for
from counterpos.domain.denominations import count_total
from counterpos.domain.money import Money
from counterpos.domain.tenders import CASH, settle

seeds = st.integers(min_value=0, max_value=2**32)
totals = st.integers(min_value=1, max_value=500_000)


@given(seeds, totals)
def test_the_tenders_of_a_visit_always_settle_its_total(seed, total):
    tenders = tenders_for(random.Random(seed), total, "Ana Ruiz")
    result = settle(Money(total), tenders)  # never short, never change from a check
    assert sum(a.applied.cents for a in result.applied) == total
    assert all(t.kind == CASH or t.amount.cents <= total for t in tenders)
    assert tenders_for(random.Random(seed), total, "Ana Ruiz") == tenders  # repeatable


def test_nothing_to_pay_takes_no_tender():
    assert tenders_for(random.Random(1), 0, "Ana Ruiz") == []


@given(seeds, totals)
def test_cash_handed_over_is_exact_or_the_next_round_amount_up(seed, due):
    handed = cash_handed(random.Random(seed), due)
    assert handed == due or (handed > due and handed % 500 == 0 and handed - due <= 10_000)


@given(seeds, st.integers(min_value=0, max_value=2_000_000))
def test_a_drawer_count_adds_up_to_the_cash_it_holds(seed, cents):
    counts = count_of(random.Random(seed), cents)
    assert count_total(counts) == Money(cents)
    assert all(n > 0 for n in counts.values())
