"""Certificates from the till (services/devices/certificate_print.py): short form and PDF."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.document_language import date_text
from counterpos.hardware.escpos_decode import decode
from counterpos.services.counter import certificates
from counterpos.services.devices import certificate_print
from counterpos.services.errors import DeviceError
from counterpos.services.sale import customers
from counterpos.store.models import Customer
from tests.conftest import audit_events
from tests.printing_support import closed_port, set_setting
from tests.services.counter_visit import TODAY, dog, give_tags, pay_cash, ring


@pytest.fixture
def permit(station, cashier, drawer) -> str:
    cart = ring(
        station,
        Cart(),
        "yard_sale_permit",
        details={"address": "1418 Juniper Way", "start_date": TODAY.isoformat(), "days": "2"},
    )
    return pay_cash(station, cashier, drawer.session_id, cart).documents[0]


def test_the_short_form_prints_then_reprints_marked(station, cashier, permit, loopback_printer):
    first = certificate_print.print_certificate(station, cashier, permit.lower())
    text = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    assert "YARD SALE PERMIT" in text and permit in text and "REPRINT" not in text
    assert first.message == f"{permit} printed." and first.confirmed
    certificate_print.print_certificate(station, cashier, permit)
    again = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    assert "(REPRINT)" in again
    assert [e.details["copy"] for e in audit_events(station, "certificate_print")] == [1, 2]


def test_a_printer_that_reports_no_status_is_sent_to_not_confirmed(
    station, cashier, permit, unconfirmed_printer
):
    outcome = certificate_print.print_certificate(station, cashier, permit)
    assert not outcome.confirmed
    assert outcome.message.startswith(f"{permit} {unconfirmed_printer}")
    assert outcome.message.endswith("check that it printed.")


def test_the_pdf_for_a_page_printer(station, cashier, permit, tmp_path):
    saved = certificate_print.certificate_pdf(station, cashier, permit)
    assert saved.path == station.home / "documents" / f"{permit}.pdf"
    text = PdfReader(saved.path).pages[0].extract_text()
    assert "YARD SALE PERMIT" in text.upper() and permit in text
    again = certificate_print.certificate_pdf(station, cashier, permit, tmp_path / "copy.pdf")
    assert again.copy_no == 2 and "REPRINT" in PdfReader(again.path).pages[0].extract_text()


def test_a_printer_fault_is_said_plainly(station, cashier, permit):
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{closed_port()}")
    set_setting(station, "printer.timeout", "1")
    with pytest.raises(DeviceError, match=f"{permit} did not print: .*print it again"):
        certificate_print.print_certificate(station, cashier, permit)
    assert audit_events(station, "certificate_print") == []


@pytest.fixture
def spanish_license(station, cashier, drawer) -> str:
    """A dog license sold to a customer who reads Spanish ("Receipts in: Español")."""
    give_tags(station)
    with station.store.write() as s:
        cust = s.scalars(select(Customer).order_by(Customer.customer_no)).first()
        cust.first_name, cust.last_name = "Łucja", "Nguyễn Núñez"
        customer_id = cust.id
    customers.set_preferred_language(station, cashier, customer_id, "es")
    cart = ring(station, Cart(), "animal_license", customer_id=customer_id, details=dog())
    cart.customer_id = customer_id
    return pay_cash(station, cashier, drawer.session_id, cart).documents[0]


SPANISH_CERTIFICATE = (
    "LICENCIA DE PERRO",
    "N.º de licencia",
    "Dueño",
    "N.º de placa",
    "Especie / raza",
    "Perro, Labrador",
    "Macho",
    "Esterilizado / castrado",
    "Veterinario",
    "Válido",
    "Emitido",
)


def test_a_spanish_speaking_customer_s_license_prints_in_spanish(
    station, cashier, spanish_license, loopback_printer
):
    certificate_print.print_certificate(station, cashier, spanish_license)
    text = "\n".join(decode(loopback_printer.wait_job()).text_lines())
    for expected in (*SPANISH_CERTIFICATE, date_text(TODAY, "es"), "El animal debe llevar"):
        assert expected in text, (expected, text)
    for english in ("DOG LICENSE", "Owner", "Valid", "must be worn", f"{TODAY:%m/%d/%Y}"):
        assert english not in text, (english, text)
    certificate_print.print_certificate(station, cashier, spanish_license)
    assert "(REIMPRESIÓN)" in "\n".join(decode(loopback_printer.wait_job()).text_lines())


def test_and_its_pdf_is_in_spanish_with_the_name_intact(station, cashier, spanish_license):
    saved = certificate_print.certificate_pdf(station, cashier, spanish_license)
    text = PdfReader(saved.path).pages[0].extract_text()
    for expected in (
        *SPANISH_CERTIFICATE,
        "N.º de recibo",
        "Emitido el",
        date_text(TODAY, "es"),
        "Łucja Nguyễn Núñez",
    ):
        assert expected in text, (expected, text)
    assert "DOG LICENSE" not in text and "Issued on" not in text


def test_both_languages_when_the_city_says_so(station, cashier, spanish_license):
    set_setting(station, "receipt.language", "both")
    text = "\n".join(certificates.certificate_text(station, spanish_license, 48))
    for expected in ("DOG LICENSE / LICENCIA DE PERRO", "Owner / Dueño", "must be worn"):
        assert expected in text, (expected, text)
    assert "El animal debe llevar" in text
    set_setting(station, "receipt.language", "en")  # English for everyone, whatever they read
    text = "\n".join(certificates.certificate_text(station, spanish_license))
    assert "DOG LICENSE" in text and "LICENCIA" not in text
