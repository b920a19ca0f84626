"""Yard sale permits: the yearly limit (a setting), the day limit, past dates, the printed permit."""

from __future__ import annotations

import pytest

from counterpos.domain.cart import Cart
from counterpos.services import settings
from counterpos.services.counter import certificates
from counterpos.services.errors import InputError
from counterpos.services.sale import catalog
from tests.services.counter_visit import days, pay_cash, ring


def permit(address="18 Vista Del Mar", start=3, n="2"):
    return {"address": address, "start_date": days(start), "days": n}


def buy(station, cashier, drawer, **details):
    """One permit, rung alone and paid in cash."""
    cart = ring(station, Cart(), "yard_sale_permit", details=permit(**details))
    return pay_cash(station, cashier, drawer.session_id, cart)


def test_third_permit_of_the_year_is_refused(station, cashier, drawer):
    buy(station, cashier, drawer)
    buy(station, cashier, drawer, address="18 vista del mar.", start=4)
    with pytest.raises(InputError, match="has had 2 yard sale permits"):
        catalog.price_lines(station, "yard_sale_permit", details=permit(start=5))


def test_limit_is_a_setting_and_counts_the_cart(station, cashier, drawer):
    with station.store.write() as s:
        settings.put(s, "yard_sale.max_per_year", "1")
    cart = ring(station, Cart(), "yard_sale_permit", details=permit())
    ring(station, cart, "yard_sale_permit", details=permit(start=9))
    with pytest.raises(InputError, match="limit is 1"):
        pay_cash(station, cashier, drawer.session_id, cart)


def test_day_limit_and_past_dates(station):
    with pytest.raises(InputError, match="choose one of"):
        catalog.price_lines(station, "yard_sale_permit", details=permit(n="4"))
    with pytest.raises(InputError, match="past"):
        catalog.price_lines(station, "yard_sale_permit", details=permit(start=-1))


def test_permit_pdf_and_reprint(station, cashier, drawer):
    done = buy(station, cashier, drawer)
    cert = certificates.certificate(station, done.documents[0])
    assert (cert.title, cert.holder, cert.receipt_no) == (
        "YARD SALE PERMIT",
        "18 Vista Del Mar",
        done.receipt_no,
    )
    assert (cert.valid_to - cert.valid_from).days == 1
    pdf = certificates.reprint_pdf(station, cashier, done.documents[0])
    assert pdf.startswith(b"%PDF")


def test_voided_permit_no_longer_counts(station, cashier, drawer):
    from tests.services.counter_visit import void

    first = buy(station, cashier, drawer)
    buy(station, cashier, drawer, start=4)
    void(station, cashier, drawer.session_id, first.receipt_no)
    assert catalog.price_lines(station, "yard_sale_permit", details=permit(start=6))


def test_the_same_address_and_days_twice_in_one_cart_are_refused(station, cashier, drawer):
    from counterpos.domain.cart import CartError

    cart = ring(station, Cart(), "yard_sale_permit", details=permit())
    with pytest.raises(CartError, match="18 vista del mar from .* is already in the cart"):
        ring(station, cart, "yard_sale_permit", details=permit(address="18 Vista del Mar."))
    assert len(cart.lines) == 1
    ring(station, cart, "yard_sale_permit", details=permit(start=4, n="1"))  # a day it covers
    with pytest.raises(InputError, match="already has a yard sale permit for 18 Vista Del Mar"):
        pay_cash(station, cashier, drawer.session_id, cart)


def test_max_days_takes_1_to_3_only(station, supervisor):
    from counterpos.services import config

    for value in ("0", "4", "-1", "x"):
        with pytest.raises(InputError, match=r"yard_sale.max_days takes a whole number"):
            config.set_value(station, "yard_sale.max_days", value, supervisor)
    with pytest.raises(InputError, match="from 1 to 3") as err:
        config.set_value(station, "yard_sale.max_days", "4", supervisor)
    assert err.value.field == "yard_sale.max_days"
    config.set_value(station, "yard_sale.max_days", "1", supervisor)
    with pytest.raises(InputError, match="1 to 1 consecutive days"):
        catalog.price_lines(station, "yard_sale_permit", details=permit(n="2"))
    with pytest.raises(InputError, match="choose one of 1 day"):
        catalog.price_lines(station, "yard_sale_permit", details=permit(n="0"))
    with station.store.write() as s:  # stored outside the range (an old store): the default
        settings.put(s, "yard_sale.max_days", "9")
        assert settings.get_int(s, "yard_sale.max_days") == 3
