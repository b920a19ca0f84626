"""Finding a saved receipt again and reprinting it (marked REPRINT #n), to paper or to PDF."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import or_, select

from counterpos.documents.receipt_pdf import render_pdf
from counterpos.domain.messages import Msg
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_document import ReceiptDocument, render_text
from counterpos.hardware.printer_backends import PrinterFault, PrintJob
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.devices import printing
from counterpos.services.errors import DeviceError, InputError
from counterpos.services.sale import receipts
from counterpos.services.station import Station
from counterpos.store.models import Customer, Sale, User


@dataclass(frozen=True)
class ReceiptHit:
    receipt_no: str
    when: datetime  # local
    customer: str
    total: Money
    kind: str
    cashier: str


def _utc_start(d: date) -> datetime:
    return datetime.combine(d, time.min).astimezone(UTC).replace(tzinfo=None)


def find_receipts(
    station: Station,
    *,
    number: str = "",
    customer: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    amount: str = "",
    limit: int = 100,
) -> list[ReceiptHit]:
    """Receipts matching every criterion given, newest first.

    `number` is a scanned or typed receipt number (CH1-000123), or just its digits (123).
    `customer` matches the name, business name or customer number. Dates are local days,
    both ends included. `amount` is the sale total as typed ($12.50).
    """
    q = select(Sale, Customer, User).join(User, User.id == Sale.user_id)
    q = q.outerjoin(Customer, Customer.id == Sale.customer_id)
    number = number.strip().strip("*").upper()  # a Code 39 scan may keep its * guards
    if number:
        if re.fullmatch(r"[0-9]+", number):
            q = q.where(Sale.sequence == int(number))
        else:
            q = q.where(Sale.receipt_no == number)
    if customer.strip():
        for word in customer.split():
            like = f"%{word}%"
            q = q.where(
                or_(
                    Customer.first_name.ilike(like),
                    Customer.last_name.ilike(like),
                    Customer.business_name.ilike(like),
                    Customer.customer_no.ilike(like),
                )
            )
    if date_from and date_to and date_to < date_from:
        raise InputError("The end date is before the start date.", field="date_to")
    if date_from:
        q = q.where(Sale.created_at >= _utc_start(date_from))
    if date_to:
        q = q.where(Sale.created_at < _utc_start(date_to + timedelta(days=1)))
    if amount.strip():
        try:
            cents = Money.parse(amount).cents
        except MoneyError as exc:
            raise InputError(exc, field="amount") from exc
        q = q.where(Sale.total_cents == cents)
    q = q.order_by(Sale.created_at.desc(), Sale.sequence.desc()).limit(limit)
    with station.store.read() as s:
        return [
            ReceiptHit(
                sale.receipt_no,
                to_local(sale.created_at),
                cust.display_name if cust else "",
                Money(sale.total_cents),
                sale.kind,
                user.full_name,
            )
            for sale, cust, user in s.execute(q)
        ]


def reprint_document(station: Station, receipt_no: str) -> ReceiptDocument:
    """The document the next reprint would carry (REPRINT #n with the next n)."""
    with station.store.read() as s:
        sale = receipts.load_sale(s, receipt_no)
        n = printing.copies_made(s, sale.id) + 1
        doc = receipts.build_document(s, sale, reprint_count=n)
        logo = bool(settings.get(s, "receipt.logo"))
    return dataclasses.replace(doc, reprinted_at=datetime.now().replace(microsecond=0), logo=logo)


def preview_lines(station: Station, receipt_no: str) -> list[str]:
    """What the next reprint will look like, at the configured printer's width."""
    doc = reprint_document(station, receipt_no)
    try:
        width = printing.configured_printer(station).profile.chars
    except DeviceError:
        width = 42
    return render_text(doc, width)


def _audit(station: Station, actor: Actor, doc: ReceiptDocument, where: str, ok: bool, error=""):
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "receipt_reprint" if ok else "receipt_reprint_failed",
            actor=actor.username,
            target=doc.receipt_no,
            details={"copy": doc.reprint_count, "printer": where, "error": error},
        )


def _sale_id(station: Station, receipt_no: str) -> str:
    with station.store.read() as s:
        return receipts.load_sale(s, receipt_no).id


def reprint(station: Station, actor: Actor, receipt_no: str) -> printing.PrintOutcome:
    """Print a saved receipt again, marked REPRINT #n; recorded and audited (who, when, where)."""
    actor.require("reprint", "reprint receipts")
    doc = reprint_document(station, receipt_no)
    sale_id = _sale_id(station, doc.receipt_no)
    printer = printing.configured_printer(station)
    try:
        data = printing.receipt_bytes(doc, printer)
        pdf = render_pdf(doc, printer.logo) if printer.url.startswith("preview") else None
        name = f"{doc.receipt_no}-reprint-{doc.reprint_count}"
        note = printing.send(printer, PrintJob(data, name, printer.profile.chars, pdf))
    except PrinterFault as exc:
        printing.record(
            station,
            kind="reprint",
            printer_url=printer.url,
            profile=printer.profile.name,
            status="failed",
            actor=actor.username,
            sale_id=sale_id,
            receipt_no=doc.receipt_no,
            copy_no=doc.reprint_count,
            error=str(exc),
        )
        _audit(station, actor, doc, printer.url, False, str(exc))
        raise DeviceError(
            "Receipt {receipt_no} was not reprinted. {exc} Fix it and try again.",
            receipt_no=doc.receipt_no,
            exc=exc,
        ) from exc
    printing.record(
        station,
        kind="reprint",
        printer_url=printer.url,
        profile=printer.profile.name,
        status="ok",
        actor=actor.username,
        sale_id=sale_id,
        receipt_no=doc.receipt_no,
        copy_no=doc.reprint_count,
    )
    _audit(station, actor, doc, printer.url, True)
    return printing.PrintOutcome(
        doc.receipt_no,
        printer.where,
        doc.reprint_count,
        note,
        printing.done_words(
            printer,
            Msg("Receipt {receipt_no}", receipt_no=doc.receipt_no),
            Msg(
                "Receipt {receipt_no} reprinted (REPRINT #{n}).",
                receipt_no=doc.receipt_no,
                n=doc.reprint_count,
            ),
        ),
        printing.confirms(printer),
    )


def save_pdf(station: Station, actor: Actor, receipt_no: str, path: Path) -> printing.PrintOutcome:
    """Save a copy as PDF (marked REPRINT #n like a paper reprint); recorded and audited."""
    actor.require("reprint", "reprint receipts")
    doc = reprint_document(station, receipt_no)
    sale_id = _sale_id(station, doc.receipt_no)
    path = Path(path).expanduser()
    where = f"pdf:{path}"
    logo = Path(station.setting("receipt.logo") or ".") if doc.logo else None
    try:
        path.write_bytes(render_pdf(doc, logo))
    except OSError as exc:
        msg = f"The PDF could not be saved to {path} ({exc.strerror})."
        printing.record(
            station,
            kind="pdf",
            printer_url=where,
            profile="pdf",
            status="failed",
            actor=actor.username,
            sale_id=sale_id,
            receipt_no=doc.receipt_no,
            copy_no=doc.reprint_count,
            error=msg,
        )
        _audit(station, actor, doc, where, False, msg)
        raise DeviceError(msg) from exc
    printing.record(
        station,
        kind="pdf",
        printer_url=where,
        profile="pdf",
        status="ok",
        actor=actor.username,
        sale_id=sale_id,
        receipt_no=doc.receipt_no,
        copy_no=doc.reprint_count,
    )
    _audit(station, actor, doc, where, True)
    return printing.PrintOutcome(
        doc.receipt_no,
        str(path),
        doc.reprint_count,
        str(path),
        f"Receipt {doc.receipt_no} saved as {path} (REPRINT #{doc.reprint_count}).",
    )
