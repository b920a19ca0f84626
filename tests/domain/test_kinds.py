"""Kinds of sale, tender and ledger entry keep the strings stored before they were enums."""

from __future__ import annotations

import json

import pytest

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.domain.tenders import DRAWER_KINDS, KINDS, LABELS, Tender, TenderError


def test_the_stored_values_are_the_strings_already_in_every_store():
    assert [k.value for k in SaleKind] == ["sale", "void", "refund"]
    assert [k.value for k in TenderKind] == [
        "cash",
        "check",
        "money_order",
        "card",
        "refund_request",
    ]
    assert {k.value for k in EntryType} == {
        "charge",
        "payment",
        "penalty",
        "adjustment",
        "credit",
        "refund",
        "transfer",
        "reversal",
        "deposit",
        "deposit_applied",
        "deposit_refund",
        "deposit_transfer",
    }


@pytest.mark.parametrize("member", [*SaleKind, *TenderKind, *EntryType])
def test_a_member_is_its_string_wherever_it_goes(member):
    value = member.value
    assert member == value and hash(member) == hash(value)
    assert str(member) == f"{member}" == value
    assert json.dumps(member) == json.dumps(value)
    assert json.dumps({"kind": member}) == json.dumps({"kind": value})
    assert type(member)(value) is member


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


def test_deposit_entries_are_entry_types():
    assert all(isinstance(t, EntryType) for t in DEPOSIT_TYPES)
    assert {t for t in EntryType if t.value.startswith("deposit")} == set(DEPOSIT_TYPES)
