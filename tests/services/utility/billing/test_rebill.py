"""A corrected read (services/utility/billing/rebill.py): reversed and billed again, never edited."""

from __future__ import annotations

import pytest

from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.billing.rebill import correct_read
from counterpos.services.utility.meters.reads import RolloverOrError, reads_of
from tests.conftest import login
from tests.services.utility.desk_support import rows


def test_a_billed_read_corrected_reverses_and_rebills(station, supervisor, billed_year):
    account_no = billed_year.accounts["MV-000004"]
    last = billed_year.values["MV-000004"]
    before = account_bills(station, account_no)[-1]
    ledger_before = rows(station, "SELECT sum(amount_cents) FROM ledger_entry")[0][0]
    result = correct_read(station, supervisor, "MV-000004", last + 20, "read 1188 keyed as 1168")
    assert result.reversed_bill and result.new_bill and result.consumption == 32
    bills = account_bills(station, account_no)
    old = next(b for b in bills if b.bill_no == before.bill_no)
    rev = next(b for b in bills if b.bill_no == result.reversed_bill)
    new = next(b for b in bills if b.bill_no == result.new_bill)
    assert old.reversed_by == rev.bill_no and rev.reverses_no == old.bill_no
    assert rev.total_cents == -old.total_cents
    # 32 HCF: 20.50 + 16.00 + 20 x 2.10 + 2 x 2.90 + 32.00
    assert new.consumption == 32 and new.total_cents == 2050 + 1600 + 4200 + 580 + 3200
    assert new.live and not old.live
    delta = rows(station, "SELECT sum(amount_cents) FROM ledger_entry")[0][0] - ledger_before
    assert delta == new.total_cents - old.total_cents
    replaced = [r for r in reads_of(station, account_no) if r.replaced]
    assert [r.value for r in replaced] == [last]


def test_an_unbilled_read_is_just_replaced(station, supervisor, billed_year):
    from counterpos.services.utility.meters.reads import enter_read

    v = billed_year.values["MV-000005"]
    enter_read(station, supervisor, "MV-000005", v + 11)
    result = correct_read(station, supervisor, "MV-000005", v + 13, "transposed digits")
    assert (result.reversed_bill, result.consumption) == ("", 13)


def test_corrections_that_are_refused(station, supervisor, billed_year):
    v = billed_year.values["MV-000006"]
    with pytest.raises(PermissionDenied):
        correct_read(station, login(station, "james"), "MV-000006", v + 1, "typo in the read")
    with pytest.raises(InputError, match="already on file"):
        correct_read(station, supervisor, "MV-000006", v, "typo in the read")
    with pytest.raises(RolloverOrError):
        correct_read(station, supervisor, "MV-000006", 2, "typo in the read")
    from counterpos.services.utility.meters.inventory import add_meter, install_meter
    from tests.services.utility.desk_support import residential_accounts

    add_meter(station, supervisor, "MV-400000", "5/8", "Badger")
    install_meter(station, supervisor, "MV-400000", residential_accounts(station, 20)[-1], 5)
    with pytest.raises(StateError, match="no read to correct"):
        correct_read(station, supervisor, "MV-400000", 9, "typo in the read")
