"""Paying a utility bill (services/utility/payments.py): a scanned stub, the amounts refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale import catalog, customers
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.payments import payment_prefill, scan_stub
from tests.services.counter_visit import TODAY, pay_cash, ring


def test_scanned_stub_prefills_the_amount_due(station, billed_account, cashier, drawer):
    account_no, balance = billed_account
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
def test_payment_amounts_a_counter_refuses(station, billed_account, amount):
    account_no, _ = billed_account
    with pytest.raises(InputError):
        catalog.price_lines(
            station, "utility_payment", details={"account_no": account_no}, amount_text=amount
        )


def test_a_typed_account_number_prefills_what_it_owes(station, billed_account, paid_up_account):
    account_no, balance = billed_account
    pre = payment_prefill(station, f" {account_no} ")
    assert (pre.account_no, pre.amount_due.cents, pre.details) == (
        account_no,
        balance,
        {"account_no": account_no},
    )
    assert pre.customer_name and pre.service_address
    # An account in credit suggests nothing to pay, never a negative amount.
    assert payment_prefill(station, paid_up_account[0]).amount_due == Money(0)
    with pytest.raises(NotFound, match="no utility account 99999999"):
        payment_prefill(station, "99999999")
