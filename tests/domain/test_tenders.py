"""Tenders (domain/tenders.py): the kinds the till takes; settling never gives negative change."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from counterpos.domain.kinds import TenderKind
from counterpos.domain.money import MAX_COUNTER_CENTS, Money
from counterpos.domain.tenders import (
    CARD,
    CASH,
    CHECK,
    DRAWER_KINDS,
    KINDS,
    LABELS,
    MONEY_ORDER,
    Tender,
    TenderError,
    settle,
)


def test_tender_kinds_taken_at_the_till_and_those_in_the_drawer():
    assert KINDS == (TenderKind.CASH, TenderKind.CHECK, TenderKind.MONEY_ORDER, TenderKind.CARD)
    assert set(DRAWER_KINDS) == set(KINDS) - {TenderKind.CARD}
    assert set(LABELS) == set(KINDS)
    assert LABELS["money_order"] == LABELS[TenderKind.MONEY_ORDER] == "Money order"
    # A plain string from a screen is the same tender as the member.
    assert Tender("cash", Money(500)) == Tender(TenderKind.CASH, Money(500))


def test_a_refund_request_is_never_a_tender_a_customer_hands_over():
    with pytest.raises(TenderError, match="Unknown tender"):
        Tender(TenderKind.REFUND_REQUEST, Money(500)).validate()


@st.composite
def tender(draw):
    kind = draw(st.sampled_from([CASH, CHECK, MONEY_ORDER, CARD]))
    amount = Money(draw(st.integers(min_value=1, max_value=MAX_COUNTER_CENTS)))
    if kind == CASH:
        return Tender(CASH, amount)
    if kind == CHECK:
        return Tender(CHECK, amount, reference="1001", payer="A Payer")
    if kind == MONEY_ORDER:
        return Tender(MONEY_ORDER, amount, reference="MO-77")
    return Tender(CARD, amount, reference="A1B2C3", card_brand="Visa", card_last4="4242")


@given(st.integers(min_value=0, max_value=MAX_COUNTER_CENTS), st.lists(tender(), max_size=5))
def test_settle_invariants(total_cents, tenders):
    total = Money(total_cents)
    paid = sum(t.amount.cents for t in tenders)
    non_cash = sum(t.amount.cents for t in tenders if t.kind != CASH)
    try:
        result = settle(total, tenders)
    except TenderError:
        assert paid < total_cents or non_cash > total_cents or (not tenders and total_cents)
        return
    assert paid >= total_cents and non_cash <= total_cents
    assert result.change.cents >= 0
    assert result.change.cents == paid - total_cents
    assert sum(a.applied.cents for a in result.applied) == total_cents
    assert sum(a.change.cents for a in result.applied) == result.change.cents
    for a in result.applied:
        assert a.applied.cents >= 0 and a.change.cents >= 0
        assert a.applied.cents + a.change.cents == a.tender.amount.cents
        if a.tender.kind != CASH:
            assert a.change.cents == 0


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_cash_short_of_the_total_is_refused(total, short):
    assume(short < total)
    with pytest.raises(TenderError, match="still due"):
        settle(Money(total), [Tender(CASH, Money(total - short))])


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_checks_never_give_change(total, over):
    with pytest.raises(TenderError, match="cannot give change"):
        settle(Money(total), [Tender(CHECK, Money(total + over), reference="1", payer="P")])


def test_a_checks_micr_line_is_kept_a_card_number_is_not():
    """A check's reference may be its MICR line: a long digit run that passes Luhn there is the
    account, not a card; a card number as the account, or anywhere else, is refused."""
    micr = "⑆021000021⑆ 1234567890123452⑈ 1001"  # the account passes Luhn
    Tender(CHECK, Money(2500), reference=micr, payer="Ana Ruiz").validate()
    Tender(CHECK, Money(2500), reference="T021000021T1234567890123452O1001", payer="A").validate()
    for bad in (
        "⑆021000021⑆ 4111111111111111⑈ 1001",  # a card number as the account
        "1234567890123452",  # no MICR line: a Luhn run of 16 digits
    ):
        with pytest.raises(TenderError, match="looks like a card number"):
            Tender(CHECK, Money(2500), reference=bad, payer="Ana Ruiz").validate()
    # a money order has no MICR line of its own format
    with pytest.raises(TenderError):
        Tender(MONEY_ORDER, Money(2500), reference=micr).validate()
    long_micr = "⑆021000021⑆ 1234 5678 9012 345⑈ 0000001001 ⑈ 0000000001"
    with pytest.raises(TenderError, match="over 40 characters"):
        Tender(CHECK, Money(2500), reference=long_micr, payer="Ana Ruiz").validate()
