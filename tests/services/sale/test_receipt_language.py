"""Receipts in the customer's language (receipt.language), read back from the printer's bytes
and from the PDF: Spanish labels and service names, a date no one reads the wrong way round."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import printing, reprint
from counterpos.services.errors import InputError
from counterpos.services.sale import catalog, customers, receipts
from counterpos.store.models import Customer
from tests.documents.pdf_support import page_text
from tests.printing_support import set_setting
from tests.sale_helpers import cash, ring


def _customer(station, first: str = "Nguyễn", last: str = "Thị Ánh") -> str:
    with station.store.write() as s:
        cust = s.scalars(select(Customer).order_by(Customer.customer_no)).first()
        cust.first_name, cust.last_name = first, last
        return cust.id


def _photo_sale(station, cashier, drawer, customer_id: str):
    cart = Cart()
    cart.add(catalog.price_line(station, "passport_photo", quantity=1))
    cart.customer_id = customer_id
    return ring(station, cashier, drawer.session_id, cart, cash(10_000))


@pytest.fixture
def spanish_customer(station, cashier):
    customer_id = _customer(station)
    panel = customers.set_preferred_language(station, cashier, customer_id, "es")
    assert panel.preferred_language == "es"
    return customer_id


def test_a_spanish_speaking_customer_gets_a_spanish_receipt_from_the_printer(
    station, cashier, drawer, spanish_customer, loopback_printer
):
    done = _photo_sale(station, cashier, drawer, spanish_customer)
    assert printing.print_receipt(station, cashier, done.receipt_no).receipt_no == done.receipt_no
    text = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    for expected in (
        "RECIBO",
        "Fecha",
        "Cajero",
        "Cliente",
        "Foto de pasaporte (por juego)",
        "Cambio",
        "Gracias",
    ):
        assert expected in text, (expected, text)
    assert "Cashier" not in text and "Thank you" not in text
    # The printer keeps its code page: what it lacks is transliterated (README, "Languages").
    assert "Nguyen Thi" in text and "Nguyễn" not in text


def test_and_the_same_receipt_as_a_pdf_keeps_the_name_and_is_in_spanish(
    station, cashier, drawer, spanish_customer, tmp_path
):
    done = _photo_sale(station, cashier, drawer, spanish_customer)
    reprint.save_pdf(station, cashier, done.receipt_no, tmp_path / "r.pdf")
    text = page_text(tmp_path / "r.pdf")
    for expected in ("RECIBO", "Nguyễn Thị Ánh", "Foto de pasaporte (por juego)", "Efectivo"):
        assert expected in text, (expected, text)


def test_the_city_can_print_both_languages_or_one_for_everyone(
    station, cashier, drawer, spanish_customer
):
    done = _photo_sale(station, cashier, drawer, spanish_customer)
    set_setting(station, "receipt.language", "both")
    doc = receipts.receipt_document(station, done.receipt_no)
    assert doc.language == "both" and doc.says("Cashier") == "Cashier / Cajero"
    assert doc.lines[0].description == "Passport photo (per set) / Foto de pasaporte (por juego)"
    set_setting(station, "receipt.language", "en")
    assert receipts.receipt_document(station, done.receipt_no).lines[0].description == (
        "Passport photo (per set)"
    )


def test_a_sale_without_a_customer_is_english_and_a_bad_language_is_refused(
    station, cashier, drawer, spanish_customer
):
    done = ring(station, cashier, drawer.session_id, 500, cash(500))
    assert receipts.receipt_document(station, done.receipt_no).language == "en"
    with pytest.raises(InputError, match="English or Spanish"):
        customers.set_preferred_language(station, cashier, spanish_customer, "fr")


def test_every_catalog_service_has_its_spanish_name():
    names = catalog.names_by_code()
    assert names and all(spanish and spanish != english for english, spanish in names.values())


def test_what_a_line_says_under_it_is_spanish_too_with_the_month_spelled(
    station, cashier, drawer, spanish_customer
):
    from datetime import date, timedelta

    from counterpos.domain.document_language import date_text
    from counterpos.domain.receipt_document import render_text

    start = date.today() + timedelta(days=3)
    cart = Cart()
    cart.add_all(
        catalog.price_lines(
            station,
            "yard_sale_permit",
            details={"address": "18 Vista Del Mar", "start_date": start.isoformat(), "days": "2"},
        )
    )
    cart.customer_id = spanish_customer
    done = ring(station, cashier, drawer.session_id, cart, cash(2_000))
    lines = render_text(receipts.receipt_document(station, done.receipt_no))
    words = " ".join(" ".join(lines).split())  # a detail may wrap onto the next line
    assert "Permiso de venta de garaje YS-" in words
    assert date_text(start, "es") in words and f"{start:%m/%d/%Y}" not in words
    assert "Emitido: Permiso de venta de garaje" in words and "Yard sale permit" not in words
