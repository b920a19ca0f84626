"""A property of the tag stock: the next tag is never one that is out, and is the lowest free."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterpos.services.counter import tag_inventory
from counterpos.services.errors import StateError
from counterpos.store.models import TagBlock, TagMovement

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
