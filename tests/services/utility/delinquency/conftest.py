"""Delinquency tests start from six metered accounts billed for the last four months, unpaid."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.utility.billing.bills import account_bills
from tests.services.utility.desk_support import a_year_of_bills, meter_up


@pytest.fixture
def overdue(station, supervisor):
    """(city, the oldest bill of MV-000001's account): four months billed up to last month
    but one, so every bill is past due on any day of the month; nothing paid."""
    city = meter_up(station, supervisor, n=6, months=6)
    a_year_of_bills(station, supervisor, city, months=4, until=2)
    first = account_bills(station, city.accounts["MV-000001"])[0]
    assert first.due_date == first.bill_date + timedelta(days=21)
    return city, first
