"""Receipts of saved sales (services/sale/receipts.py): read back from the store, as saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale import catalog, customers, receipts
from counterpos.store.models import UtilityAccount
from tests.printing_support import five_line_sale
from tests.sale_helpers import card, cart_of, cash, check, ring
from tests.services.counter_visit import pay_cash


def test_with_receipt_reads_back_the_saved_receipt(station, cashier, drawer):
    sale = five_line_sale(station, cashier, drawer)
    done = receipts.with_receipt(station, sale)
    assert (done.sale_id, done.receipt_no, done.total, done.change) == (
        sale.sale_id,
        sale.receipt_no,
        sale.total,
        sale.change,
    )
    assert done.receipt is not None and done.receipt.receipt_no == sale.receipt_no
    assert done.receipt.total == sale.total and done.receipt.change == sale.change
    assert render_text(done.receipt) == render_text(
        receipts.receipt_document(station, sale.receipt_no)
    )
    assert receipts.with_receipt(station, done) is done  # already read back: not read again


def test_the_receipt_lists_lines_tenders_and_change_as_saved(station, cashier, drawer):
    done = ring(
        station,
        cashier,
        drawer.session_id,
        cart_of(1_250, 500),
        check(1_000, "1043", "Ana Ruiz"),
        cash(2_000),
    )
    doc = receipts.receipt_document(station, done.receipt_no.lower())
    assert (doc.receipt_no, doc.title, doc.station_code) == (done.receipt_no, "RECEIPT", "T1")
    assert doc.cashier.startswith("Maria") and doc.reprint_count == 0
    assert [(x.description, x.amount, x.details) for x in doc.lines] == [
        ("Miscellaneous receipt – test", Money(1_250), ("For: test",)),
        ("Miscellaneous receipt – test", Money(500), ("For: test",)),
    ]
    assert [(t.label, t.amount, t.detail, t.tendered, t.change) for t in doc.tenders] == [
        ("Check", Money(1_000), "No. 1043, Ana Ruiz", None, None),
        ("Cash", Money(750), "", Money(2_000), Money(1_250)),
    ]
    assert (doc.total, doc.change) == (Money(1_750), Money(1_250))


def test_a_card_shows_its_brand_last_four_and_approval(station, cashier, drawer):
    done = ring(station, cashier, drawer.session_id, 900, card(900, "1881"))
    (tender,) = receipts.receipt_document(station, done.receipt_no).tenders
    assert (tender.label, tender.detail) == ("Card", "VISA ****1881 auth A1B2C3")


def test_unknown_and_malformed_receipt_numbers_are_named(station):
    with pytest.raises(NotFound, match="There is no receipt T1-999999 at this station."):
        receipts.receipt_document(station, "t1-999999")
    with pytest.raises(InputError) as err:
        receipts.receipt_document(station, "nonsense")
    assert err.value.field == "receipt_no"


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
