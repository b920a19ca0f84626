"""The billing run (services/utility/billing/runs.py): bills from reads and the rates in effect."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.accounts import account_ledger
from counterpos.services.utility.billing.bills import account_bills, register
from counterpos.services.utility.billing.runs import billing_run, reverse_run, runs
from counterpos.services.utility.meters.read_import import import_reads
from counterpos.services.utility.meters.reads import enter_read
from counterpos.services.utility.meters.review import review_read
from tests.conftest import audit_events, login
from tests.services.utility.desk_support import cycle_of, month_start, read_file, rows


def this_cycle():
    return cycle_of(local_today())


def test_a_year_of_bills_priced_by_domains_rates(station, billed_year):
    account_no = billed_year.accounts["MV-000001"]
    bills = account_bills(station, account_no)
    assert len(bills) == 12
    b = bills[-1]
    # 12 HCF: base 20.50 + 10 x 1.60 + 2 x 2.10 + sewer 32.00
    assert (b.consumption, b.total_cents, b.meter_size) == (12, 2050 + 1600 + 420 + 3200, "5/8")
    assert b.due_date == b.bill_date + timedelta(days=21)
    ledger = account_ledger(station, account_no)
    charges = [e for e in ledger.entries if e.entry_type == "charge" and "bill" in e.memo.lower()]
    assert [e.amount.cents for e in charges[-12:]] == [7270] * 12
    with station.store.read() as s:
        due = s.execute(
            text("SELECT due_date FROM utility_account WHERE account_no = :a"), {"a": account_no}
        ).scalar()
    assert str(due) == b.due_date.isoformat()


def test_a_cycle_already_billed_is_refused_unless_reversed(station, supervisor, billed_year):
    last = cycle_of(month_start(1))
    with pytest.raises(StateError, match=f"Cycle {last} is already billed"):
        billing_run(station, supervisor, last, bill_date=local_today())
    with pytest.raises(StateError, match="already billed"):
        billing_run(station, supervisor, last, route="R01")
    run_no = runs(station, last)[-1].run_no
    with pytest.raises(InputError, match="why"):
        reverse_run(station, supervisor, run_no, "no")
    before = rows(station, "SELECT sum(amount_cents) FROM ledger_entry")[0][0]
    rev = reverse_run(station, supervisor, run_no, "wrong rates loaded")
    assert rev.bills == 12 and rev.total_cents == -12 * 7270
    assert rows(station, "SELECT sum(amount_cents) FROM ledger_entry")[0][0] == before - 12 * 7270
    with pytest.raises(StateError, match="already reversed"):
        reverse_run(station, supervisor, run_no, "wrong rates loaded")
    again = billing_run(station, supervisor, last, bill_date=local_today())
    assert again.bills == 12
    reg = register(station, last)
    assert reg.count == 12 and len(reg.bills) == 36 and reg.total_cents == 12 * 7270
    assert dict(reg.by_gl) == {"4401": 12 * 4070, "4450": 12 * 3200}
    assert [e.target for e in audit_events(station, "billing_run_reversed")] == [run_no]


def test_held_reads_keep_accounts_out_until_reviewed(station, supervisor, billed_year):
    v = billed_year.values
    for serial in billed_year.serials:
        used = 60 if serial == "MV-000003" else 12
        enter_read(station, supervisor, serial, v[serial] + used)
    result = billing_run(station, supervisor, this_cycle(), route="R01")
    assert result.bills == 11 and result.held == ((billed_year.accounts["MV-000003"], "high"),)
    with pytest.raises(StateError, match="already billed"):
        billing_run(station, supervisor, this_cycle(), route="R01")


def test_accounts_without_a_read_are_listed_or_estimated(station, supervisor, billed_year):
    v = billed_year.values
    for serial in billed_year.serials[:10]:
        enter_read(station, supervisor, serial, v[serial] + 12)
    listed = billing_run(station, supervisor, this_cycle())
    assert listed.bills == 10 and len(listed.no_read) == 2
    reverse_run(station, supervisor, listed.run_no, "estimate the missing reads")
    est = billing_run(station, supervisor, this_cycle(), estimate_missing=True)
    assert (est.bills, est.estimated, est.no_read) == (12, 2, ())
    marked = [b for b in account_bills(station, billed_year.accounts["MV-000011"]) if b.live][-1]
    assert marked.estimated and marked.consumption == 12


def test_a_run_is_refused_plainly(station, supervisor, metered):
    with pytest.raises(PermissionDenied):
        billing_run(station, login(station, "james"), this_cycle())
    with pytest.raises(InputError, match="not a billing cycle"):
        billing_run(station, supervisor, "2026-13")
    with pytest.raises(InputError, match="future"):
        billing_run(station, supervisor, this_cycle(), bill_date=local_today() + timedelta(days=1))
    with pytest.raises(StateError, match="Nothing to bill"):
        billing_run(station, supervisor, this_cycle())
    assert rows(station, "SELECT count(*) FROM bill") == [(0,)]


def test_a_swap_month_bills_both_meters(station, supervisor, billed_year):
    from counterpos.services.utility.meters.inventory import add_meter, swap_meter

    account_no = billed_year.accounts["MV-000001"]
    add_meter(station, supervisor, "MV-300001", "1", "Sensus")
    on = local_today().replace(day=1)
    swap_meter(
        station, supervisor, account_no, billed_year.values["MV-000001"] + 5, "MV-300001", 0, on=on
    )
    enter_read(station, supervisor, "MV-300001", 9)
    for serial in billed_year.serials[1:]:
        enter_read(station, supervisor, serial, billed_year.values[serial] + 12)
    billing_run(station, supervisor, this_cycle())
    b = account_bills(station, account_no)[-1]
    assert b.consumption == 14 and b.meter_size == "1" and len(b.read_ids) == 2
    assert b.lines[0].cents == 3020  # a 1" meter's base charge


def test_a_rejected_read_is_not_billed(station, supervisor, billed_year):
    v = billed_year.values
    data = read_file(billed_year, local_today(), {"MV-000002": 80})
    import_reads(station, supervisor, data, "x.txt")
    held = rows(station, "SELECT id FROM meter_read WHERE review = 'high'")[0][0]
    review_read(station, supervisor, held, "reject", "dial misread")
    result = billing_run(station, supervisor, this_cycle())
    assert result.bills == 11
    assert v  # the city kept its values
