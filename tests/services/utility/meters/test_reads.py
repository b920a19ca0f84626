"""Reads in route order (services/utility/meters/reads.py): next meter, rollover or error, held."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.meters.inventory import add_meter
from counterpos.services.utility.meters.reads import (
    RolloverOrError,
    enter_read,
    reads_of,
    route_sheet,
    routes,
)
from tests.conftest import login
from tests.services.utility.desk_support import rows


def test_the_route_sheet_lists_meters_in_route_order_with_their_last_read(station, billed_year):
    assert routes(station) == [("R01", 12)]
    sheet = route_sheet(station, "r01")
    assert [s.serial for s in sheet] == [f"MV-{i:06d}" for i in range(1, 13)]
    first = sheet[0]
    assert first.last_value == billed_year.values["MV-000001"]
    # a year of 12 HCF a month: 6..18 HCF is normal
    assert (first.expected_low, first.expected_high) == (
        first.last_value + 6,
        first.last_value + 18,
    )
    assert first.read_value is None


def test_keyed_reads_move_down_the_route(station, supervisor, billed_year):
    last = billed_year.values["MV-000001"]
    result = enter_read(station, supervisor, "MV-000001", last + 11)
    assert (result.consumption, result.held) == (11, "")
    sheet = route_sheet(station, "R01")
    assert sheet[0].read_value == last + 11 and sheet[0].last_value == last
    assert sheet[1].read_value is None
    with pytest.raises(InputError, match="already has a read"):
        enter_read(station, supervisor, "MV-000001", last + 12)


def test_a_read_outside_the_normal_range_is_held_and_an_estimate_is_marked(
    station, supervisor, billed_year
):
    v = billed_year.values
    high = enter_read(station, supervisor, "MV-000002", v["MV-000002"] + 40)
    assert high.held == "high" and "held for review" in high.message
    low = enter_read(station, supervisor, "MV-000003", v["MV-000003"] + 2)
    assert low.held == "low"
    est = enter_read(station, supervisor, "MV-000004", v["MV-000004"] + 40, estimated=True)
    assert (est.kind, est.held) == ("estimated", "")
    assert route_sheet(station, "R01")[1].held == "high"


def test_below_the_previous_read_asks_and_saves_nothing_until_answered(
    station, supervisor, billed_year
):
    before = rows(station, "SELECT count(*) FROM meter_read")
    with pytest.raises(RolloverOrError) as asked:
        enter_read(station, supervisor, "MV-000005", 3)
    assert (
        asked.value.field == "rollover" and asked.value.previous == billed_year.values["MV-000005"]
    )
    assert rows(station, "SELECT count(*) FROM meter_read") == before
    with pytest.raises(InputError, match="below the previous"):
        enter_read(station, supervisor, "MV-000005", 3, rollover=False)
    rolled = enter_read(station, supervisor, "MV-000005", 3, rollover=True)
    assert rolled.consumption == 10000 - billed_year.values["MV-000005"] + 3
    assert rolled.held == "high"  # thousands of HCF is far above the account's normal use


def test_reads_that_cannot_be_taken(station, supervisor, billed_year):
    with pytest.raises(PermissionDenied):
        enter_read(station, login(station, "maria"), "MV-000001", 1)
    with pytest.raises(InputError, match="future"):
        enter_read(
            station, supervisor, "MV-000001", 9999, read_on=local_today() + timedelta(days=1)
        )
    with pytest.raises(InputError, match="earlier"):
        enter_read(
            station, supervisor, "MV-000001", 9999, read_on=local_today() - timedelta(days=60)
        )
    add_meter(station, supervisor, "MV-777777", "5/8", "Badger")
    with pytest.raises(StateError, match="not installed"):
        enter_read(station, supervisor, "MV-777777", 5)
    account = billed_year.accounts["MV-000006"]
    assert all(r.kind in ("actual", "first") for r in reads_of(station, account))
