"""Stopping utility service (services/utility/stop.py): the deposit pays, the rest is refunded."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.stop import stop_service
from counterpos.store.models import LedgerEntry, RefundRequest, UtilityAccount
from tests.conftest import audit_events
from tests.services.counter_visit import TODAY, pay_cash, senior_drawer


def test_start_service_new_customer_with_deposit_then_stop_with_refund(station, price_start):
    james, session_id = senior_drawer(station)
    lines = price_start()
    assert [(x.service_code, x.amount.cents, x.gl_account) for x in lines] == [
        ("start_service", 2500, "4410"),
        ("utility_deposit", 10000, "2200"),
    ]
    pay_cash(station, james, session_id, Cart(lines=list(lines)))
    with station.store.read() as s:
        acct = s.scalar(
            select(UtilityAccount).where(UtilityAccount.service_address == "4821 Sunset Ridge Dr")
        )
        account_no = acct.account_no
    ledger = account_ledger(station, account_no)
    assert ledger.deposit_held.cents == 10000 and ledger.balance.cents == 0
    # A first bill arrives, then the customer moves out.
    with station.store.write() as s:
        s.add(
            LedgerEntry(
                account_id=acct.id,
                entry_type="charge",
                amount_cents=6420,
                memo="Water and sewer bill",
            )
        )
    with pytest.raises(InputError, match="past"):
        stop_service(
            station, james, account_no, TODAY - timedelta(days=1), "1 Far Away Rd, Sacramento CA"
        )
    result = stop_service(station, james, account_no, TODAY, "1 Far Away Rd, Sacramento CA 95814")
    assert (result.deposit_applied.cents, result.refund.cents, result.still_due.cents) == (
        6420,
        3580,
        0,
    )
    ledger = account_ledger(station, account_no)
    assert ledger.balance.cents == 0 and ledger.deposit_held.cents == 0
    assert ledger.status == "closed"
    with station.store.read() as s:
        refund = s.scalar(select(RefundRequest))
        assert (refund.amount_cents, refund.pay_to) == (3580, "Priya Shah")
        assert "Sacramento" in refund.mail_to
    with pytest.raises(StateError, match="closed"):
        stop_service(station, james, account_no, TODAY, "1 Far Away Rd, X")


def test_a_cashier_stops_service_with_a_supervisors_approval(
    station, cashier, approval, paid_up_account
):
    account_no, _ = paid_up_account
    with pytest.raises(PermissionDenied) as refused:
        stop_service(station, cashier, account_no, TODAY, "12 Forwarding Way, Vista CA")
    assert refused.value.permission == "start_stop_service"
    ok = approval(cashier, "start_stop_service")
    stop_service(station, cashier, account_no, TODAY, "12 Forwarding Way, Vista CA", ok)
    assert ok.used
    assert account_ledger(station, account_no).status == "closed"
    event = audit_events(station, "service_stopped")[-1]
    assert (event.actor, event.approver) == ("maria", "sofia")
