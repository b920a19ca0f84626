"""Permits and certificates from the till after the sale: the short form on the receipt printer,
the PDF for a page printer. Each copy is recorded; every copy after the first says REPRINT."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from counterpos.domain.receipt_document import Row
from counterpos.hardware.escpos_render import render_rows
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.counter import certificates
from counterpos.services.devices import pdf_copy, printing
from counterpos.services.errors import DeviceError
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent

PRINTED, PDF = "certificate_print", "certificate_pdf"


def _copies(station: Station, doc_no: str) -> int:
    """Copies of this document already printed or saved as PDF (either way, it was handed)."""
    with station.store.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action.in_((PRINTED, PDF)), AuditEvent.target == doc_no)
            )
            or 0
        )


def print_certificate(station: Station, actor: Actor, doc_no: str) -> printing.PrintOutcome:
    """Print the short form of an issued permit, license or tag certificate on the receipt
    printer. The first copy is the original; later ones are marked REPRINT. A fault is
    recorded and raised as a DeviceError in plain words."""
    actor.require("sell", "print certificates")
    number = doc_no.strip().upper()
    copies = _copies(station, number)

    def job_for(printer: printing.Printer) -> PrintJob:
        lines = certificates.certificate_text(
            station, number, printer.profile.chars, reprint=copies > 0
        )
        data = render_rows([Row(t) for t in lines], printer.profile)
        return PrintJob(data, number, printer.profile.chars)

    try:
        printer, note = printing.send_recorded(
            station,
            actor.username,
            kind="certificate",
            name=number,
            job_for=job_for,
            copy_no=copies,
        )
    except (DeviceError, PrinterFault) as exc:
        raise DeviceError(
            "{number} did not print: {exc} Fix it, then print it again.", number=number, exc=exc
        ) from exc
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            PRINTED,
            actor=actor.username,
            target=number,
            details={"copy": copies + 1, "printer": printer.url},
        )
    return printing.PrintOutcome(
        number,
        printer.where,
        copies,
        note,
        printing.done_words(printer, number),
        printing.confirms(printer),
    )


def certificate_pdf(
    station: Station, actor: Actor, doc_no: str, path: Path | str | None = None
) -> pdf_copy.SavedPdf[bytes]:
    """Save the full-page PDF of an issued document, for a page printer: to `path`, or to
    `documents/<number>.pdf` in the station's data folder. Audited like every PDF copy."""
    actor.require("sell", "print certificates")
    number = doc_no.strip().upper()
    reprint = _copies(station, number) > 0
    pdf = certificates.certificate_pdf(station, number, reprint=reprint)
    if path is None:
        path = Path(station.home) / "documents" / f"{number}.pdf"

    def write(data: bytes, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    return pdf_copy.save(
        station,
        actor,
        action=PDF,
        target=number,
        details={"reprint": reprint},
        what=number,
        document=pdf,
        write=write,
        path=path,
    )
