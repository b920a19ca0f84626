"""Transferring utility service (services/utility/transfer.py): the balance and deposit move."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.transfer import transfer_service
from counterpos.store.models import LedgerEntry, UtilityAccount
from tests.services.counter_visit import TODAY, senior_drawer


def test_transfer_moves_balance_and_deposit(station, billed_account):
    james, _ = senior_drawer(station)
    account_no, balance = billed_account
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no))
        s.add(LedgerEntry(account_id=acct.id, entry_type="deposit", amount_cents=-10000))
    new_no = transfer_service(station, james, account_no, "77 Palm Canyon Rd", TODAY)
    old, new = (account_ledger(station, n) for n in (account_no, new_no))
    assert (old.balance.cents, old.deposit_held.cents, old.status) == (0, 0, "closed")
    assert (new.balance.cents, new.deposit_held.cents, new.status) == (balance, 10000, "active")
