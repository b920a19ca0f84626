"""Reading the audit trail (services/audit_log.py): a supervisor's filtered list of events."""

from __future__ import annotations

import pytest

from counterpos.services import audit_log
from tests.conftest import login


def test_list_filters_and_needs_a_supervisor(busy_station, cashier):
    from counterpos.services.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        audit_log.list_events(busy_station, cashier)
    sofia = login(busy_station, "sofia")
    sales = audit_log.list_events(busy_station, sofia, action="sale")
    assert [e.action for e in sales] == ["sale"] * 3
    assert sales[0].seq > sales[-1].seq
    mine = audit_log.list_events(busy_station, sofia, user="maria")
    assert {"login", "session_open", "sale"} <= {e.action for e in mine}
    from counterpos.services.clock import local_today

    assert audit_log.list_events(busy_station, sofia, since=local_today(), action="sale")
    from datetime import timedelta

    assert not audit_log.list_events(busy_station, sofia, until=local_today() - timedelta(days=1))


def test_the_actions_on_record_are_listed_once_each(busy_station):
    listed = audit_log.actions(busy_station)
    assert listed == sorted(set(listed))
    assert {"login", "session_open", "sale"} <= set(listed)


def test_the_ends_of_the_calendar_list_everything_or_nothing(busy_station, supervisor):
    from datetime import date

    every = audit_log.list_events(busy_station, supervisor, since=date.min, until=date.max)
    assert every and every == audit_log.list_events(busy_station, supervisor)
    assert audit_log.list_events(busy_station, supervisor, since=date.max) == []
    assert audit_log.list_events(busy_station, supervisor, until=date(1, 1, 1)) == []
