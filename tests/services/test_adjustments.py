"""Account adjustments: a new ledger entry with its reason; the balance is the sum."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from counterpos.domain.money import Money
from counterpos.services import adjustments
from counterpos.services.errors import InputError, NotFound
from counterpos.store.models import LedgerEntry, UtilityAccount


def _account(station):
    with station.store.read() as s:
        a = s.scalar(select(UtilityAccount).limit(1))
        bal = s.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                LedgerEntry.account_id == a.id
            )
        )
        return a.account_no, int(bal)


def test_adjustment_moves_the_balance(station, supervisor):
    no, before = _account(station)
    result = adjustments.adjust_account(station, supervisor, no, Money(-2_500), "Leak credit")
    assert result.balance == Money(before - 2_500) and result.approver == ""
    assert _account(station)[1] == before - 2_500


def test_adjustment_errors(station, supervisor):
    no, _ = _account(station)
    with pytest.raises(InputError, match="reason"):
        adjustments.adjust_account(station, supervisor, no, Money(100), " ")
    with pytest.raises(InputError, match=r"\$0\.00"):
        adjustments.adjust_account(station, supervisor, no, Money(0), "x")
    with pytest.raises(NotFound):
        adjustments.adjust_account(station, supervisor, "NOPE-1", Money(100), "x")
