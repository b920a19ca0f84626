"""The utility late fee (services/utility/late_fee.py): DOMAIN.md's 10% of the past-due balance,
once per bill, after the due date; never typed; waived only by an approved adjustment."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from counterpos.domain.cart import Cart
from counterpos.domain.kinds import EntryType
from counterpos.domain.money import Money
from counterpos.services.errors import InputError
from counterpos.services.sale import catalog
from counterpos.services.utility import late_fee
from counterpos.store.models import LedgerEntry, UtilityAccount
from counterpos.store.rows import ledger_row
from tests.services.counter_visit import TODAY, pay_cash


def a_bill(station, account_no: str, cents: int, due_in_days: int) -> None:
    """The account owes exactly one bill of `cents`, charged 10 days before its due date."""
    due = TODAY + timedelta(days=due_in_days)
    with station.store.write() as s:
        acct = s.scalar(select(UtilityAccount).where(UtilityAccount.account_no == account_no))
        acct.due_date = due
        owed = s.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                LedgerEntry.account_id == acct.id
            )
        )
        charged = datetime.combine(due - timedelta(days=10), time(12))
        for entry_type, amount in ((EntryType.ADJUSTMENT, -owed), (EntryType.CHARGE, cents)):
            s.execute(
                LedgerEntry.__table__.insert(),
                [
                    ledger_row(
                        account_id=acct.id,
                        entry_type=entry_type,
                        amount_cents=amount,
                        memo="test bill",
                        station_code=station.code,
                        created_at=charged,
                    )
                ],
            )


def test_a_payment_on_a_past_due_account_brings_ten_percent_once(
    station, cashier, drawer, billed_account
):
    account_no, _ = billed_account
    a_bill(station, account_no, 18_050, due_in_days=-1)
    owed = late_fee.late_fee_now(station, account_no, TODAY)
    assert (owed.past_due, owed.fee) == (Money(18_050), Money(1_805))  # half a cent rounds up
    lines = catalog.price_lines(
        station, "utility_payment", details={"account_no": account_no}, amount_text="180.50"
    )
    assert [(x.service_code, x.amount.cents) for x in lines] == [
        ("utility_payment", 18_050),
        ("utility_late_fee", 1_805),
    ]
    assert lines[1].parent_id == lines[0].line_id
    pay_cash(station, cashier, drawer.session_id, Cart(lines=list(lines)))
    again = late_fee.late_fee_now(station, account_no, TODAY)
    assert again.fee == Money(0) and "already charged" in again.why
    lines = catalog.price_lines(
        station, "utility_payment", details={"account_no": account_no}, amount_text="10.00"
    )
    assert [x.service_code for x in lines] == ["utility_payment"]  # once per bill


def test_no_late_fee_on_or_before_the_due_date(station, billed_account):
    account_no, _ = billed_account
    a_bill(station, account_no, 5_000, due_in_days=7)
    for day in (TODAY, TODAY + timedelta(days=7)):
        assert late_fee.late_fee_now(station, account_no, day).fee == Money(0)
    assert late_fee.late_fee_now(station, account_no, TODAY + timedelta(days=8)).fee == Money(500)
    lines = catalog.price_lines(
        station, "utility_payment", details={"account_no": account_no}, amount_text="50.00"
    )
    assert [x.service_code for x in lines] == ["utility_payment"]


def test_a_late_fee_cannot_be_typed_or_rung_alone(station, billed_account):
    account_no, _ = billed_account
    a_bill(station, account_no, 5_000, due_in_days=7)  # $999.99 on an account due in a week
    with pytest.raises(InputError, match="rung only with the utility bill payment"):
        catalog.price_line(
            station, "utility_late_fee", details={"account_no": account_no}, amount_text="999.99"
        )


def test_the_fee_is_waived_only_by_another_supervisor_and_then_is_settled(
    station, cashier, supervisor, billed_account
):
    from tests.conftest import login

    account_no, _ = billed_account
    a_bill(station, account_no, 20_000, due_in_days=-3)
    with pytest.raises(InputError, match="Another supervisor"):
        late_fee.waive_late_fee(station, supervisor, supervisor, account_no, "First time", TODAY)
    with pytest.raises(InputError, match="Say why"):
        late_fee.waive_late_fee(station, cashier, supervisor, account_no, "", TODAY)
    waived = late_fee.waive_late_fee(
        station, cashier, supervisor, account_no, "First late payment in years", TODAY
    )
    assert waived.fee == Money(2_000)
    assert late_fee.late_fee_now(station, account_no, TODAY).fee == Money(0)
    with pytest.raises(InputError, match="owes no late fee to waive"):
        late_fee.waive_late_fee(
            station, cashier, login(station, "sofia"), account_no, "Again!", TODAY
        )
