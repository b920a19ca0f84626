"""Adjusting a utility account (services/utility/adjustments.py): a second supervisor, a reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services.errors import InputError, PermissionDenied
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.adjustments import adjust_account
from counterpos.store.models import AuditEvent
from tests.conftest import login


def test_adjustment_needs_another_supervisor(station, billed_account, supervisor):
    account_no, balance = billed_account
    cashier = login(station, "maria")
    with pytest.raises(PermissionDenied):
        adjust_account(station, cashier, cashier, account_no, "-10", "leak")
    with pytest.raises(InputError, match="Another supervisor"):
        adjust_account(station, supervisor, supervisor, account_no, "-10", "leak")
    with pytest.raises(InputError, match="Reason"):
        adjust_account(station, cashier, supervisor, account_no, "-10", "whim")
    with pytest.raises(InputError, match="waiver is a credit"):
        adjust_account(station, cashier, supervisor, account_no, "10", "penalty_waiver")
    with pytest.raises(InputError, match="Say what"):
        adjust_account(station, cashier, supervisor, account_no, "10", "other")
    with pytest.raises(InputError):
        adjust_account(station, cashier, supervisor, account_no, "2000000", "misread")
    after = adjust_account(
        station, cashier, supervisor, account_no, "-12.50", "leak", "Leak at meter fixed 11/2"
    )
    assert after.cents == balance - 1250
    with station.store.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "account_adjusted")).one()
    assert (event.actor, event.approver, event.target) == ("maria", "sofia", account_no)
    assert event.details["amount_cents"] == -1250 and event.details["reason"] == "leak"
    last = account_ledger(station, account_no).entries[-1]
    assert (last.entry_type, last.amount.cents, last.memo) == (
        "adjustment",
        -1250,
        "Leak adjustment: Leak at meter fixed 11/2",
    )
