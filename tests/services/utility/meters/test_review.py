"""Held reads (services/utility/meters/review.py): accept, rollover, reject; a high read's notice."""

from __future__ import annotations

import pytest

from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.meters.reads import enter_read
from counterpos.services.utility.meters.review import held_reads, review_read
from counterpos.services.utility.notices.record import notices_of
from counterpos.services.utility.usage.work_orders import work_orders_of
from tests.conftest import login


def test_held_reads_are_listed_and_decided(station, supervisor, billed_year):
    v = billed_year.values
    high = enter_read(station, supervisor, "MV-000002", v["MV-000002"] + 45)
    low = enter_read(station, supervisor, "MV-000003", v["MV-000003"] + 1)
    below = enter_read(station, supervisor, "MV-000004", 2, rollover=True)  # held: far too high
    held = {h.serial: h for h in held_reads(station)}
    assert set(held) == {"MV-000002", "MV-000003", "MV-000004"}
    assert held["MV-000002"].reason_text == "above the account's normal use"
    assert held["MV-000002"].previous == v["MV-000002"]
    with pytest.raises(PermissionDenied):
        review_read(station, login(station, "james"), high.read_id, "accept")
    with pytest.raises(InputError, match="why"):
        review_read(station, supervisor, low.read_id, "reject")
    review_read(station, supervisor, low.read_id, "reject", "misread by the handheld")
    review_read(station, supervisor, below.read_id, "reject", "dial misread, read again")
    result = review_read(station, supervisor, high.read_id, "accept")
    assert result.notice_no and result.work_order_no
    with pytest.raises(StateError, match="already been reviewed"):
        review_read(station, supervisor, high.read_id, "accept")
    assert held_reads(station) == []
    account_no = billed_year.accounts["MV-000002"]
    notice = notices_of(station, account_no)[0]
    assert notice.kind == "usage" and notice.details["consumption"] == 45
    assert notice.details["work_order_no"] == result.work_order_no
    wo = work_orders_of(station, account_no)[0]
    assert (wo.wo_no, wo.kind, wo.status) == (result.work_order_no, "leak_check", "open")
    assert "45 HCF against a 12-month average of 12.00 HCF" in wo.reason


def test_a_file_read_below_the_previous_is_a_rollover_or_an_error(station, supervisor, billed_year):
    from counterpos.services.clock import local_today
    from counterpos.services.utility.meters.read_import import import_reads

    data = f"meter_serial,read_date,reading\nMV-000006,{local_today()},5\n".encode()
    import_reads(station, supervisor, data)
    held = held_reads(station)[0]
    assert (held.reason, held.consumption) == ("below_previous", None)
    with pytest.raises(InputError, match="rollover or an error"):
        review_read(station, supervisor, held.read_id, "accept")
    result = review_read(station, supervisor, held.read_id, "rollover")
    assert result.consumption == 10000 - billed_year.values["MV-000006"] + 5
