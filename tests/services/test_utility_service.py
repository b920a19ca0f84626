"""Utility accounts: stub scans, start with deposit, stop with refund, transfer, adjustments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.errors import InputError, NotFound, PermissionDenied, StateError
from counterpos.services.sale import catalog, customers
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.adjustments import adjust_account
from counterpos.services.utility.payments import scan_stub
from counterpos.services.utility.stop import stop_service
from counterpos.services.utility.transfer import transfer_service
from counterpos.store.models import AuditEvent, LedgerEntry, RefundRequest, UtilityAccount
from tests.conftest import login
from tests.services.counter_visit import TODAY, days, pay_cash, ring, senior_drawer


def an_account(station, with_balance=True):
    with station.store.read() as s:
        for acct in s.scalars(select(UtilityAccount).order_by(UtilityAccount.account_no)):
            bal = customers.account_balance(s, acct.id).cents
            if (bal > 0) == with_balance:
                return acct.account_no, bal
    raise AssertionError("no such demo account")


def test_scanned_stub_prefills_the_amount_due(station, cashier, drawer):
    account_no, balance = an_account(station)
    stub = make_stub(account_no, Money(balance), TODAY + timedelta(days=10))
    pre = scan_stub(station, f" {stub}\n")
    assert (pre.account_no, pre.amount_due.cents) == (account_no, balance)
    cart = ring(
        station, Cart(), "utility_payment", details=pre.details, amount_text=pre.amount_due.plain()
    )
    pay_cash(station, cashier, drawer.session_id, cart)
    assert customers.account_by_number(station, account_no).balance.cents == 0
    assert account_ledger(station, account_no).entries[-1].entry_type == "payment"


def test_bad_scans_and_unknown_accounts(station):
    with pytest.raises(InputError, match="not a utility bill stub"):
        scan_stub(station, "hello")
    with pytest.raises(NotFound, match="no utility account 99999999"):
        scan_stub(station, make_stub("99999999", Money(100), TODAY))
    with pytest.raises(NotFound):
        catalog.price_lines(
            station, "utility_payment", details={"account_no": "12ab"}, amount_text="10"
        )


@pytest.mark.parametrize("amount", ["1000000.01", "-5", "12.345", "ten"])
def test_payment_amounts_a_counter_refuses(station, amount):
    account_no, _ = an_account(station)
    with pytest.raises(InputError):
        catalog.price_lines(
            station, "utility_payment", details={"account_no": account_no}, amount_text=amount
        )


def start(station, **over):
    d = dict(
        service_address="4821 Sunset Ridge Dr",
        start_date=days(0),
        customer_class="residential_renter",
        owner_name="Priya Shah",
        owner_address="4821 Sunset Ridge Dr, Mission Vista",
    )
    d.update(over)
    return catalog.price_lines(station, "start_service", details=d)


def test_start_service_new_customer_with_deposit_then_stop_with_refund(station):
    james, session_id = senior_drawer(station)
    lines = start(station)
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


def test_start_refused_where_service_is_active_or_date_is_past(station):
    with station.store.read() as s:
        busy = s.scalar(select(UtilityAccount.service_address).limit(1))
    with pytest.raises(InputError, match="already has active service"):
        start(station, service_address=busy.upper())
    with pytest.raises(InputError, match="cannot be in the past"):
        start(station, start_date=days(-2))
    with pytest.raises(InputError, match="90 days ahead"):
        start(station, start_date=days(120))


def test_owner_deposit_is_zero_so_no_deposit_line(station):
    lines = start(station, customer_class="residential_owner")
    assert [x.service_code for x in lines] == ["start_service"]


def test_cashier_may_not_start_service(station, cashier, drawer):
    with pytest.raises(PermissionDenied):
        pay_cash(station, cashier, drawer.session_id, Cart(lines=list(start(station))))


def test_transfer_moves_balance_and_deposit(station):
    james, _ = senior_drawer(station)
    account_no, balance = an_account(station)
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no))
        s.add(LedgerEntry(account_id=acct.id, entry_type="deposit", amount_cents=-10000))
    new_no = transfer_service(station, james, account_no, "77 Palm Canyon Rd", TODAY)
    old, new = (account_ledger(station, n) for n in (account_no, new_no))
    assert (old.balance.cents, old.deposit_held.cents, old.status) == (0, 0, "closed")
    assert (new.balance.cents, new.deposit_held.cents, new.status) == (balance, 10000, "active")


def test_adjustment_needs_another_supervisor(station, supervisor):
    account_no, balance = an_account(station)
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
