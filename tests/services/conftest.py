"""Fixtures the service tests share beyond tests/conftest.py."""

from __future__ import annotations

import pytest

from counterpos.services import sessions


@pytest.fixture
def supervisor_drawer(station, supervisor):
    """Sofia's own open drawer session, with a $100 bill for its float."""
    return sessions.open_session(station, supervisor, {"bill_100": 1})
