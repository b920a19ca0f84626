"""Fee rules priced from the shipped catalog give DOMAIN.md's default fees."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.fee_rules import FeeInput, FeeRuleError, compute_fee
from counterpos.domain.money import Money

CATALOG = json.loads(
    (Path(__file__).resolve().parents[2] / "db" / "seed" / "catalog.json").read_text("utf-8")
)
RULES = {s["code"]: s["rule"] for s in CATALOG["services"]}


def fee(code: str, quantity: int = 1, entered: Money | None = None, on=None, **attrs) -> int:
    return compute_fee(
        RULES[code], FeeInput(attributes=attrs, quantity=quantity, entered=entered, on=on)
    ).cents


# DOMAIN.md "Services and default fees", in cents.
@pytest.mark.parametrize(
    ("species", "altered", "term", "senior", "cents"),
    [
        ("dog", "yes", "1", "no", 1700),
        ("dog", "yes", "2", "no", 3400),
        ("dog", "yes", "3", "no", 4900),
        ("dog", "no", "1", "no", 10000),
        ("dog", "no", "2", "no", 20000),
        ("dog", "no", "3", "no", 30000),
        ("dog", "yes", "1", "yes", 1200),
        ("dog", "yes", "2", "yes", 2400),
        ("dog", "yes", "3", "yes", 3600),
        ("cat", "yes", "1", "no", 1000),
        ("cat", "no", "1", "no", 4000),
    ],
)
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
