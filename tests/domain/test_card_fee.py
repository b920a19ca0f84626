"""Card convenience fee: parsing the policy, and properties of the fee and its allocation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.card_fee import (
    CardFeeError,
    FeePolicy,
    FeeRate,
    allocate,
    fee_for,
    fee_within,
    parse_policy,
    parse_rate,
    sale_fee,
)
from counterpos.domain.money import Money

CATEGORIES = ["utility", "animal", "permit", "business", "transit"]
amounts = st.integers(min_value=1, max_value=10_000_000).map(Money)
carts = st.dictionaries(st.sampled_from(CATEGORIES), amounts, min_size=1, max_size=5)
rates = st.one_of(
    st.just(FeeRate()),
    st.decimals(min_value=0, max_value=10, places=2).map(lambda d: FeeRate("percent", d)),
    st.integers(min_value=0, max_value=10_000).map(lambda c: FeeRate("flat", flat=Money(c))),
)
policies = st.builds(
    FeePolicy, st.dictionaries(st.sampled_from(CATEGORIES), rates, max_size=5), rates
)


def test_parse_forms():
    assert parse_rate("none") == FeeRate()
    assert parse_rate("2.5%") == FeeRate("percent", Decimal("2.5"))
    assert parse_rate("$1.50") == FeeRate("flat", flat=Money(150))
    p = parse_policy("utility=2.5%; permit=1.00; *=none")
    assert p.rate_for("utility").kind == "percent"
    assert p.rate_for("permit").flat == Money(100)
    assert p.rate_for("animal") == FeeRate()
    assert parse_policy("none").is_none and parse_policy("").is_none


@pytest.mark.parametrize("bad", ["abc", "11%", "-1%", "utility", "utility=x", "$500.00", "u=1;2"])
def test_bad_policies_are_refused(bad):
    with pytest.raises(CardFeeError):
        parse_policy(bad)


def test_examples():
    p = parse_policy("utility=2.5%; permit=1.50")
    cart = {"utility": Money(10000), "permit": Money(2000)}
    assert fee_for(p, cart, Money(12000)) == Money(250 + 150)
    # $20 paid in cash: the card's $100 is spread 10000:2000 -> 8333 + 1667
    assert fee_for(p, cart, Money(10000)) == Money(208 + 150)
    assert fee_for(parse_policy("none"), cart, Money(12000)) == Money(0)


@given(st.integers(min_value=0, max_value=50_000_000).map(Money), carts)
def test_allocation_sums_exactly_and_stays_in_proportion(amount, cart):
    shares = allocate(amount, list(cart.items()))
    total = sum(m.cents for m in cart.values())
    assert sum(m.cents for m in shares.values()) == min(amount.cents, total)
    for cat, share in shares.items():
        exact = min(amount.cents, total) * cart[cat].cents / total
        assert abs(share.cents - exact) < 1
        assert 0 <= share.cents <= cart[cat].cents


@given(policies, carts, st.integers(min_value=1, max_value=1_000_000))
def test_fee_is_never_negative_and_bounded(policy, cart, base):
    fee = fee_for(policy, cart, Money(base))
    assert fee.cents >= 0
    flat_max = sum(r.flat.cents for r in [policy.default, *policy.by_category.values()])
    assert fee.cents <= base * 10 // 100 + len(cart) + flat_max * len(cart)


@given(carts, st.decimals(min_value=0, max_value=10, places=2))
def test_a_single_percentage_on_the_whole_cart(cart, pct):
    policy = FeePolicy(default=FeeRate("percent", pct))
    total = Money(sum(m.cents for m in cart.values()))
    fee = fee_for(policy, cart, total)
    # one rounding per category: within half a cent per category of the exact figure
    exact = Decimal(total.cents) * pct / 100
    assert abs(Decimal(fee.cents) - exact) <= Decimal(len(cart)) / 2


@given(policies, carts, st.integers(min_value=1, max_value=1_000_000))
def test_none_policy_and_zero_base_charge_nothing(policy, cart, base):
    assert fee_for(FeePolicy(), cart, Money(base)) == Money(0)
    assert fee_for(policy, cart, Money(0)) == Money(0)


@given(
    st.integers(min_value=1, max_value=1_000_000),
    st.integers(min_value=0, max_value=100_000),
    st.data(),
)
def test_fee_within_a_partial_approval_is_proportional_and_never_more(base, fee, data):
    charge = base + fee
    approved = data.draw(st.integers(min_value=0, max_value=charge))
    inside = fee_within(Money(approved), Money(fee), Money(charge))
    assert 0 <= inside.cents <= fee
    assert inside.cents <= approved
    assert inside.cents * charge <= approved * fee  # never more than the proportional share
    if approved == charge:
        assert inside == Money(fee)


@given(policies, carts, st.data())
def test_the_fee_never_depends_on_how_the_payment_is_split(policy, cart, data):
    """However the card total is split across cards, the cards carry exactly the sale's fee."""
    total = sum(m.cents for m in cart.values())
    card_total = data.draw(st.integers(min_value=1, max_value=total), label="card total")
    cuts = sorted(
        data.draw(st.sets(st.integers(0, card_total), max_size=5), label="cuts") - {0, card_total}
    )
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, card_total], strict=True)]
    paid = carried = Money(0)
    for part in parts:
        fee = fee_for(policy, cart, Money(part), prior_base=paid, prior_fee=carried)
        assert fee.cents >= 0
        paid, carried = paid + Money(part), carried + fee
    assert paid == Money(card_total)
    assert carried == sale_fee(policy, cart, Money(card_total))


@given(policies, carts, st.data())
def test_the_sale_fee_never_falls_as_the_card_total_grows(policy, cart, data):
    total = sum(m.cents for m in cart.values())
    low = data.draw(st.integers(0, total))
    high = data.draw(st.integers(low, total))
    assert sale_fee(policy, cart, Money(low)) <= sale_fee(policy, cart, Money(high))


def test_the_issues_split_payments():
    # A flat $1.50 on $100 paid by two cards is $1.50, not $3.00.
    flat = parse_policy("1.50")
    cart = {"utility": Money(10000)}
    first = fee_for(flat, cart, Money(5000))
    second = fee_for(flat, cart, Money(5000), prior_base=Money(5000), prior_fee=first)
    assert (first, second) == (Money(150), Money(0))
    # utility=2.5%; permit=1.00 on $100 + $20: one card or several, the fee is $3.50.
    mixed = parse_policy("utility=2.5%; permit=1.00")
    cart = {"utility": Money(10000), "permit": Money(2000)}
    assert sale_fee(mixed, cart, Money(12000)) == Money(350)
    whole = fee_for(mixed, cart, Money(12000))
    # The first card is partly approved: $60.00 of the $123.50 asked for.
    within = fee_within(Money(6000), whole, Money(12000) + whole)
    base = Money(6000) - within
    rest = fee_for(mixed, cart, Money(12000) - base, prior_base=base, prior_fee=within)
    assert within + rest == Money(350)
