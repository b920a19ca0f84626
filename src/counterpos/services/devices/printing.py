"""Printing receipts of saved sales: render, send through the printer's worker, record the job."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from counterpos.documents.receipt_pdf import render_pdf
from counterpos.domain.messages import Msg
from counterpos.domain.receipt_document import ReceiptDocument, layout
from counterpos.hardware.device_worker import DeviceBusy, seconds, worker_for
from counterpos.hardware.escpos_render import printer_test_page, render_rows
from counterpos.hardware.printer_backends import (
    Backend,
    BadPrinterUrl,
    PrinterFault,
    PrintJob,
    open_backend,
    status_allowed,
)
from counterpos.hardware.printer_profile import (
    PrinterProfile,
    ProfileError,
    load_profile,
    profile_names,
)
from counterpos.services import settings
from counterpos.services.actor import Actor
from counterpos.services.errors import DeviceError, InputError
from counterpos.services.sale import receipts
from counterpos.services.station import Station
from counterpos.store.models import PrintJob as PrintJobRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Printer:
    """The station's receipt printer as configured: where, which profile, how long to wait."""

    url: str
    profile: PrinterProfile
    backend: Backend
    timeout: float
    logo: Path | None

    @property
    def where(self) -> str:
        return self.backend.describe()


@dataclass(frozen=True)
class PrintOutcome:
    """A print that went through. `note` is e.g. the preview file written."""

    receipt_no: str
    printer: str
    copy_no: int
    note: str
    message: str
    confirmed: bool = True  # False: sent to a printer that reports no status (see `confirms`)


def confirms(printer: Printer) -> bool:
    """Whether a job this printer took is known to have printed: it answered the status query
    (online, paper) first, or it is a device that takes a job whole (file, USB, CUPS, preview).
    A tcp or serial printer with ?status=off, or a profile without status, only took the bytes
    into its connection: sent, not confirmed."""
    return not printer.backend.supports_status or status_allowed(
        printer.url, printer.profile.status
    )


def done_words(printer: Printer, what: str | Msg, done: Msg | None = None) -> str:
    """ "Receipt CH1-000001 printed." or, when `confirms` is False, that it was sent and not
    confirmed, so the cashier looks at the paper."""
    return outcome_words(what, printer.where, confirms(printer), done)


def outcome_words(what: str | Msg, where: str, confirmed: bool, done: Msg | None = None) -> str:
    """`done_words` for a job already sent, from its outcome's printer and `confirmed`, in the
    language in use; `done` says it printed when that is not "{what} printed." """
    if confirmed:
        return str(done or Msg("{what} printed.", what=what))
    return str(
        Msg(
            "{what} was sent to the printer at {where}, not confirmed (the printer does not "
            "report its status): check that it printed.",
            what=what,
            where=where,
        )
    )


def check_printer_url(url: str, home: Path) -> None:
    try:
        open_backend(url, home)
    except BadPrinterUrl as exc:
        raise InputError(exc, field="printer.url") from exc


def check_profile(name: str) -> None:
    try:
        load_profile(name)
    except ProfileError as exc:
        raise InputError(exc, field="printer.profile") from exc


def printer_profiles() -> list[PrinterProfile]:
    """Every printer profile shipped in printers/, by name (`counterpos printer profiles`)."""
    return [load_profile(name) for name in profile_names()]


def configured_printer(station: Station) -> Printer:
    """The station's receipt printer as its settings say now."""
    with station.store.read() as s:
        values = settings.all_values(s)
    return printer_from(values, station.home)


def printer_from(values: Mapping[str, str], home: Path) -> Printer:
    """The receipt printer the settings `values` (settings.all_values) describe."""
    url = values["printer.url"] or "preview:"
    timeout = max(settings.as_int("printer.timeout", values["printer.timeout"]), 1)
    logo = values["receipt.logo"]
    try:
        profile = load_profile(values["printer.profile"])
        backend = open_backend(url, home)
    except (ProfileError, BadPrinterUrl) as exc:
        raise DeviceError(exc) from exc
    return Printer(url, profile, backend, float(timeout), Path(logo) if logo else None)


def receipt_bytes(doc: ReceiptDocument, printer: Printer, kick: bytes | None = None) -> bytes:
    """The ESC/POS job for a receipt on this printer's profile."""
    logo = printer.logo if doc.logo else None
    return render_rows(layout(doc, printer.profile.chars), printer.profile, kick=kick, logo=logo)


def send(printer: Printer, job: PrintJob) -> str:
    """Deliver a job on the printer's own worker thread; PrinterFault says what went wrong."""
    check = printer.backend.supports_status and status_allowed(printer.url, printer.profile.status)
    # The status queries and the send each get the timeout; the worker waits for both.
    wait = printer.timeout * 2 + 1
    try:
        return worker_for(f"printer:{printer.url}").call(
            lambda: printer.backend.send(job, printer.timeout, check), timeout=wait
        )
    except DeviceBusy as exc:
        raise PrinterFault(
            Msg(
                "The printer at {where} did not finish within {wait}.",
                where=printer.where,
                wait=seconds(wait),
            )
        ) from exc


def record(
    station: Station,
    *,
    kind: str,
    printer_url: str,
    profile: str,
    status: str,
    actor: str,
    sale_id: str | None = None,
    receipt_no: str = "",
    copy_no: int = 0,
    error: str = "",
) -> None:
    if status == "failed":  # IT reads the log (and the centre the newest error) when called
        log.error("%s of %s on %s failed: %s", kind, receipt_no or "a page", printer_url, error)
    with station.store.write() as s:
        s.add(
            PrintJobRow(
                sale_id=sale_id,
                receipt_no=receipt_no,
                kind=kind,
                copy_no=copy_no,
                printer_url=printer_url[:200],
                profile=profile,
                status=status,
                error=error,
                actor=actor,
                station_code=station.code,
            )
        )


def send_recorded(
    station: Station,
    actor_name: str,
    *,
    kind: str,
    name: str,
    job_for: Callable[[Printer], PrintJob],
    copy_no: int = 0,
) -> tuple[Printer, str]:
    """Send one job, made by `job_for` for the configured printer, and record the attempt as a
    print job of `kind` named `name`. A fault (no printer configured, or the print failed) is
    recorded as failed and raised again, for the caller to say what it means for its record."""
    url = station.setting("printer.url")
    try:
        printer = configured_printer(station)
        note = send(printer, job_for(printer))
    except (DeviceError, PrinterFault) as exc:
        record(
            station,
            kind=kind,
            printer_url=url,
            profile="",
            status="failed",
            actor=actor_name,
            receipt_no=name,
            error=str(exc),
        )
        raise
    record(
        station,
        kind=kind,
        printer_url=printer.url,
        profile=printer.profile.name,
        status="ok",
        actor=actor_name,
        receipt_no=name,
        copy_no=copy_no,
    )
    return printer, note


def print_receipt(station: Station, actor: Actor, receipt_no: str) -> PrintOutcome:
    """Print the receipt of a sale that is already saved, read back by its number.

    On a fault the failed print is recorded and DeviceError says: the sale is saved as its
    number, what is wrong, and that Reprint will print it.
    """
    with station.store.read() as s:
        sale_id = receipts.sale_id_for(s, receipt_no)
        doc = receipts.document_for(s, sale_id)
        values = settings.all_values(s)
    return print_document(station, actor, sale_id, doc, values)


def print_document(
    station: Station,
    actor: Actor,
    sale_id: str,
    doc: ReceiptDocument,
    values: Mapping[str, str],
) -> PrintOutcome:
    """Print a saved sale's receipt document as it is given (after a sale: the one the screen
    shows), on the printer the settings `values` describe; recorded like print_receipt."""
    if values["receipt.logo"]:
        doc = dataclasses.replace(doc, logo=True)
    try:
        printer = printer_from(values, station.home)
    except DeviceError as exc:
        record(
            station,
            kind="print",
            printer_url=values["printer.url"],
            profile="",
            status="failed",
            actor=actor.username,
            sale_id=sale_id,
            receipt_no=doc.receipt_no,
            error=str(exc),
        )
        raise _saved_message(doc.receipt_no, exc) from exc
    try:
        data = receipt_bytes(doc, printer)
        pdf = render_pdf(doc, printer.logo) if printer.url.startswith("preview") else None
        note = send(printer, PrintJob(data, doc.receipt_no, printer.profile.chars, pdf))
    except PrinterFault as exc:
        record(
            station,
            kind="print",
            printer_url=printer.url,
            profile=printer.profile.name,
            status="failed",
            actor=actor.username,
            sale_id=sale_id,
            receipt_no=doc.receipt_no,
            error=str(exc),
        )
        raise _saved_message(doc.receipt_no, exc) from exc
    record(
        station,
        kind="print",
        printer_url=printer.url,
        profile=printer.profile.name,
        status="ok",
        actor=actor.username,
        sale_id=sale_id,
        receipt_no=doc.receipt_no,
    )
    return PrintOutcome(
        doc.receipt_no,
        printer.where,
        0,
        note,
        done_words(printer, Msg("Receipt {receipt_no}", receipt_no=doc.receipt_no)),
        confirms(printer),
    )


def _saved_message(receipt_no: str, fault: Exception) -> DeviceError:
    return DeviceError(
        "Sale {receipt_no} is saved. {fault} Fix it, then use Reprint.",
        receipt_no=receipt_no,
        fault=fault,
    )


def print_test_page(station: Station, actor_name: str = "admin") -> PrintOutcome:
    """Send the test page; DeviceError carries the exact failure. Recorded either way."""
    printer = configured_printer(station)
    data = printer_test_page(printer.profile, printer.url)
    try:
        note = send(printer, PrintJob(data, "test-page", printer.profile.chars))
    except PrinterFault as exc:
        record(
            station,
            kind="test",
            printer_url=printer.url,
            profile=printer.profile.name,
            status="failed",
            actor=actor_name,
            error=str(exc),
        )
        raise DeviceError("The test page did not print. {exc}", exc=exc) from exc
    record(
        station,
        kind="test",
        printer_url=printer.url,
        profile=printer.profile.name,
        status="ok",
        actor=actor_name,
    )
    return PrintOutcome(
        "",
        printer.where,
        0,
        note,
        str(
            Msg(
                "The test page went to {where} ({profile}).",
                where=printer.where,
                profile=printer.profile.label,
            )
        )
        if confirms(printer)
        else done_words(printer, Msg("The test page")),
        confirms(printer),
    )


def printer_status(station: Station) -> str:
    """Ask the printer (DLE EOT) whether it is online and has paper, where the backend can."""
    printer = configured_printer(station)
    if not printer.backend.supports_status:
        return str(
            Msg(
                "{where} cannot report its status; print a test page instead.",
                where=printer.where,
            )
        )
    try:
        worker_for(f"printer:{printer.url}").call(
            lambda: printer.backend.send(PrintJob(b"", "status"), printer.timeout, True),
            timeout=printer.timeout * 2 + 1,
        )
    except DeviceBusy as exc:
        raise DeviceError("The printer at {where} did not answer.", where=printer.where) from exc
    except PrinterFault as exc:
        raise DeviceError(exc) from exc
    return str(Msg("The printer at {where} is online and has paper.", where=printer.where))


@dataclass(frozen=True)
class PrintRecord:
    kind: str
    copy_no: int
    status: str
    printer_url: str
    error: str
    actor: str
    at: object


def history(station: Station, receipt_no: str) -> list[PrintRecord]:
    """Every print, failed print, reprint and PDF copy of one receipt, oldest first."""
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        rows = s.scalars(
            select(PrintJobRow)
            .where(PrintJobRow.sale_id == sale.id)
            .order_by(PrintJobRow.created_at, PrintJobRow.copy_no)
        )
        return [
            PrintRecord(r.kind, r.copy_no, r.status, r.printer_url, r.error, r.actor, r.created_at)
            for r in rows
        ]


def copies_made(session, sale_id: str) -> int:
    """Reprints and PDF copies that went through: the next one is this plus one."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(PrintJobRow)
            .where(
                PrintJobRow.sale_id == sale_id,
                PrintJobRow.kind.in_(("reprint", "pdf")),
                PrintJobRow.status == "ok",
            )
        )
        or 0
    )
