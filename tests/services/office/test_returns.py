"""Returned checks (services/office/returns.py): reversed on the account today, the fee by the
schedule per customer, cash-only after repeated returns, licenses back to unpaid, and the day's
journal showing it."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.clock import local_today
from counterpos.services.errors import PermissionDenied, StateError
from counterpos.services.office import audit, journal, returns
from counterpos.services.sale import catalog, sales
from counterpos.store.models import License
from tests.conftest import login
from tests.services.counter_visit import business, ring, senior_drawer
from tests.services.office.office_support import close_exactly, open_drawer, push
from tests.sync.helpers import first_accounts

pytestmark = pytest.mark.pg


def pay_by_check(station, actor, session_id, account_no: str, amount: str, number: str):
    cart = Cart()
    cart.add(
        catalog.price_line(
            station, "utility_payment", details={"account_no": account_no}, amount_text=amount
        )
    )
    return sales.complete_sale(
        station, actor, session_id, cart, [Tender("check", cart.total, number, "R. Payer")]
    )


def _balance(station, account_no: str) -> Money:
    from counterpos.store.balances import account_balance
    from counterpos.store.models import UtilityAccount

    with station.store.read() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no))
        return account_balance(s, acct.id)


def test_a_returned_check_reverses_the_payment_adds_the_fee_and_then_cash_only(joined, clerk, boss):
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    acct = first_accounts(joined, 1)[0]
    first = pay_by_check(joined, maria, d.session_id, acct, "80.00", "2001")
    second = pay_by_check(joined, maria, d.session_id, acct, "20.00", "2002")
    close_exactly(joined, maria, d.session_id)
    push(joined)
    before = _balance(joined, acct)
    # The office picks the returned item from the day's check payments at the centre.
    listed = returns.returnable(clerk, local_today())
    assert [(p.receipt_no, p.kind, p.reference, p.payer, p.amount) for p in listed] == [
        (first.receipt_no, "check", "2001", "R. Payer", Money(8_000)),
        (second.receipt_no, "check", "2002", "R. Payer", Money(2_000)),
    ]
    assert listed[0].tender_id == returns.find_tender(clerk, first.receipt_no)

    with pytest.raises(PermissionDenied):
        returns.return_payment(clerk, returns.find_tender(clerk, first.receipt_no), "NSF")
    r1 = returns.return_payment(boss, returns.find_tender(boss, first.receipt_no), "NSF")
    assert (r1.amount, r1.fee, r1.occurrence, r1.cash_only_until) == (
        Money(8_000),
        Money(2_500),
        1,
        None,
    )
    assert r1.reversal_receipt_no == "OFFICE-000001"
    with pytest.raises(StateError, match="already returned"):
        returns.return_payment(boss, returns.find_tender(boss, first.receipt_no), "NSF")
    r2 = returns.return_payment(boss, returns.find_tender(boss, second.receipt_no, "2002"), "NSF")
    assert (r2.fee, r2.occurrence) == (Money(3_500), 2)
    assert r2.cash_only_until is not None
    assert returns.cash_only_until(boss, acct) == r2.cash_only_until
    assert returns.returnable(clerk, local_today()) == []  # returned: no longer offered

    # The station sees it once it syncs: the balance rises by both checks and both fees.
    push(joined)
    assert _balance(joined, acct) == before + Money(8_000 + 2_000 + 2_500 + 3_500)
    # The original receipts are as they were.
    with boss.read() as conn:
        totals = conn.execute(
            text("SELECT receipt_no, total_cents, kind FROM sale WHERE receipt_no IN (:a, :b)"),
            {"a": first.receipt_no, "b": second.receipt_no},
        ).all()
    assert sorted(totals) == sorted(
        [(first.receipt_no, 8_000, "sale"), (second.receipt_no, 2_000, "sale")]
    )
    # The day's journal takes the returns in: the bank gives back both checks, the fees are
    # revenue of 4430 and charged to the receivable.
    j = journal.draft(clerk, local_today()).journal
    assert j.balanced and all(v == 0 for v in j.by_fund().values())
    net = j.net_by_account()
    assert net[("1010", "999")] == 0  # two checks in, the same two charged back
    assert net[("4430", "100")] == -(2_500 + 3_500)
    assert net[("2100", "510")] == 2_500 + 3_500  # paid and returned; the fees now owed
    assert [e["action"] for e in audit.events(boss)].count("payment_returned") == 2


def test_a_license_paid_by_a_returned_check_goes_back_to_unpaid(joined, boss):
    james, sid = senior_drawer(joined)
    cart = ring(joined, Cart(), "business_license_new", details=business())
    sold = sales.complete_sale(
        joined, james, sid, cart, [Tender("check", cart.total, "501", "Vista Taqueria")]
    )
    close_exactly(joined, james, sid)
    push(joined)
    got = returns.return_payment(boss, returns.find_tender(boss, sold.receipt_no), "Closed acct")
    assert len(got.licenses_unpaid) == 1
    push(joined)  # the license's new status comes down to the station
    with joined.store.read() as s:
        lic = s.scalar(select(License).where(License.license_no == got.licenses_unpaid[0]))
    assert lic.status == "pending"


def test_cash_cannot_come_back(joined, boss):
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    acct = first_accounts(joined, 1)[0]
    cart = Cart()
    cart.add(
        catalog.price_line(
            joined, "utility_payment", details={"account_no": acct}, amount_text="5.00"
        )
    )
    done = sales.complete_sale(joined, maria, d.session_id, cart, [Tender("cash", cart.total)])
    push(joined)
    with boss.read() as conn:
        tid = conn.execute(
            text("SELECT t.id FROM tender t JOIN sale s ON s.id = t.sale_id WHERE receipt_no = :n"),
            {"n": done.receipt_no},
        ).scalar_one()
    with pytest.raises(StateError, match="Only a check"):
        returns.return_payment(boss, tid, "NSF")
