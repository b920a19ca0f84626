"""Locking the idle till (services/access/screen_lock.py): only the same PIN unlocks it."""

from __future__ import annotations

import pytest

from counterpos.services.access import screen_lock
from counterpos.services.errors import AuthError


def test_unlock_needs_the_right_pin(station, cashier):
    with pytest.raises(AuthError, match="PIN"):
        screen_lock.unlock(station, cashier, "")
    with pytest.raises(AuthError):
        screen_lock.unlock(station, cashier, "9999")
    assert screen_lock.unlock(station, cashier, "1111").username == "maria"
    assert screen_lock.idle_minutes(station) == 5
