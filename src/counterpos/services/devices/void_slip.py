"""The VOID slip of a saved void: printed (the void itself never waits) or saved as a PDF copy."""

from __future__ import annotations

from pathlib import Path

from counterpos.documents import void_slip as void_slip_document
from counterpos.documents.receipt_pdf import render_pdf
from counterpos.domain.messages import Msg
from counterpos.domain.receipt_document import ReceiptDocument
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services.actor import Actor
from counterpos.services.devices import pdf_copy, printing
from counterpos.services.errors import DeviceError
from counterpos.services.sale import voids
from counterpos.services.station import Station


def print_void_slip(station: Station, actor: Actor, receipt_no: str) -> printing.PrintOutcome:
    """Print the slip of a voided receipt; a fault is recorded and raised as a DeviceError that
    says the void is saved and the slip can be printed again from Reprint."""
    doc = voids.void_slip(station, receipt_no)
    slip_no = voids.void_receipt_no(receipt_no)

    def job_for(printer: printing.Printer) -> PrintJob:
        data = printing.receipt_bytes(doc, printer)
        pdf = render_pdf(doc, printer.logo) if printer.url.startswith("preview") else None
        return PrintJob(data, slip_no, printer.profile.chars, pdf)

    try:
        printer, note = printing.send_recorded(
            station, actor.username, kind="void_slip", name=slip_no, job_for=job_for
        )
    except (DeviceError, PrinterFault) as exc:
        raise DeviceError(
            "The void of {receipt_no} is saved. The slip did not print: {exc}",
            receipt_no=receipt_no,
            exc=exc,
        ) from exc
    return printing.PrintOutcome(
        slip_no,
        printer.where,
        0,
        note,
        printing.done_words(printer, Msg("VOID slip {slip_no}", slip_no=slip_no)),
        printing.confirms(printer),
    )


def void_slip_pdf(
    station: Station, actor: Actor, receipt_no: str, path: Path | str
) -> pdf_copy.SavedPdf[ReceiptDocument]:
    """Save the slip of a voided receipt as a PDF; audited like a receipt's PDF copy (who,
    which receipt, where, which copy)."""
    actor.require("reprint", "save a copy of a VOID slip")
    doc = voids.void_slip(station, receipt_no)
    return pdf_copy.save(
        station,
        actor,
        action="void_slip_pdf",
        target=doc.receipt_no,
        details={"slip": voids.void_receipt_no(doc.receipt_no)},
        what=f"VOID slip {voids.void_receipt_no(doc.receipt_no)}",
        document=doc,
        write=void_slip_document.write_pdf,
        path=path,
    )
