"""Fixtures the service tests share beyond tests/conftest.py."""

from __future__ import annotations

import pytest

from counterpos.services import audit_log, sessions
from tests.sale_helpers import cash, ring


@pytest.fixture
def supervisor_drawer(station, supervisor):
    """Sofia's own open drawer session, with a $100 bill for its float."""
    return sessions.open_session(station, supervisor, {"bill_100": 1})


@pytest.fixture
def busy_station(station, cashier, drawer):
    """The station after three cash sales, its audit chain checked whole."""
    for cents in (1_000, 2_000, 3_000):
        ring(station, cashier, drawer.session_id, cents, cash(cents))
    assert audit_log.verify(station).ok
    return station
