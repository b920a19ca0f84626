"""Work orders (services/utility/usage/work_orders.py): status steps, a finding to close."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.usage.work_orders import (
    open_work_order,
    open_work_orders,
    update_work_order,
    work_order,
    work_orders_of,
)
from tests.conftest import login


def test_a_work_order_goes_open_assigned_in_progress_closed(station, supervisor, metered):
    account_no = metered.accounts["MV-000001"]
    wo = open_work_order(
        station, supervisor, account_no, "meter_test", "Customer says the meter spins with taps off"
    )
    assert (wo.status, wo.meter_serial, wo.kind_text) == ("open", "MV-000001", "Test the meter")
    assert [w.wo_no for w in open_work_orders(station)] == [wo.wo_no]
    update_work_order(station, supervisor, wo.wo_no, "assigned", note="crew 2")
    update_work_order(station, supervisor, wo.wo_no, "in_progress")
    with pytest.raises(InputError, match="finding"):
        update_work_order(station, supervisor, wo.wo_no, "closed")
    with pytest.raises(InputError, match="repaired"):
        update_work_order(station, supervisor, wo.wo_no, "closed", finding="leak_repaired")
    repaired = local_today() - timedelta(days=2)
    done = update_work_order(
        station, supervisor, wo.wo_no, "closed", finding="leak_repaired", repaired_on=repaired
    )
    assert (done.status, done.finding_text, done.repaired_on, done.leads_to) == (
        "closed",
        "Customer-side leak, repaired",
        repaired,
        "leak",
    )
    with pytest.raises(StateError, match="closed"):
        update_work_order(station, supervisor, wo.wo_no, "assigned")
    assert open_work_orders(station) == []
    assert work_orders_of(station, account_no)[0].wo_no == wo.wo_no
    assert work_order(station, wo.wo_no).leads_to == "leak"


def test_work_orders_refused_plainly(station, supervisor, metered):
    account_no = metered.accounts["MV-000001"]
    with pytest.raises(PermissionDenied):
        open_work_order(station, login(station, "maria"), account_no, "leak_check", "look at it")
    with pytest.raises(InputError, match="Kind"):
        open_work_order(station, supervisor, account_no, "paint", "look at it")
    with pytest.raises(InputError, match="what the crew"):
        open_work_order(station, supervisor, account_no, "leak_check", "")
    wo = open_work_order(station, supervisor, account_no, "leak_check", "High bill")
    update_work_order(station, supervisor, wo.wo_no, "in_progress")
    with pytest.raises(StateError, match="already in progress"):
        update_work_order(station, supervisor, wo.wo_no, "assigned")
    with pytest.raises(InputError, match="when the work order is closed"):
        update_work_order(station, supervisor, wo.wo_no, "in_progress", finding="meter_ok")
