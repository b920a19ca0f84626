"""Kinds of sale, tender and ledger entry (domain/kinds.py) keep the strings stored before enums."""

from __future__ import annotations

import json

import pytest

from counterpos.domain.kinds import EntryType, SaleKind, TenderKind


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
