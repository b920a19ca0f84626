"""A utility account's ledger (services/utility/accounts.py): each movement, to the balance due."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.errors import NotFound
from counterpos.services.sale import customers
from counterpos.services.utility.accounts import account_ledger


def test_the_ledger_runs_to_the_balance_the_till_shows(station, billed_account):
    account_no, balance = billed_account
    ledger = account_ledger(station, account_no)
    assert ledger.account_no == account_no and ledger.status == "active"
    assert ledger.balance == Money(balance)
    assert ledger.balance == customers.account_by_number(station, account_no).balance
    assert ledger.entries and ledger.entries[-1].balance == ledger.balance
    running = 0
    for entry in ledger.entries:
        if not entry.is_deposit:
            running += entry.amount.cents
        assert entry.balance == Money(running)
    assert [e.at for e in ledger.entries] == sorted(e.at for e in ledger.entries)


def test_an_unknown_account_is_named(station):
    with pytest.raises(NotFound, match="There is no utility account 12345678."):
        account_ledger(station, " 12345678 ")
