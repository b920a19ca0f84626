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
