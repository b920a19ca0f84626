"""Adjustments by calculation (domain/utility/calculations.py): leak, over-estimate, penalty."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.calculations import (
    Calculation,
    CalculationError,
    LeakPolicy,
    Period,
    leak_credit,
    over_estimate_credit,
    parse_leak_policy,
    penalty_credit,
)
from counterpos.domain.utility.rates import Tier, volume_cents

TIERS = (Tier(10, Decimal("1.60")), Tier(30, Decimal("2.10")), Tier(None, Decimal("2.90")))
POLICY = LeakPolicy()


def test_domains_leak_policy_credits_half_the_excess_at_the_rates_it_was_billed():
    calc = leak_credit([Period("B1", 52, TIERS)], Decimal(12), POLICY)
    # 40 HCF above the average, 20 credited: 52 HCF billed (1600+4200+6380) against 32 HCF
    assert calc.amount_cents == -(volume_cents(52, TIERS) - volume_cents(32, TIERS))
    assert calc.amount_cents == -5800
    labels = [s.label for s in calc.steps]
    assert "12-month average" in labels and labels[-1] == "Credit"
    assert Calculation.from_dict(calc.as_dict()) == calc


def test_leak_policy_limits():
    with pytest.raises(CalculationError, match="at most 2"):
        leak_credit([Period(f"B{i}", 40, TIERS) for i in range(3)], Decimal(12), POLICY)
    with pytest.raises(CalculationError, match="not above"):
        leak_credit([Period("B1", 10, TIERS)], Decimal(12), POLICY)
    with pytest.raises(CalculationError, match="share_percent"):
        parse_leak_policy({"share_percent": 50.0})
    at_avg = parse_leak_policy({"method": "bill_at_average"})
    calc = leak_credit([Period("B1", 52, TIERS)], Decimal(12), at_avg)
    assert calc.amount_cents == -(volume_cents(52, TIERS) - volume_cents(12, TIERS))


@given(st.integers(0, 400), st.integers(0, 400), st.integers(1, 100))
def test_a_leak_credit_never_exceeds_what_the_water_cost(used, avg, share):
    policy = LeakPolicy(share_percent=Decimal(share))
    try:
        calc = leak_credit([Period("B", used, TIERS)], Decimal(avg), policy)
    except CalculationError:
        assert used <= avg or volume_cents(used, TIERS) == volume_cents(
            used - (used - avg) * share // 100, TIERS
        )
        return
    assert -volume_cents(used, TIERS) <= calc.amount_cents < 0


def test_over_estimate_reprices_the_estimated_bills_on_actual_use():
    calc = over_estimate_credit([Period("B1", 20, TIERS), Period("B2", 20, TIERS)], 15, 1000, 1015)
    # actual 15 shared 7 + 8: billed 2 x (1600 + 2100) against 1120 + 1280
    assert calc.amount_cents == -(
        2 * volume_cents(20, TIERS) - volume_cents(7, TIERS) - volume_cents(8, TIERS)
    )
    with pytest.raises(CalculationError, match="not below"):
        over_estimate_credit([Period("B1", 20, TIERS)], 25, 1000, 1025)


def test_penalty_waiver_needs_a_reason():
    calc = penalty_credit("B9", 727, "paid on time at the lockbox")
    assert calc.amount_cents == -727 and calc.kind == "penalty"
    with pytest.raises(CalculationError, match="why"):
        penalty_credit("B9", 727, "no")
    with pytest.raises(CalculationError, match="no late fee"):
        penalty_credit("B9", 0, "a good reason")
