"""The late fee (services/utility/delinquency/late_fees.py): by rule, once per bill, after its
due date, on the past-due balance at the end of that day."""

from __future__ import annotations

from datetime import timedelta

from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.delinquency.run import delinquency_run
from tests.services.utility.desk_support import rows


def test_ten_percent_of_the_past_due_balance_once_per_bill(station, supervisor, overdue):
    city, first = overdue
    account_no = city.accounts["MV-000001"]
    before_due = delinquency_run(station, supervisor, on=first.due_date)
    assert before_due.late_fees == 0  # on the due date itself nothing is late yet
    day_after = delinquency_run(station, supervisor, on=first.due_date + timedelta(days=1))
    assert day_after.late_fees == 6 and day_after.late_fee_cents == 6 * 727
    again = delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
    assert again.late_fees == 0
    bills = account_bills(station, account_no)
    assert [b.penalty_cents for b in bills] == [727, 0, 0, 0]
    penalty = rows(
        station,
        "SELECT p.past_due_cents, p.percent, l.entry_type, l.amount_cents, l.memo FROM bill_penalty p "
        "JOIN ledger_entry l ON l.id = p.ledger_entry_id JOIN bill b ON b.id = p.bill_id "
        "WHERE b.bill_no = :n",
        n=first.bill_no,
    )
    assert penalty == [
        (7270, "10", "penalty", 727, f"Late fee on bill {first.bill_no}: 10% of $72.70 past due")
    ]


def test_the_next_bill_s_fee_counts_the_arrears_and_not_the_fee_twice(station, supervisor, overdue):
    city, first = overdue
    second = account_bills(station, city.accounts["MV-000002"])[1]
    delinquency_run(station, supervisor, on=second.due_date + timedelta(days=1))
    fees = rows(
        station,
        "SELECT b.bill_no, p.past_due_cents, p.cents FROM bill_penalty p JOIN bill b ON b.id = p.bill_id "
        "WHERE b.account_id = (SELECT account_id FROM bill WHERE bill_no = :n) ORDER BY b.bill_date",
        n=second.bill_no,
    )
    # the first bill's fee: $72.70 past due; the second's: both bills ($145.40), fee on fees not counted
    # because the first fee was charged only in this run, after the second due date's end
    assert [f[1:] for f in fees] == [(7270, 727), (14540, 1454)]


def test_a_late_fee_taken_at_the_counter_is_the_bill_s_one_late_fee(
    station, cashier, drawer, supervisor, overdue
):
    """Issue 14's counter fee and issue 18's delinquency run charge the same fee: whichever
    comes first is the bill's one late fee, and the other does not charge it again."""
    from counterpos.domain.cart import Cart
    from counterpos.services.clock import local_today
    from counterpos.services.sale import catalog
    from counterpos.services.utility import late_fee
    from tests.services.counter_visit import pay_cash

    city, _ = overdue
    today = local_today()
    paid_here = city.accounts["MV-000001"]
    last = account_bills(station, paid_here)[-1]
    owed = late_fee.late_fee_now(station, paid_here, today)
    assert owed.bill_due == last.due_date < today and owed.fee.cents > 0
    lines = catalog.price_lines(
        station, "utility_payment", details={"account_no": paid_here}, amount_text="10.00"
    )
    assert [x.service_code for x in lines] == ["utility_payment", "utility_late_fee"]
    pay_cash(station, cashier, drawer.session_id, Cart(lines=list(lines)))
    assert account_bills(station, paid_here)[-1].penalty_cents == owed.fee.cents
    delinquency_run(station, supervisor, on=today)
    assert account_bills(station, paid_here)[-1].penalty_cents == owed.fee.cents
    again = rows(
        station,
        "SELECT count(*) FROM ledger_entry WHERE memo LIKE :m",
        m=f"Late fee on bill {last.bill_no}:%",
    )
    assert again == [(0,)]
    # The run came first for the other accounts: the counter finds their fee charged.
    other = city.accounts["MV-000002"]
    assert account_bills(station, other)[-1].penalty_cents > 0
    assert late_fee.late_fee_now(station, other, today).fee.cents == 0
