"""The command tests run `counterpos` on a real station's folder, often after a closed day."""

from __future__ import annotations

import pytest

from counterpos.services.drawer import close
from counterpos.services.drawer.close import ClosingCount
from tests.sale_helpers import cash, check, ring


@pytest.fixture
def closed(station, cashier, drawer, approval):
    """The cashier's session, closed $7.00 short with Sofia's approval: a $20.00 cash sale and a
    $33.00 check; its id."""
    ring(station, cashier, drawer.session_id, 2_000, cash(2_000))
    ring(station, cashier, drawer.session_id, 3_300, check(3_300, "501", "Ann Lee"))
    sheet = close.closing_sheet(station, cashier, drawer.session_id)
    close.close_session(
        station,
        cashier,
        drawer.session_id,
        ClosingCount(
            {"bill_100": 1, "bill_10": 1, "bill_1": 3}, frozenset(i.tender_id for i in sheet.items)
        ),
        approval=approval(cashier, "accept_over_short"),
        note="Short seven",
    )
    return drawer.session_id


@pytest.fixture
def signed(monkeypatch):
    """`signed("sofia")` gives `["--user", "sofia"]` and puts her PIN in $COUNTERPOS_PIN, as a
    command run at the station would get it."""
    from tests.conftest import PINS

    def sign(username: str) -> list[str]:
        monkeypatch.setenv("COUNTERPOS_PIN", PINS[username])
        return ["--user", username]

    return sign
