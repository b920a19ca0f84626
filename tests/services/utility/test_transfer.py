"""Transferring utility service (services/utility/transfer.py): the balance and deposit move."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services.errors import PermissionDenied
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.transfer import transfer_service
from counterpos.store.models import LedgerEntry, UtilityAccount
from tests.conftest import audit_events
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


def test_a_cashier_transfers_service_with_a_supervisors_approval(
    station, cashier, approval, billed_account
):
    account_no, _ = billed_account
    with pytest.raises(PermissionDenied):
        transfer_service(station, cashier, account_no, "77 Palm Canyon Rd", TODAY)
    ok = approval(cashier, "start_stop_service")
    new_no = transfer_service(station, cashier, account_no, "77 Palm Canyon Rd", TODAY, ok)
    assert ok.used and account_ledger(station, new_no).status == "active"
    event = audit_events(station, "service_transferred")[-1]
    assert (event.actor, event.approver) == ("maria", "sofia")
