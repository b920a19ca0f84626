"""Water rates (domain/utility/rates.py): DOMAIN.md's schedule, and the tier arithmetic's laws."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.utility.rates import (
    RateError,
    Tier,
    line_cents,
    parse_schedule,
    price,
    split,
    total,
    volume_cents,
)
from counterpos.resources_path import data_path

SEED = json.loads((data_path("db") / "seed" / "utility.json").read_text(encoding="utf-8"))
BODY = next(x["body"] for x in SEED["schedules"] if x["kind"] == "water_rates")
SCHEDULE = parse_schedule(BODY, date(2000, 1, 1))


@pytest.mark.parametrize(
    ("size", "cents"), [("5/8", 2050), ("3/4", 2050), ("1", 3020), ("1.5", 5500), ("2", 8500)]
)
def test_base_charge_by_meter_size_is_domains(size, cents):
    assert price(SCHEDULE, size, "residential_owner", 0)[0].cents == cents


@pytest.mark.parametrize(
    ("units", "volume"),
    [
        (0, 0),
        (1, 160),
        (10, 1600),
        (11, 1600 + 210),
        (30, 1600 + 20 * 210),
        (31, 1600 + 20 * 210 + 290),
        (45, 1600 + 20 * 210 + 15 * 290),
    ],
)
def test_residential_volume_each_unit_at_its_own_tier(units, volume):
    lines = price(SCHEDULE, "5/8", "residential_renter", units)
    assert sum(x.cents for x in lines if x.code.startswith("volume")) == volume
    assert [x.cents for x in lines if x.code == "sewer"] == [3200]
    assert total(lines) == 2050 + volume + 3200


def test_commercial_is_flat_and_has_no_sewer_line():
    lines = price(SCHEDULE, "2", "commercial", 40)
    assert [(x.code, x.cents) for x in lines] == [("base", 8500), ("volume_1", 9000)]


def test_bill_lines_name_their_funds_gl():
    lines = price(SCHEDULE, "5/8", "residential_owner", 12)
    assert {x.code: x.gl for x in lines} == {
        "base": "4401",
        "volume_1": "4401",
        "volume_2": "4401",
        "sewer": "4450",
    }
    assert lines[2].label == "Water, tier 2 (11–12 HCF)" and lines[2].rate == "2.10"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"volume": {"residential": [{"upto": 10, "rate": "1.6"}]}}, "open-ended"),
        (
            {
                "volume": {
                    "residential": [
                        {"upto": 10, "rate": "1"},
                        {"upto": 5, "rate": "2"},
                        {"rate": "3"},
                    ]
                }
            },
            "above 10",
        ),
        ({"volume": {"residential": [{"rate": 1.6}]}}, "never a float"),
        ({"base_by_size": {"5/8": "-3"}}, "never negative"),
        ({"gl": {"base": "4401", "volume": "4401"}}, "sewer"),
        ({"due_days": 0}, "due 1 to 90"),
        ({"class_groups": {"residential_owner": "farm"}}, "no volume rates"),
    ],
)
def test_a_schedule_with_a_fault_is_refused_with_the_reason(change, message):
    body = {**BODY, **change}
    with pytest.raises(RateError, match=message):
        parse_schedule(body, date(2026, 1, 1))


def test_unknown_size_or_class_is_refused():
    with pytest.raises(RateError, match='no base charge for a 3"'):
        price(SCHEDULE, "3", "residential_owner", 1)
    with pytest.raises(RateError, match="class 'farm'"):
        price(SCHEDULE, "5/8", "farm", 1)


# -- properties ------------------------------------------------------------------------------

rates = st.decimals(min_value=Decimal("0"), max_value=Decimal("20"), places=3)


@st.composite
def tier_lists(draw) -> tuple[Tier, ...]:
    edges = sorted(draw(st.sets(st.integers(1, 200), max_size=4)))
    prices = draw(st.lists(rates, min_size=len(edges) + 1, max_size=len(edges) + 1))
    return tuple(Tier(e, p) for e, p in zip([*edges, None], prices, strict=True))


@given(tier_lists(), st.integers(0, 5000))
def test_a_bill_is_the_sum_of_its_tiers(tiers, units):
    uses = split(units, tiers)
    assert sum(u.units for u in uses) == units
    assert volume_cents(units, tiers) == sum(line_cents(u.units, u.rate) for u in uses)
    # every unit in exactly one tier, in order, inside the tier's bounds
    expect = 1
    for u in uses:
        assert u.first == expect and u.last >= u.first
        low = tiers[u.tier - 1].upto + 1 if u.tier else 1
        assert u.first >= low and (tiers[u.tier].upto is None or u.last <= tiers[u.tier].upto)
        expect = u.last + 1


@given(tier_lists(), st.integers(0, 5000))
def test_one_more_unit_costs_its_own_tiers_rate_even_at_an_edge(tiers, units):
    """Continuity at the tier edges: the charge never jumps, it only takes the next unit's
    rate (within the one cent each tier line may round)."""
    step = volume_cents(units + 1, tiers) - volume_cents(units, tiers)
    tier = next(t for t in tiers if t.upto is None or t.upto >= units + 1)
    exact = tier.rate * 100
    assert abs(Decimal(step) - exact) <= 1


@given(tier_lists(), st.integers(0, 5000))
def test_whole_cent_rates_are_exactly_additive(tiers, units):
    cents_tiers = tuple(Tier(t.upto, t.rate.quantize(Decimal("0.01"))) for t in tiers)
    a, b = units // 3, units - units // 3
    # priced together = the first part, then the rest at the rates of the units they are
    rest = sum(
        line_cents(1, next(t for t in cents_tiers if t.upto is None or t.upto >= n).rate)
        for n in range(a + 1, a + b + 1)
    )
    assert volume_cents(units, cents_tiers) == volume_cents(a, cents_tiers) + rest


@given(st.integers(0, 3000), st.sampled_from(["residential_owner", "commercial"]))
def test_the_seed_schedule_bill_is_the_sum_of_its_lines(units, klass):
    lines = price(SCHEDULE, "1", klass, units)
    assert total(lines) == sum(x.cents for x in lines)
    assert sum(x.units for x in lines) == units
