"""Certificates from the till (services/devices/certificate_print.py): short form and PDF."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from counterpos.domain.cart import Cart
from counterpos.hardware.escpos_decode import decode
from counterpos.services.devices import certificate_print
from counterpos.services.errors import DeviceError
from tests.conftest import audit_events
from tests.printing_support import closed_port, set_setting
from tests.services.counter_visit import TODAY, pay_cash, ring


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
