"""Slips of records that have a receipt number but are not sales: refunds and paid-in/outs.

Every number of the station's sequence leaves the drawer on paper. A refund is a `sale` row of
kind refund, so its slip is its receipt (titled REFUND); a paid-in or paid-out is its own
`paid_in_out` row, laid out here as a one-line receipt document.
"""

from __future__ import annotations

from sqlalchemy import select

from counterpos.documents.receipt_pdf import render_pdf
from counterpos.domain.messages import Msg
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import ReceiptDocument, ReceiptLine, ReceiptTender, layout
from counterpos.hardware.escpos_render import render_rows
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services import settings
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.devices import printing
from counterpos.services.errors import DeviceError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import PaidInOut, User


def print_refund_slip(station: Station, actor: Actor, refund_no: str) -> printing.PrintOutcome:
    """Print a saved refund's slip: its receipt, titled REFUND. A fault is recorded and raised
    as a DeviceError saying the refund is saved and Reprint prints it."""
    outcome = printing.print_receipt(station, actor, refund_no)
    return printing.PrintOutcome(
        outcome.receipt_no,
        outcome.printer,
        outcome.copy_no,
        outcome.note,
        printing.outcome_words(
            Msg("Refund slip {receipt_no}", receipt_no=outcome.receipt_no),
            outcome.printer,
            outcome.confirmed,
        ),
        outcome.confirmed,
    )


def paid_slip(station: Station, receipt_no: str) -> ReceiptDocument:
    """The slip of a saved paid-in or paid-out, as a receipt document."""
    number = receipt_no.strip().upper()
    with station.store.read() as s:
        row = s.scalar(select(PaidInOut).where(PaidInOut.receipt_no == number))
        if row is None:
            raise NotFound(
                "There is no paid-in or paid-out {number} at this station.", number=number
            )
        names = {u.id: u.full_name for u in s.scalars(select(User))}
        conf = settings.all_values(s)
        title = "PAID-IN" if row.direction == "in" else "PAID-OUT"
        amount = Money(row.amount_cents if row.direction == "in" else -row.amount_cents)
        notes = ["Cash into the drawer." if row.direction == "in" else "Cash out of the drawer."]
        if row.approver_id:
            notes.append(f"Approved by {names.get(row.approver_id, '')}.")
        notes.append("Received by: ______________________")
        return ReceiptDocument(
            city_name=conf["city.name"],
            city_address=conf["city.address"],
            city_phone=conf["city.phone"],
            station_code=row.station_code,
            station_name=conf["station.name"],
            cashier=names.get(row.user_id, ""),
            when=to_local(row.created_at),
            receipt_no=row.receipt_no,
            lines=(ReceiptLine(row.reason, amount),),
            tenders=(ReceiptTender("Cash", amount),),
            title=title,
            notes=tuple(notes),
            training=conf.get("station.training") == "on",
        )


def print_paid_slip(station: Station, actor: Actor, receipt_no: str) -> printing.PrintOutcome:
    """Print the slip of a saved paid-in or paid-out; a fault is recorded and raised as a
    DeviceError that says the record is saved."""
    doc = paid_slip(station, receipt_no)

    def job_for(printer: printing.Printer) -> PrintJob:
        data = render_rows(layout(doc, printer.profile.chars), printer.profile)
        pdf = render_pdf(doc, None) if printer.url.startswith("preview") else None
        return PrintJob(data, doc.receipt_no, printer.profile.chars, pdf)

    try:
        printer, note = printing.send_recorded(
            station, actor.username, kind="paid_slip", name=doc.receipt_no, job_for=job_for
        )
    except (DeviceError, PrinterFault) as exc:
        raise DeviceError(
            "{title} {receipt_no} is saved. The slip did not print: {exc}",
            title=doc.title.capitalize(),
            receipt_no=doc.receipt_no,
            exc=exc,
        ) from exc
    return printing.PrintOutcome(
        doc.receipt_no,
        printer.where,
        0,
        note,
        printing.done_words(
            printer, Msg("{title} slip {receipt_no}", title=doc.title, receipt_no=doc.receipt_no)
        ),
        printing.confirms(printer),
    )
