"""The receipt of a bill payment says what is left on the account after it, and a reprint made
after later payments still says what it said that day."""

from __future__ import annotations

from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.receipt_document import render_text
from counterpos.services.sale import catalog, customers, receipts
from counterpos.store.models import UtilityAccount
from tests.services.counter_visit import pay_cash


def account_with_balance(station):
    with station.store.read() as s:
        for acct in s.scalars(select(UtilityAccount).order_by(UtilityAccount.account_no)):
            due = customers.account_balance(s, acct.id)
            if due.cents > 5000:
                return acct.account_no, acct.id, due
    raise AssertionError("the template store has an account with a balance")


def pay(station, cashier, drawer, account_no: str, amount: str):
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": account_no}, amount_text=amount
        )
    )
    return pay_cash(station, cashier, drawer.session_id, cart)


def balance_line(station, receipt_no: str, account_no: str) -> str:
    text = render_text(receipts.receipt_document(station, receipt_no), 48)
    (line,) = [ln for ln in text if account_no in ln and ("Balance due" in ln or "Credit" in ln)]
    return " ".join(line.split())


def test_partial_payment_shows_what_is_left_and_keeps_showing_it(station, cashier, drawer):
    account_no, account_id, due = account_with_balance(station)
    first = pay(station, cashier, drawer, account_no, "20.00")
    left = due.cents - 2000
    expected = f"Balance due {account_no} ${left // 100:,}.{left % 100:02d}"
    assert balance_line(station, first.receipt_no, account_no) == expected
    # The rest, and more: the second receipt shows a credit; the first still shows that day's.
    over = left + 1500
    second = pay(station, cashier, drawer, account_no, f"{over // 100}.{over % 100:02d}")
    assert balance_line(station, second.receipt_no, account_no) == f"Credit {account_no} $15.00"
    assert balance_line(station, first.receipt_no, account_no) == expected
