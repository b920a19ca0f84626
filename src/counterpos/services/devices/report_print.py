"""The Z report on the receipt printer (its short form), from the day view: recorded and audited."""

from __future__ import annotations

from datetime import date

from counterpos.domain import z_report as z_text
from counterpos.domain.messages import Msg
from counterpos.domain.receipt_document import Row
from counterpos.hardware.escpos_render import render_rows
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.devices import printing
from counterpos.services.drawer import eod
from counterpos.services.errors import DeviceError
from counterpos.services.station import Station


def print_z_report(
    station: Station,
    actor: Actor,
    *,
    session_id: str | None = None,
    day: date | None = None,
) -> printing.PrintOutcome:
    """Print the Z report of one session or one date on the receipt printer (needs
    `view_reports`, as the report does). A fault is recorded and raised in plain words."""
    z = eod.z_report(station, actor, session_id=session_id, day=day)
    target = session_id if session_id is not None else str(day)
    name = f"z-report-{eod.session_label(session_id) if session_id else day}"

    def job_for(printer: printing.Printer) -> PrintJob:
        lines = z_text.render_text(z, printer.profile.chars)
        data = render_rows([Row(t) for t in lines], printer.profile)
        return PrintJob(data, name, printer.profile.chars)

    try:
        printer, note = printing.send_recorded(
            station, actor.username, kind="z_report", name=name, job_for=job_for
        )
    except (DeviceError, PrinterFault) as exc:
        raise DeviceError(
            "The Z report did not print: {exc} Save it as a PDF instead.", exc=exc
        ) from exc
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "z_report_print",
            actor=actor.username,
            target=target,
            details={"scope": z.scope, "printer": printer.url},
        )
    return printing.PrintOutcome(
        name,
        printer.where,
        0,
        note,
        printing.done_words(printer, Msg("Z report")),
        printing.confirms(printer),
    )
