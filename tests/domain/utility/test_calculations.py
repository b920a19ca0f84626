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


def test_a_calculation_is_written_in_its_readers_language_and_stored_so():
    calc = leak_credit([Period("B1", 52, TIERS)], Decimal(12), POLICY)
    again = Calculation.from_dict(calc.as_dict())
    spanish = dict(step.text("es") for step in again.steps)
    assert spanish["Promedio de 12 meses"] == "12 HCF"
    assert spanish["Factura B1: unidades acreditadas"] == "20 HCF (50% del exceso)"
    assert spanish["Política"].startswith("se acredita el 50% del consumo")
    assert spanish["Crédito"] == "-$58.00"
    both = dict(step.text("both") for step in again.steps)
    assert both["Bill B1: consumption / Factura B1: consumo"] == "52 HCF"
    # English reads as before the templates were kept
    assert [step.text("en") for step in again.steps] == [(s.label, s.value) for s in calc.steps]
    assert calc.steps[-1].label == "Credit" and calc.steps[-1].value == "-$58.00"


def test_a_step_stored_before_templates_reads_as_it_was_stored():
    old = Calculation.from_dict(
        {
            "kind": "leak",
            "title": "Leak adjustment",
            "steps": [["Bill B1: consumption", "52 HCF"], ["Credit", "-$58.00"]],
            "amount_cents": -5800,
            "basis": {},
        }
    )
    assert [s.text("es") for s in old.steps] == [
        ("Bill B1: consumption", "52 HCF"),  # its own words, as stored
        ("Crédito", "-$58.00"),  # a bare label the documents already know
    ]


def test_a_reason_typed_with_braces_is_kept_as_typed():
    calc = penalty_credit("B7", 1250, "customer said {sic} the fee was wrong")
    again = Calculation.from_dict(calc.as_dict())
    assert dict(s.text("es") for s in again.steps)["Motivo"] == (
        "customer said {sic} the fee was wrong"
    )


def test_over_estimate_steps_in_spanish():
    calc = over_estimate_credit([Period("E1", 30, TIERS), Period("E2", 30, TIERS)], 20, 100, 120)
    labels = [s.text("es")[0] for s in calc.steps]
    assert labels[:4] == [
        "Última lectura real",
        "Esta lectura real",
        "Consumo real en los periodos estimados",
        "Consumo facturado por estimación",
    ]
    assert "Factura E1: estimada" in labels and "Factura E2: según el consumo real" in labels
