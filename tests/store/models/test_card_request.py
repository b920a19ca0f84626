"""The card_request table (store/models/card_request.py): what it may hold, what it refuses."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from counterpos.domain.pan_guard import CardNumberFound
from counterpos.store.models import CardRequest


def test_no_column_could_hold_card_data(station):
    columns = {c["name"] for c in inspect(station.store.engine).get_columns("card_request")}
    assert {"request_id", "status", "brand", "last4", "approval_code", "terminal_ref"} <= columns
    for forbidden in ("pan", "card_number", "track", "cvv", "cvc", "expiry", "exp_date"):
        assert not any(forbidden in c for c in columns)


@pytest.mark.parametrize("last4", ["12345", "4111111111111111", "12a4"])
def test_last4_holds_four_digits_only(station, cashier, drawer, last4):
    # A card number is refused by the store's guard before the table's own check sees it.
    with pytest.raises((IntegrityError, CardNumberFound)), station.store.write() as s:
        s.add(
            CardRequest(
                station_code="T1",
                session_id=drawer.session_id,
                user_id=cashier.user_id,
                terminal="standalone",
                base_cents=100,
                amount_cents=100,
                last4=last4,
            )
        )
