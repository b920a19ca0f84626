"""Starting utility service (services/utility/start.py): where and when, the deposit, who may."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.errors import InputError, PermissionDenied
from counterpos.store.models import UtilityAccount
from tests.services.counter_visit import days, pay_cash


def test_start_refused_where_service_is_active_or_date_is_past(station, price_start):
    with station.store.read() as s:
        busy = s.scalar(select(UtilityAccount.service_address).limit(1))
    with pytest.raises(InputError, match="already has active service"):
        price_start(service_address=busy.upper())
    with pytest.raises(InputError, match="cannot be in the past"):
        price_start(start_date=days(-2))
    with pytest.raises(InputError, match="90 days ahead"):
        price_start(start_date=days(120))


def test_owner_deposit_is_zero_so_no_deposit_line(station, price_start):
    lines = price_start(customer_class="residential_owner")
    assert [x.service_code for x in lines] == ["start_service"]


def test_cashier_may_not_start_service(station, price_start, cashier, drawer):
    with pytest.raises(PermissionDenied):
        pay_cash(station, cashier, drawer.session_id, Cart(lines=list(price_start())))
