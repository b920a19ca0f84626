"""Fee rules (domain/fee_rules.py): the shipped catalog gives DOMAIN.md's fees; their properties."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.fee_rules import FeeInput, FeeRuleError, compute_fee, validate_rule
from counterpos.domain.money import Money
from counterpos.resources_path import data_path

CATALOG = json.loads((data_path("db") / "seed" / "catalog.json").read_text(encoding="utf-8"))
RULES = {s["code"]: s["rule"] for s in CATALOG["services"]}


def fee(code: str, quantity: int = 1, entered: Money | None = None, on=None, **attrs) -> int:
    return compute_fee(
        RULES[code], FeeInput(attributes=attrs, quantity=quantity, entered=entered, on=on)
    ).cents


# DOMAIN.md "Services and default fees", in cents.
ANIMAL_FEES = [
    ("dog", "yes", "1", "no", 1700),
    ("dog", "yes", "2", "no", 3400),
    ("dog", "yes", "3", "no", 4900),
    ("dog", "no", "1", "no", 10000),
    ("dog", "no", "2", "no", 20000),
    ("dog", "no", "3", "no", 30000),
    ("cat", "yes", "1", "no", 1000),
    ("cat", "no", "1", "no", 4000),
    ("dog", "yes", "1", "yes", 1200),
    ("dog", "yes", "2", "yes", 2400),
    ("dog", "yes", "3", "yes", 3600),
]


@pytest.mark.parametrize(("species", "altered", "term", "senior", "cents"), ANIMAL_FEES)
def test_animal_license_table_matches_domain(species, altered, term, senior, cents):
    assert (
        fee("animal_license", species=species, altered=altered, term=term, senior=senior) == cents
    )


def test_cat_has_no_three_year_term():
    with pytest.raises(FeeRuleError, match="no fee for that combination"):
        fee("animal_license", species="cat", altered="yes", term="3", senior="no")


@pytest.mark.parametrize(
    ("gross", "cents"),
    [
        (0, 5000),
        (5_000_000, 5000),
        (5_000_001, 12500),
        (25_000_000, 12500),
        (25_000_001, 20000),
        (100_000_000, 20000),
        (100_000_001, 35000),
    ],
)
def test_business_license_brackets_at_their_edges(gross, cents):
    assert fee("business_license_new", gross_receipts_cents=gross) == cents


@pytest.mark.parametrize(
    ("days_late", "percent"),
    [(0, 0), (1, 10), (31, 10), (32, 20), (61, 20), (62, 30), (150, 50), (400, 50)],
)
def test_business_renewal_penalty_is_ten_percent_a_month_at_most_half(days_late, percent):
    due = date(2026, 3, 15)
    on = due + timedelta(days=days_late)
    base = 12500
    got = fee("business_license_renewal", on=on, gross_receipts_cents=6_000_000, due_date=due)
    assert got == base + base * percent // 100


@pytest.mark.parametrize(
    ("kind", "cents"),
    [
        ("adult_monthly", 4000),
        ("senior_monthly", 2000),
        ("student_monthly", 2500),
        ("day_pass", 300),
        ("ride_10", 1200),
    ],
)
def test_bus_pass_prices(kind, cents):
    assert fee("bus_pass", pass_type=kind) == cents


def test_fixed_fees_of_domain():
    assert fee("yard_sale_permit") == 2000
    assert fee("start_service") == 2500
    assert fee("same_day_turn_on") == 5000
    assert fee("replacement_tag") == 500
    expired = date(2026, 1, 31)
    assert (
        fee("animal_late_penalty", on=expired + timedelta(days=30), previous_expires=expired) == 0
    )
    assert (
        fee("animal_late_penalty", on=expired + timedelta(days=31), previous_expires=expired)
        == 2500
    )
    assert fee("passport_execution", quantity=3) == 3 * 3500
    assert fee("passport_photo", quantity=2) == 3000
    assert fee("disability_access_city") + fee("disability_access_state") == 400
    assert fee("disability_access_city") == 360  # the city keeps 90 %
    assert fee("bus_card_new") == 200
    issued = date(2026, 5, 1)
    assert fee("citation_late_penalty", on=issued + timedelta(days=21), issued_on=issued) == 0
    assert fee("citation_late_penalty", on=issued + timedelta(days=22), issued_on=issued) == 2500
    assert fee("nsf_fee", occurrence="first") == 2500
    assert fee("nsf_fee", occurrence="later") == 3500


@pytest.mark.parametrize(
    ("klass", "cents"),
    [("residential_owner", 0), ("residential_renter", 10000), ("commercial", 25000)],
)
def test_deposit_by_customer_class(klass, cents):
    assert fee("utility_deposit", customer_class=klass) == cents


def test_citation_is_the_amount_on_record():
    assert fee("citation", citation_amount_cents=4500) == 4500
    with pytest.raises(FeeRuleError):
        fee("citation")


LATE = {"kind": "late_fixed", "cents": 2500, "date_attribute": "issued_on", "after_days": 21}


@given(st.integers(min_value=-400, max_value=400))
def test_late_fixed_is_all_or_nothing_after_the_days(age):
    issued = date(2026, 6, 1)
    on = issued + timedelta(days=age)
    got = compute_fee(LATE, FeeInput(attributes={"issued_on": issued}, on=on)).cents
    assert got == (2500 if age > 21 else 0)


@given(st.integers(min_value=0, max_value=10**9))
def test_bracket_fee_never_falls_as_gross_receipts_rise(gross):
    rule = RULES["business_license_new"]
    low = compute_fee(rule, FeeInput(attributes={"gross_receipts_cents": gross})).cents
    high = compute_fee(rule, FeeInput(attributes={"gross_receipts_cents": gross + 1})).cents
    assert 5000 <= low <= high <= 35000


@given(st.integers(min_value=0, max_value=3000), st.integers(min_value=0, max_value=10**7))
def test_renewal_penalty_is_between_zero_and_half(days_late, gross):
    due = date(2025, 1, 31)
    rule = RULES["business_license_renewal"]
    attrs = {"gross_receipts_cents": gross, "due_date": due}
    base = compute_fee(rule["of"], FeeInput(attributes=attrs)).cents
    got = compute_fee(rule, FeeInput(attributes=attrs, on=due + timedelta(days=days_late))).cents
    assert base <= got <= base + (base * 50 + 50) // 100
    if days_late == 0:
        assert got == base


@given(st.integers(min_value=1, max_value=100_000_000))
def test_entered_amount_inside_bounds_is_taken_as_is(cents):
    assert compute_fee(RULES["utility_payment"], FeeInput(entered=Money(cents))).cents == cents


@given(st.integers(min_value=100_000_001, max_value=10**12))
def test_entered_amount_over_a_million_is_refused(cents):
    with pytest.raises(FeeRuleError, match="more than"):
        compute_fee(RULES["utility_payment"], FeeInput(entered=Money(cents)))


@given(
    st.lists(st.integers(min_value=0, max_value=100_000), min_size=1, max_size=6),
    st.integers(min_value=1, max_value=20),
)
def test_sum_is_the_sum_of_its_parts_times_quantity(parts, qty):
    rule = {"kind": "sum", "parts": [{"kind": "per_quantity", "cents": c} for c in parts]}
    assert compute_fee(rule, FeeInput(quantity=qty)).cents == sum(parts) * qty


def test_every_seeded_rule_is_valid():
    for code, rule in RULES.items():
        validate_rule(rule), code


def test_validate_refuses_negative_late_fee():
    with pytest.raises(FeeRuleError):
        validate_rule({"kind": "late_fixed", "cents": -1, "after_days": 3})


@pytest.mark.parametrize(("species", "altered", "term", "senior", "cents"), ANIMAL_FEES)
def test_animal_license_table(species, altered, term, senior, cents):
    assert (
        fee("animal_license", species=species, altered=altered, term=term, senior=senior) == cents
    )


@pytest.mark.parametrize(
    ("code", "attrs", "cents"),
    [
        ("utility_deposit", {"customer_class": "residential_owner"}, 0),
        ("utility_deposit", {"customer_class": "residential_renter"}, 10000),
        ("utility_deposit", {"customer_class": "commercial"}, 25000),
        ("start_service", {}, 2500),
        ("same_day_turn_on", {}, 5000),
        ("nsf_fee", {"occurrence": "first"}, 2500),
        ("nsf_fee", {"occurrence": "later"}, 3500),
        ("replacement_tag", {}, 500),
        ("yard_sale_permit", {}, 2000),
        ("home_occupation_permit", {}, 3500),
        ("bus_pass", {"pass_type": "adult_monthly"}, 4000),
        ("bus_pass", {"pass_type": "senior_monthly"}, 2000),
        ("bus_pass", {"pass_type": "student_monthly"}, 2500),
        ("bus_pass", {"pass_type": "day_pass"}, 300),
        ("bus_pass", {"pass_type": "ride_10"}, 1200),
        ("bus_card_new", {}, 200),
    ],
)
def test_fixed_and_table_fees(code, attrs, cents):
    assert fee(code, **attrs) == cents


@pytest.mark.parametrize(
    ("code", "date_attribute", "days", "cents"),
    [
        ("animal_late_penalty", "previous_expires", 30, 0),  # DOMAIN.md: $25 after 30 days
        ("animal_late_penalty", "previous_expires", 31, 2500),
        ("citation_late_penalty", "issued_on", 21, 0),  # +$25 after 21 days unpaid
        ("citation_late_penalty", "issued_on", 22, 2500),
    ],
)
def test_late_penalties_start_after_their_grace_period(code, date_attribute, days, cents):
    on = date(2026, 6, 1)
    assert fee(code, on=on, **{date_attribute: on - timedelta(days=days)}) == cents


def test_disability_access_fee_is_four_dollars_split_ninety_ten():
    city, state = fee("disability_access_city"), fee("disability_access_state")
    assert city + state == 400
    assert city == 360 and state == 40


def bracket(gross_cents: int) -> int:
    if gross_cents <= 5_000_000:
        return 0
    if gross_cents <= 25_000_000:
        return 7500
    if gross_cents <= 100_000_000:
        return 15000
    return 30000


@given(st.integers(min_value=0, max_value=10**11))
def test_business_license_is_base_plus_gross_receipts_bracket(gross):
    assert fee("business_license_new", gross_receipts_cents=gross) == 5000 + bracket(gross)


@given(
    st.integers(min_value=0, max_value=10**10),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=-400, max_value=900),
)
def test_renewal_penalty_is_ten_percent_a_month_late_at_most_half(gross, due, days_late):
    on = due + timedelta(days=days_late)
    base = Money(5000 + bracket(gross))
    got = fee("business_license_renewal", gross_receipts_cents=gross, due_date=due, on=on)
    if days_late <= 0:
        assert got == base.cents
        return
    months = (on.year - due.year) * 12 + (on.month - due.month) + (1 if on.day > due.day else 0)
    rate = min(Decimal(10) * max(months, 1), Decimal(50))
    assert got == (base + base.percent(rate)).cents
    assert base.cents < got <= base.cents + base.percent(Decimal(50)).cents


@given(st.integers(min_value=1, max_value=50))
def test_passport_fees_are_per_applicant(n):
    assert fee("passport_execution", quantity=n) == 3500 * n
    assert fee("passport_photo", quantity=n) == 1500 * n


@given(st.integers(min_value=1, max_value=100_000_000))
def test_entered_amounts_are_taken_as_entered(cents):
    assert fee("utility_payment", entered=Money(cents)) == cents
    assert fee("misc_receipt", entered=Money(cents)) == cents


@given(st.integers(min_value=100_000_001, max_value=10**12))
def test_absurd_entered_amounts_are_refused(cents):
    with pytest.raises(FeeRuleError):
        fee("utility_payment", entered=Money(cents))


def test_missing_choice_is_a_plain_message():
    with pytest.raises(FeeRuleError, match="species"):
        fee("animal_license", altered="yes", term="1", senior="no")
