"""Animal tag stock (services/counter/tag_inventory.py): blocks per station, no number twice."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services import sessions
from counterpos.services.counter import tag_inventory
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.station import DB_FILE, Station
from counterpos.store.models import TagBlock, TagMovement
from tests.conftest import login
from tests.services.counter_visit import TODAY, dog, pay_cash, ring


def test_two_offline_stations_never_issue_the_same_tag(template_home, tmp_path):
    stations = []
    for code, first, last in (("EAST", 1, 40), ("WEST", 41, 80)):
        home = tmp_path / code
        home.mkdir()
        shutil.copy(template_home / DB_FILE, home / DB_FILE)  # two separate store files
        st = Station.open(home)
        st.set_code(code, f"{code} counter")
        # No central database: a supervisor hands each store its own block.
        tag_inventory.assign_block(st, login(st, "sofia"), code, TODAY.year, first, last)
        stations.append(st)
    issued: dict[str, list[str]] = {}
    try:
        for st in stations:
            maria = login(st, "maria")
            drawer = sessions.open_session(st, maria, {"bill_20": 5})
            for n in range(12):
                cart = ring(st, Cart(), "animal_license", details=dog(animal_name=f"Dog {n}"))
                if n % 4 == 0:  # some visits license two animals
                    ring(
                        st,
                        cart,
                        "animal_license",
                        details=dog(animal_name=f"Cat {n}", species="cat"),
                    )
                pay_cash(st, maria, drawer.session_id, cart)
            with st.store.read() as s:
                issued[st.code] = [
                    tag_inventory.format_tag(m.year, m.number)
                    for m in s.scalars(
                        select(TagMovement).where(
                            TagMovement.kind == "issue", TagMovement.sale_line_id.is_not(None)
                        )
                    )
                ]
    finally:
        for st in stations:
            st.close()
    east, west = issued["EAST"], issued["WEST"]
    assert len(east) == len(west) == 15
    assert len(set(east)) == len(east) and len(set(west)) == len(west)
    assert not set(east) & set(west)
    assert all(1 <= int(t.split("-")[1]) <= 40 for t in east)
    assert all(41 <= int(t.split("-")[1]) <= 80 for t in west)


def test_block_runs_out_with_a_plain_message(station, cashier, drawer, supervisor):
    tag_inventory.assign_block(station, supervisor, station.code, TODAY.year, 7, 7)
    pay_cash(
        station, cashier, drawer.session_id, ring(station, Cart(), "animal_license", details=dog())
    )
    with pytest.raises(StateError, match="issued every .* tag of its blocks"):
        pay_cash(
            station,
            cashier,
            drawer.session_id,
            ring(station, Cart(), "animal_license", details=dog()),
        )


def test_overlapping_blocks_are_refused(station, supervisor):
    tag_inventory.assign_block(station, supervisor, "CH1", TODAY.year, 1, 100)
    with pytest.raises(InputError, match="already belong to CH1"):
        tag_inventory.assign_block(station, supervisor, "CH2", TODAY.year, 100, 200)
    tag_inventory.assign_block(station, supervisor, "CH2", TODAY.year, 101, 200)
    tag_inventory.assign_block(station, supervisor, "CH2", TODAY.year + 1, 1, 100)
    assert [
        (b.station_code, b.first_no) for b in tag_inventory.list_blocks(station, TODAY.year)
    ] == [("CH1", 1), ("CH2", 101)]


@pytest.mark.parametrize(("first", "last"), [(0, 10), (10, 9), (1, 10_000_000)])
def test_bad_block_numbers(station, supervisor, first, last):
    with pytest.raises(InputError):
        tag_inventory.assign_block(station, supervisor, "CH1", TODAY.year, first, last)


def test_only_a_supervisor_assigns_blocks(station, cashier):
    with pytest.raises(PermissionDenied):
        tag_inventory.assign_block(station, cashier, "CH1", TODAY.year, 1, 10)


OPS = st.lists(
    st.one_of(
        st.just(("issue", 0)),
        st.tuples(st.just("return"), st.integers(0, 50)),
        st.tuples(st.just("lost"), st.integers(0, 50)),
    ),
    max_size=30,
)


_years = count(2100)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(OPS)
def test_next_tag_never_hands_out_a_tag_that_is_out(station, ops):
    year = next(_years)  # a fresh year per example in the same store
    first, last = 10, 24
    clock = datetime(2026, 1, 1)
    out: list[int] = []
    in_stock: set[int] = set()  # returned and not issued again
    used_up = set()  # lost: never again
    highest = first - 1
    with station.store.write() as s:
        s.add(TagBlock(year=year, station_code="T1", first_no=first, last_no=last))
        for op, pick in ops:
            clock += timedelta(seconds=1)
            if op == "issue":
                expected = min(in_stock) if in_stock else highest + 1
                if expected > last:
                    with pytest.raises(StateError):
                        tag_inventory.next_tag(s, "T1", year)
                    continue
                number = tag_inventory.next_tag(s, "T1", year)
                assert number == expected and number not in out and number not in used_up
                out.append(number)
                in_stock.discard(number)
                highest = max(highest, number)
                kind = "issue"
            elif out:
                number = out.pop(pick % len(out))
                kind = op
                (in_stock if op == "return" else used_up).add(number)
            else:
                continue
            s.add(
                TagMovement(
                    year=year, number=number, station_code="T1", kind=kind, created_at=clock
                )
            )
            s.flush()
