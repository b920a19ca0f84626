"""Certificates and permits issued with a sale, as documents to print now or reprint later."""

from __future__ import annotations

from datetime import date

from counterpos.documents.certificate_pdf import render_pdf
from counterpos.domain.certificate import Certificate, render_text
from counterpos.domain.document_language import date_text, label, paragraphs
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.counter.issued_documents import find_document
from counterpos.services.errors import InputError
from counterpos.services.sale.receipts import customer_language, voided_by
from counterpos.services.station import Station

SEX = {"female": "Female", "male": "Male"}
CATEGORY = {
    "retail": "Retail",
    "food": "Food service",
    "professional": "Professional / office",
    "contractor": "Contractor",
    "personal_service": "Personal service",
    "other": "Other",
}


def _facts(doc, language: str) -> tuple[str, str, str, str, tuple[tuple[str, str], ...], str]:
    """(title, number label, holder label, holder, facts, notice) for each kind of document.
    Labels stay English (the certificate says them in its language); values and the notice
    are given in `language` here."""
    d = doc.details or {}

    def says(text: str) -> str:
        return label(text, language)

    def notice(english: str) -> str:
        return "\n".join(paragraphs(english, label(english, "es"), language))

    facts: tuple[tuple[str, str], ...]
    if doc.doc_type == "animal_license":
        species = str(d.get("species", "animal"))
        altered = says("Yes" if d.get("altered") == "yes" else "No")
        sex = says(SEX.get(d.get("sex", ""), ""))
        expires = _day(d.get("rabies_expires"), language)
        facts = (
            ("Tag no.", d.get("tag_no", "")),
            ("Animal", d.get("animal_name", "")),
            ("Species / breed", f"{says(species.capitalize())}, {d.get('breed', '')}".strip(", ")),
            ("Colour / sex", f"{d.get('colour', '')}, {sex}".strip(", ")),
            ("Spayed / neutered", altered),
            (
                "Rabies certificate",
                f"{d.get('rabies_certificate', '')} ({says('expires')} {expires})",
            ),
            ("Veterinarian", d.get("veterinarian", "")),
            ("Owner's address", d.get("owner_address", "")),
        )
        return (
            f"{species.upper()} LICENSE",
            "License no.",
            "Owner",
            doc.holder,
            facts,
            notice(
                "The tag must be worn by the animal at all times. Renew before the expiry date."
            ),
        )
    if doc.doc_type == "yard_sale_permit":
        days = int(d.get("days", 1))
        facts = (("Sale days", f"{days} {says('consecutive day' + ('s' if days > 1 else ''))}"),)
        return (
            "YARD SALE PERMIT",
            "Permit no.",
            "Sale address",
            doc.holder,
            facts,
            notice(
                "Post this permit where it can be seen from the street for the days of the sale. "
                "Signs may not be placed on utility poles or in the public right of way."
            ),
        )
    if doc.doc_type == "business_license":
        facts = (
            ("Owner", d.get("owner_name", "")),
            ("Business address", d.get("business_address", "")),
            ("Category", says(CATEGORY.get(d.get("category", ""), d.get("category", "")))),
            ("Kind", says("Renewal" if d.get("renewal") else "New license")),
        )
        return (
            "BUSINESS LICENSE",
            "License no.",
            "Business",
            doc.holder,
            facts,
            notice(
                "This license must be displayed at the place of business. It is not transferable "
                "and does not waive zoning, building or health requirements."
            ),
        )
    if doc.doc_type == "bus_pass":
        facts = (("Pass", says(str(d.get("pass_type", "")).replace("_", " ").capitalize())),)
        return ("TRANSIT PASS", "Pass no.", "Card no.", doc.holder, facts, "")
    if doc.doc_type == "animal_tag":
        return (
            "REPLACEMENT ANIMAL TAG",
            "Tag",
            "Animal",
            doc.holder,
            (("License no.", d.get("license_no", "")),),
            "",
        )
    return (doc.doc_type.replace("_", " ").upper(), "Number", "Holder", doc.holder, (), "")


def _day(iso, language: str) -> str:
    if not iso:
        return ""
    try:
        return date_text(date.fromisoformat(str(iso)), language)
    except ValueError:
        return str(iso)


def certificate(station: Station, doc_no: str, *, reprint: bool = False) -> Certificate:
    with station.store.read() as s:
        doc, sale = find_document(s, doc_no)
        language = customer_language(s, sale.customer_id)
        title, number_label, holder_label, holder, facts, notice = _facts(doc, language)
        number = doc.doc_no
        if doc.doc_type == "animal_tag":
            number = str(doc.details.get("tag_no", doc.doc_no))
        return Certificate(
            title=title,
            number_label=number_label,
            number=number,
            holder_label=holder_label,
            holder=holder,
            facts=tuple((k, str(v)) for k, v in facts),
            valid_from=doc.valid_from,
            valid_to=doc.valid_to,
            receipt_no=sale.receipt_no,
            issued_on=to_local(doc.created_at).date(),
            city_name=settings.get(s, "city.name"),
            city_address=settings.get(s, "city.address"),
            city_phone=settings.get(s, "city.phone"),
            notice=notice,
            reprint=reprint,
            voided=voided_by(s, sale.id, language),
            language=language,
        )


def certificate_pdf(station: Station, doc_no: str, *, reprint: bool = False) -> bytes:
    return render_pdf(certificate(station, doc_no, reprint=reprint))


def certificate_text(
    station: Station, doc_no: str, width: int = 42, *, reprint: bool = False
) -> list[str]:
    return render_text(certificate(station, doc_no, reprint=reprint), width)


def reprint_pdf(station: Station, actor: Actor, doc_no: str) -> bytes:
    """A reprint later on: marked REPRINT and audited."""
    actor.require("reprint", "reprint certificates")
    pdf = certificate_pdf(station, doc_no, reprint=True)
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "certificate_reprint",
            actor=actor.username,
            target=doc_no.strip().upper(),
        )
    return pdf


def documents_for_receipt(station: Station, receipt_no: str) -> list[str]:
    """The certificate numbers issued with a sale, to print after the receipt."""
    from sqlalchemy import select  # noqa: PLC0415

    from counterpos.store.models import IssuedDocument, Sale  # noqa: PLC0415

    with station.store.read() as s:
        sale = s.scalar(select(Sale).where(Sale.receipt_no == receipt_no.strip().upper()))
        if sale is None:
            raise InputError(
                "There is no receipt {receipt_no}.", field="receipt_no", receipt_no=receipt_no
            )
        return [
            d.doc_no
            for d in s.scalars(
                select(IssuedDocument)
                .where(IssuedDocument.sale_id == sale.id)
                .order_by(IssuedDocument.created_at)
            )
        ]


__all__ = ["certificate", "certificate_pdf", "certificate_text", "reprint_pdf"]
