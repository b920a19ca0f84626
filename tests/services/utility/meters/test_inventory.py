"""The meter inventory (services/utility/meters/inventory.py): enter, install, swap, retire."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, PermissionDenied, StateError
from counterpos.services.utility.meters.inventory import (
    add_meter,
    install_meter,
    inventory,
    meter,
    meters_of,
    retire_meter,
    swap_meter,
)
from counterpos.services.utility.meters.reads import reads_of
from tests.conftest import audit_events, login
from tests.services.utility.desk_support import residential_accounts, rows


def test_a_new_meter_is_in_stock_until_installed(station, supervisor):
    m = add_meter(station, supervisor, "mv-100200", "3/4", "Neptune", "T-10", dials=5)
    assert (m.serial, m.status, m.size, m.dials) == ("MV-100200", "in_stock", "3/4", 5)
    account_no = residential_accounts(station, 1)[0]
    on = local_today() - timedelta(days=3)
    m = install_meter(
        station,
        supervisor,
        "MV-100200",
        account_no,
        123,
        on=on,
        location="side yard",
        route="r2",
        route_seq=40,
    )
    assert (m.status, m.account_no, m.route, m.route_seq, m.last_value) == (
        "installed",
        account_no,
        "R2",
        40,
        123,
    )
    assert [x.serial for x in meters_of(station, account_no)] == ["MV-100200"]
    assert reads_of(station, account_no)[0].kind == "first"
    assert [e.target for e in audit_events(station, "meter_added", "meter_installed")] == [
        "MV-100200"
    ] * 2


def test_bad_meters_and_installs_are_refused_plainly(station, supervisor):
    cashier = login(station, "maria")
    with pytest.raises(PermissionDenied):
        add_meter(station, cashier, "MV-1", "5/8", "Badger")
    with pytest.raises(InputError, match="Size: one of 5/8, 3/4, 1, 1.5, 2"):
        add_meter(station, supervisor, "MV-100", "4", "Badger")
    with pytest.raises(InputError, match="serial"):
        add_meter(station, supervisor, "M", "5/8", "Badger")
    with pytest.raises(InputError, match="make"):
        add_meter(station, supervisor, "MV-100", "5/8", " ")
    with pytest.raises(InputError, match="1 to 9 dials"):
        add_meter(station, supervisor, "MV-100", "5/8", "Badger", dials=12)
    add_meter(station, supervisor, "MV-100", "5/8", "Badger")
    with pytest.raises(InputError, match="already in the inventory"):
        add_meter(station, supervisor, "mv-100", "5/8", "Badger")
    a, b = residential_accounts(station, 2)
    with pytest.raises(NotFound):
        install_meter(station, supervisor, "MV-999", a, 0)
    with pytest.raises(InputError, match="fit a meter with 4 dials"):
        install_meter(station, supervisor, "MV-100", a, 10000)
    install_meter(station, supervisor, "MV-100", a, 0)
    with pytest.raises(StateError, match="installed; it cannot be installed"):
        install_meter(station, supervisor, "MV-100", b, 0)
    add_meter(station, supervisor, "MV-101", "5/8", "Badger")
    with pytest.raises(StateError, match="already has a meter"):
        install_meter(station, supervisor, "MV-101", a, 0)
    assert rows(station, "SELECT count(*) FROM meter_read")[0][0] == 1


def test_a_swap_records_the_final_and_the_first_read_at_once(station, supervisor, metered):
    account_no = metered.accounts["MV-000001"]
    add_meter(station, supervisor, "MV-200001", "5/8", "Sensus")
    result = swap_meter(
        station, supervisor, account_no, 1031, "MV-200001", 0, note="stuck register"
    )
    assert (result.old_serial, result.final_consumption, result.new_serial) == (
        "MV-000001",
        30,
        "MV-200001",
    )
    assert meter(station, "MV-000001").status == "removed"
    assert [m.serial for m in meters_of(station, account_no)] == ["MV-200001"]
    kinds = [(r.serial, r.kind, r.value, r.consumption) for r in reads_of(station, account_no)[:2]]
    assert ("MV-000001", "final", 1031, 30) in kinds and ("MV-200001", "first", 0, 0) in kinds
    new = meter(station, "MV-200001")
    assert (new.route, new.route_seq, new.location) == ("R01", 10, "front curb")
    # the removed meter can be retired; an installed one cannot
    with pytest.raises(StateError):
        retire_meter(station, supervisor, "MV-200001", "scrapped after test")
    assert (
        retire_meter(station, supervisor, "MV-000001", "failed the bench test").status == "retired"
    )
    assert {m.serial for m in inventory(station, "retired")} == {"MV-000001"}


def test_a_swap_below_the_last_read_asks_about_rollover_and_changes_nothing(
    station, supervisor, metered
):
    account_no = metered.accounts["MV-000002"]
    add_meter(station, supervisor, "MV-200002", "5/8", "Sensus")
    before = rows(station, "SELECT count(*) FROM meter_read")
    with pytest.raises(InputError, match="rolled over"):
        swap_meter(station, supervisor, account_no, 5, "MV-200002", 0)
    assert rows(station, "SELECT count(*) FROM meter_read") == before
    assert meter(station, "MV-000002").status == "installed"
    result = swap_meter(station, supervisor, account_no, 5, "MV-200002", 0, rollover=True)
    assert result.final_consumption == 10000 - 1002 + 5


def test_meter_rows_are_history(station, supervisor, metered):
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    for sql in (
        "UPDATE meter SET size = '2'",
        "DELETE FROM meter_event",
        "UPDATE meter_read SET value = 0",
    ):
        with pytest.raises(DBAPIError, match="append-only"), station.store.write() as s:
            s.execute(text(sql))
    # and every row went to the outbox with its write
    counts = rows(
        station,
        "SELECT table_name, count(*) FROM outbox WHERE table_name IN ('meter', 'meter_event', 'meter_read') "
        "GROUP BY table_name ORDER BY table_name",
    )
    assert counts == [("meter", 12), ("meter_event", 12), ("meter_read", 12)]
