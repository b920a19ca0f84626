"""Sample domain documents (a receipt, a certificate) for the domain and document tests."""

from __future__ import annotations

from datetime import date, datetime

from counterpos.domain.certificate import Certificate
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import (
    ReceiptDocument,
    ReceiptLine,
    ReceiptTender,
)


def receipt(**kw) -> ReceiptDocument:
    """A one-line cash receipt, unless told otherwise."""
    base = dict(
        city_name="City of Mission Vista",
        city_address="100 Civic Center Plaza",
        city_phone="(555) 010-4400",
        station_code="CH1",
        station_name="Counter 1",
        cashier="Maria Lopez",
        when=datetime(2026, 11, 22, 14, 5),
        receipt_no="CH1-000123",
        lines=(ReceiptLine("Utility bill payment", Money(8425), 1, ("Account 10000000",)),),
        tenders=(ReceiptTender("Cash", Money(8425), "", Money(10000), Money(1575)),),
        footer=("Thank you.", "Gracias."),
    )
    base.update(kw)
    return ReceiptDocument(**base)


def certificate(**over) -> Certificate:
    """A dog license with a long Spanish name and an empty fact, unless told otherwise."""
    base = dict(
        title="DOG LICENSE",
        number_label="License no.",
        number="AN-2026-00042",
        holder_label="Owner",
        holder="María José Núñez-Ibarra",
        facts=(("Tag no.", "2026-00042"), ("Animal", "Canela"), ("Empty", "")),
        valid_from=date(2026, 11, 22),
        valid_to=date(2027, 11, 21),
        receipt_no="CH1-000123",
        issued_on=date(2026, 11, 22),
        city_name="City of Mission Vista",
        city_address="100 Civic Center Plaza, Mission Vista, CA 92000",
        notice="The tag must be worn by the animal at all times.",
    )
    base.update(over)
    return Certificate(**base)
