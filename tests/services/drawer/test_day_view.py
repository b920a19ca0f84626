"""The day view lists every session of the date, open or closed, with its over/short."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.clock import local_today
from counterpos.services.drawer import close, day_view
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import PermissionDenied
from tests.conftest import login
from tests.sale_helpers import cash, ring


def test_day_view(station, cashier, drawer):
    ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount({"bill_100": 1, "bill_5": 2, "coin_25": 1}),
    )
    james = login(station, "james")
    sessions.open_session(station, james, {"bill_20": 5})
    sofia = login(station, "sofia")
    rows = day_view.sessions_on(station, sofia, local_today())
    assert [(r.cashier.split()[0], r.status) for r in rows] == [
        ("Maria", "closed"),
        ("James", "open"),
    ]
    assert (
        rows[0].over_short == Money(25) and rows[0].sales == 1 and rows[0].collected == Money(1_000)
    )
    assert rows[1].over_short is None
    assert day_view.sessions_on(station, sofia, local_today() - timedelta(days=1)) == []
    with pytest.raises(PermissionDenied):
        day_view.sessions_on(station, cashier, local_today())
