"""A bill as the customer gets it (PDF), one at a time or a whole run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from counterpos.documents.utility_bill_pdf import render_bill, render_bills
from counterpos.domain.bill_stub import StubError, make_stub
from counterpos.domain.document_language import date_text, label
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.domain.utility.documents import BillDocument
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.errors import NotFound
from counterpos.services.sale.receipts import document_language
from counterpos.services.station import Station
from counterpos.services.utility.billing.bills import BillView, find_bill
from counterpos.services.utility.letterhead import city_heading
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.services.utility.notices.record import address_of
from counterpos.store.models import (
    BillingRun,
    Customer,
    LedgerEntry,
    Meter,
    MeterRead,
    UtilityAccount,
)

KIND = {
    "actual": "actual",
    "estimated": "ESTIMATED",
    "final": "final (meter removed)",
    "first": "first",
}


def _balance_before(s: Session, account_id: str, entry_id: str | None) -> int:
    entry = s.get(LedgerEntry, entry_id) if entry_id else None
    if entry is None:
        return 0
    return int(
        s.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                LedgerEntry.account_id == account_id,
                LedgerEntry.entry_type.not_in(DEPOSIT_TYPES),
                LedgerEntry.created_at < entry.created_at,
            )
        )
        or 0
    )


def document(
    s: Session, b: BillView, *, reprint: bool = False, setting: str | None = None
) -> BillDocument:
    """The bill as its customer reads it: in their preferred language as `receipt.language`
    (`setting`, when the caller has read it) sets every customer document."""
    acct = s.get(UtilityAccount, b.account_id)
    assert acct is not None
    cid, addressee, mail_to = address_of(s, acct)
    customer = s.get(Customer, cid) if cid else None  # address_of has it in the session
    language = document_language(
        setting if setting is not None else settings.get(s, "receipt.language"),
        customer.preferred_language if customer is not None else None,
    )
    reads = [s.get(MeterRead, rid) for rid in b.read_ids]
    got = [r for r in reads if r is not None]
    got.sort(key=lambda r: (r.read_on, r.created_at))
    shown: list[tuple[str, str, str]] = []
    if got and got[0].previous_read_id:
        prev = s.get(MeterRead, got[0].previous_read_id)
        if prev is not None:
            shown.append(
                (date_text(prev.read_on, language), str(prev.value), label("previous", language))
            )
    for r in got:
        kind = label(KIND.get(r.kind, r.kind), language)
        shown.append((date_text(r.read_on, language), str(r.value), kind))
    meter = s.get(Meter, got[-1].meter_id) if got else None
    history = [
        (cycle, int(units))
        for cycle, units in s.execute(
            text(
                f"SELECT b.cycle, b.consumption FROM bill b WHERE b.account_id = :a AND {LIVE_BILL} "
                "AND b.bill_date <= :d AND b.bill_no <> :n ORDER BY b.bill_date DESC, b.bill_no DESC LIMIT 12"
            ),
            {"a": b.account_id, "d": b.bill_date, "n": b.bill_no},
        )
    ]
    history.reverse()
    before = _balance_before(s, b.account_id, b.ledger_entry_id)
    due = before + b.total_cents
    try:
        stub = make_stub(acct.account_no, Money(max(due, 0)), b.due_date) if due > 0 else ""
    except StubError:
        stub = ""
    note = b.reason
    if b.reversed_by:
        note = label("This bill was reversed by {no}.", language).format(no=b.reversed_by)
    return BillDocument(
        city=city_heading(s),
        bill_no=b.bill_no,
        account_no=b.account_no,
        addressee=addressee,
        mail_to=mail_to,
        service_address=acct.service_address,
        bill_date=b.bill_date,
        due_date=b.due_date,
        period_from=b.period_from,
        period_to=b.period_to,
        meter_serial=meter.serial if meter else "",
        meter_size=b.meter_size,
        reads=tuple(shown),
        consumption=b.consumption,
        unit=meter.unit if meter else "HCF",
        estimated=b.estimated,
        lines=tuple(
            (x.label, f"{x.units} HCF" if x.units else "", x.rate, x.cents) for x in b.lines
        ),
        current_cents=b.total_cents,
        previous_balance_cents=before,
        total_due_cents=due,
        history=(*history, (b.cycle, b.consumption)) if b.live else tuple(history),
        stub=stub,
        reversal_of=b.reverses_no,
        note=note,
        reprint=reprint,
        language=language,
    )


def bill_document(station: Station, bill_no: str) -> BillDocument:
    with station.store.read() as s:
        return document(s, find_bill(s, bill_no))


def bill_pdf(station: Station, actor: Actor, bill_no: str) -> bytes:
    """One bill's PDF (a copy: the bill itself went out with its run); audited."""
    with station.store.read() as s:
        doc = document(s, find_bill(s, bill_no), reprint=True)
    pdf = render_bill(doc)
    with station.store.write() as s:
        audit.record(s, station.code, "bill_printed", actor=actor.username, target=doc.bill_no)
    return pdf


def run_bills_pdf(
    station: Station,
    actor: Actor,
    run_no: str,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Every bill of a run into one PDF for the mail house (a background job); the count."""
    actor.require("run_billing", "print a billing run's bills")
    with station.store.read() as s:
        run = s.scalars(
            select(BillingRun).where(BillingRun.run_no == run_no.strip().upper())
        ).first()
        if run is None:
            raise NotFound("There is no billing run {run_no}.", run_no=run_no.strip().upper())
        numbers = list(
            s.scalars(
                text("SELECT b.bill_no FROM bill b WHERE b.run_id = :r ORDER BY b.bill_no"),
                {"r": run.id},
            )
        )
        steps = 2 * len(numbers)  # read each bill, then draw it
        docs = []
        setting = settings.get(s, "receipt.language")
        for i, no in enumerate(numbers, 1):
            docs.append(document(s, find_bill(s, no), setting=setting))
            if progress is not None:
                progress(i, steps)

    def drawn(done: int, _total: int) -> None:
        if progress is not None:
            progress(len(numbers) + done, steps)

    count = render_bills(docs, str(path), drawn)
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "bills_printed",
            actor=actor.username,
            target=run.run_no,
            details={"bills": count, "file": path.name},
        )
    return count
