"""Certificates issued with a sale (services/counter/certificates.py): found by receipt, reprinted."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.services.counter import certificates
from counterpos.services.errors import InputError
from counterpos.store.models import AuditEvent, Sale
from tests.services.counter_visit import days, dog, give_tags, pay_cash, ring

PERMIT = {"address": "18 Vista Del Mar", "start_date": days(3), "days": "2"}


def test_the_documents_of_a_receipt_in_the_order_issued(station, cashier, drawer):
    give_tags(station)
    cart = ring(station, Cart(), "animal_license", details=dog())
    ring(station, cart, "yard_sale_permit", details=PERMIT)
    done = pay_cash(station, cashier, drawer.session_id, cart)
    assert len(done.documents) == 2
    assert certificates.documents_for_receipt(station, f" {done.receipt_no.lower()} ") == list(
        done.documents
    )
    with pytest.raises(InputError, match="There is no receipt T1-999999."):
        certificates.documents_for_receipt(station, "T1-999999")


def test_a_reprint_is_marked_and_audited(station, cashier, drawer):
    done = pay_cash(
        station,
        cashier,
        drawer.session_id,
        ring(station, Cart(), "yard_sale_permit", details=PERMIT),
    )
    (doc_no,) = done.documents
    assert not any("REPRINT" in line for line in certificates.certificate_text(station, doc_no))
    pdf = certificates.reprint_pdf(station, cashier, doc_no.lower())
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "REPRINT" in text and doc_no in text and done.receipt_no in text
    with station.store.read() as s:
        [event] = s.scalars(select(AuditEvent).where(AuditEvent.action == "certificate_reprint"))
    assert (event.actor, event.target) == ("maria", doc_no)


def test_a_voided_permit_prints_void_with_the_void_s_receipt_and_date(
    station, cashier, drawer, approval
):
    from counterpos.services.sale import voids

    done = pay_cash(
        station,
        cashier,
        drawer.session_id,
        ring(station, Cart(), "yard_sale_permit", details=PERMIT),
    )
    (doc_no,) = done.documents
    result = voids.void_sale(
        station, cashier, done.receipt_no, "Wrong address", approval(cashier, "void")
    )
    with station.store.read() as s:
        void_no = s.scalar(select(Sale.receipt_no).where(Sale.original_sale_id == done.sale_id))
    assert void_no and result is not None
    text = certificates.certificate_text(station, doc_no)
    assert "*** VOID ***" in [x.strip() for x in text]
    assert any(void_no in x for x in text)
    pdf = certificates.reprint_pdf(station, cashier, doc_no)
    page = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "VOID" in page and void_no in page
