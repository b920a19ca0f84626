"""Utility account tests start from the demo city's accounts."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services.sale import catalog, customers
from counterpos.store.models import UtilityAccount
from tests.services.counter_visit import days


def an_account(station, with_balance=True):
    """The first demo account, by number, that owes money (or does not): (number, cents due)."""
    with station.store.read() as s:
        for acct in s.scalars(select(UtilityAccount).order_by(UtilityAccount.account_no)):
            bal = customers.account_balance(s, acct.id).cents
            if (bal > 0) == with_balance:
                return acct.account_no, bal
    raise AssertionError("no such demo account")


@pytest.fixture
def billed_account(station) -> tuple[str, int]:
    """The first demo account, by number, that owes money: (account number, cents due)."""
    return an_account(station)


@pytest.fixture
def paid_up_account(station) -> tuple[str, int]:
    """The first demo account, by number, that owes nothing: (account number, cents due)."""
    return an_account(station, with_balance=False)


@pytest.fixture
def price_start(station):
    """Prices a start of service (and its deposit): a renter moving in to 4821 Sunset Ridge Dr
    today, unless the details given say otherwise."""

    def price(**over):
        d = dict(
            service_address="4821 Sunset Ridge Dr",
            start_date=days(0),
            customer_class="residential_renter",
            owner_name="Priya Shah",
            owner_address="4821 Sunset Ridge Dr, Mission Vista",
        )
        d.update(over)
        return catalog.price_lines(station, "start_service", details=d)

    return price


@pytest.fixture
def metered(station, supervisor):
    """Twelve residential accounts with meters on route R01, first read 13 months ago."""
    from tests.services.utility.desk_support import meter_up

    return meter_up(station, supervisor)


@pytest.fixture
def billed_year(station, supervisor, metered):
    """The metered accounts after a year of 12-HCF months, read and billed each month."""
    from tests.services.utility.desk_support import a_year_of_bills

    a_year_of_bills(station, supervisor, metered)
    return metered
