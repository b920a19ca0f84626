"""Delinquency tests start from six metered accounts billed for the last four months, unpaid."""

from __future__ import annotations

import pytest

from tests.services.utility.desk_support import overdue_city


@pytest.fixture
def overdue(station, supervisor):
    """(city, the oldest bill of MV-000001's account): four months billed up to last month
    but one, so every bill is past due on any day of the month; nothing paid."""
    return overdue_city(station, supervisor)
