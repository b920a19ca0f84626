"""Spans the counter services and the sale: one customer's visit for three, split tender."""

from __future__ import annotations

import io

from pypdf import PdfReader
from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.domain.tenders import Tender
from counterpos.services.counter import certificates
from counterpos.services.sale import customers, receipts, sales
from counterpos.store.models import IssuedDocument, LedgerEntry, License, SaleLine, TenderRow
from tests.services.counter_visit import days, dog, give_tags, ring


def test_three_services_one_customer_split_tender(station, cashier, drawer):
    give_tags(station)
    hit = customers.search(station, "a")[0]
    panel = customers.panel(station, hit.customer_id)
    account = panel.accounts[0]
    cart = Cart(customer_id=hit.customer_id)
    ring(
        station,
        cart,
        "utility_payment",
        customer_id=hit.customer_id,
        details={"account_no": account.account_no},
        amount_text="60.00",
    )
    ring(
        station,
        cart,
        "animal_license",
        customer_id=hit.customer_id,
        details=dog(owner_name="", owner_address=""),
    )
    ring(
        station,
        cart,
        "yard_sale_permit",
        details={"address": account.service_address, "start_date": days(3), "days": "3"},
    )
    assert cart.total.cents == 6000 + 1700 + 2000
    tenders = [
        Tender("check", Money(5000), reference="2211", payer=panel.name),
        Tender("cash", Money(5000)),
    ]
    done = sales.complete_sale(station, cashier, drawer.session_id, cart, tenders)
    assert done.change.cents == 5000 + 5000 - 9700 and done.opens_drawer
    assert len(done.documents) == 2
    with station.store.read() as s:
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == done.sale_id)).all()
        assert [x.service_code for x in lines] == [
            "utility_payment",
            "animal_license",
            "yard_sale_permit",
        ]
        assert (
            sum(
                t.amount_cents
                for t in s.scalars(select(TenderRow).where(TenderRow.sale_id == done.sale_id))
            )
            == 9700
        )
        pay = s.scalar(select(LedgerEntry).where(LedgerEntry.sale_line_id == lines[0].id))
        assert pay.amount_cents == -6000
        lic = s.scalar(select(License).where(License.sale_line_id == lines[1].id))
        assert lic.customer_id == hit.customer_id  # licensed to the customer looked up
        docs = s.scalars(select(IssuedDocument).where(IssuedDocument.sale_id == done.sale_id)).all()
        assert {d.doc_type for d in docs} == {"animal_license", "yard_sale_permit"}
    text = "\n".join(render_text(receipts.receipt_document(station, done.receipt_no)))
    assert "Tag: " in text and "Yard sale permit YS-" in text and "Check" in text
    for doc_no in done.documents:
        pdf = PdfReader(io.BytesIO(certificates.certificate_pdf(station, doc_no)))
        page = pdf.pages[0].extract_text()
        assert doc_no in page and done.receipt_no in page
    assert any(
        lic.license_no == done.documents[0]
        for lic in customers.panel(station, hit.customer_id).licenses
    )
