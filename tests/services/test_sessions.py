"""Drawer sessions (services/sessions.py): one open drawer per cashier, its float counted."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import InputError, StateError
from tests.conftest import audit_events, login


def test_a_drawer_opens_with_its_counted_float_and_is_the_cashiers_own(station, cashier):
    assert sessions.current_session(station, cashier) is None
    opened = sessions.open_session(station, cashier, {"bill_20": 4, "coin_25": 8, "bill_5": 0})
    assert (opened.opening_float, opened.kind, opened.username) == (
        Money(8_200),
        "regular",
        "maria",
    )
    assert sessions.current_session(station, cashier) == opened
    assert sessions.current_session(station, login(station, "james")) is None
    [event] = audit_events(station, "session_open")
    assert (event.actor, event.target, event.details) == (
        "maria",
        opened.session_id,
        {"float_cents": 8_200},
    )


def test_one_open_drawer_at_a_time_and_a_new_one_after_the_close(station, cashier, drawer):
    with pytest.raises(StateError, match="already have an open drawer"):
        sessions.open_session(station, cashier, {"bill_20": 5})
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount({"bill_20": 4, "bill_10": 1, "bill_1": 5, "coin_25": 20}),
    )
    assert sessions.current_session(station, cashier) is None
    again = sessions.open_session(station, cashier, {"bill_20": 5})
    assert again.session_id != drawer.session_id
    assert sessions.current_session(station, cashier).session_id == again.session_id


@pytest.mark.parametrize("counts", [{"bill_20": -1}, {"bill_3": 2}])
def test_a_float_that_is_no_count_is_refused(station, cashier, counts):
    with pytest.raises(InputError) as err:
        sessions.open_session(station, cashier, counts)
    assert err.value.field == "count"
    assert sessions.current_session(station, cashier) is None
