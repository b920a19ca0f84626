"""Over-estimate corrections (services/utility/calculated/over_estimate.py): the next actual
read re-prices the estimated bills, through the two-person adjustment."""

from __future__ import annotations

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import StateError
from counterpos.services.utility.billing.runs import billing_run
from counterpos.services.utility.calculated.over_estimate import (
    corrections_due,
    over_estimate_calculation,
    over_estimate_correction,
)
from counterpos.services.utility.meters.reads import enter_read
from tests.conftest import login
from tests.services.utility.desk_support import cycle_of, month_start, read_file


def test_an_actual_read_below_the_estimate_bills_nothing_and_credits_the_estimate(
    station, supervisor, metered
):
    from counterpos.services.utility.meters.read_import import import_reads

    # ten months read at 12 HCF and billed, then a month estimated at the average (12)
    for back in range(12, 2, -1):
        first = month_start(back)
        import_reads(station, supervisor, read_file(metered, first.replace(day=20)), f"r{back}")
        billing_run(station, supervisor, cycle_of(first), bill_date=first.replace(day=25))
    est_month = month_start(2)
    billing_run(
        station,
        supervisor,
        cycle_of(est_month),
        bill_date=est_month.replace(day=25),
        estimate_missing=True,
    )
    last_actual = metered.values["MV-000007"]
    # the next actual read shows only 5 HCF used since the last actual read
    result = enter_read(station, supervisor, "MV-000007", last_actual + 5)
    assert (result.consumption, result.held) == (0, "")
    account_no = metered.accounts["MV-000007"]
    assert (account_no, -(1600 + 420 - 5 * 160)) in corrections_due(station)
    calc = over_estimate_calculation(station, account_no).calculation
    assert calc.amount_cents == -(1600 + 420 - 5 * 160)
    done = over_estimate_correction(station, login(station, "james"), supervisor, account_no)
    assert done.calc_no
    with pytest.raises(StateError):
        over_estimate_calculation(station, account_no)
    assert all(a != account_no for a, _ in corrections_due(station))
    assert local_today()
