"""Reading the audit trail: filtered listing for the supervisor screen and CLI, and its check.

The check (`verify`) is the hash chain (services/audit.py), then the store around it
(`check_store`): every sale, void and refund against its audit event (amounts, lines, tenders)
and against the copies of its rows queued in the outbox in its own transaction; every receipt
number used once, none missing; the outbox's own sequence unbroken to the highest id SQLite ever
gave it; every printed receipt and every card payment's sale still there. So an appended event
without a copy, a sale whose amounts were changed, and the last sale removed with its event,
its copies and its number are all found.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from counterpos.domain.kinds import SaleKind
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.station import Station
from counterpos.store.models import (
    AuditEvent,
    CardRequest,
    OutboxRow,
    PaidInOut,
    PrintJob,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
)
from counterpos.store.outbox import row_payload


@dataclass(frozen=True)
class EventView:
    seq: int
    at: datetime  # local time
    station_code: str
    action: str
    actor: str
    approver: str
    target: str
    details: dict[str, Any]


def utc_bound(day: date) -> datetime:
    """Local midnight starting `day`, as the naive UTC the store holds (at the very ends of
    the calendar, where the time zone has no room, the earliest or latest time there is)."""
    try:
        return datetime.combine(day, time()).astimezone(UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):
        return datetime.min if day.year < 5000 else datetime.max


def utc_end(day: date) -> datetime:
    """Local midnight ending `day` (the start of the next one), as naive UTC."""
    return datetime.max if day >= date.max else utc_bound(day + timedelta(days=1))


def list_events(
    station: Station,
    actor: Actor,
    *,
    action: str = "",
    user: str = "",
    since: date | None = None,
    until: date | None = None,
    text: str = "",
    limit: int = 500,
) -> list[EventView]:
    """Newest first. `user` matches the actor or the approver; dates are local, inclusive."""
    actor.require("view_reports", "look at the audit trail")
    q = select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(max(1, min(limit, 100_000)))
    if action:
        q = q.where(AuditEvent.action == action)
    if user:
        u = user.strip().lower()
        q = q.where(or_(AuditEvent.actor == u, AuditEvent.approver == u))
    if since:
        q = q.where(AuditEvent.at >= utc_bound(since))
    if until:
        q = q.where(AuditEvent.at < utc_end(until))
    if text:
        q = q.where(AuditEvent.target.contains(text.strip()))
    with station.store.read() as s:
        return [
            EventView(
                e.seq,
                to_local(e.at),
                e.station_code,
                e.action,
                e.actor,
                e.approver,
                e.target,
                dict(e.details or {}),
            )
            for e in s.scalars(q)
        ]


def actions(station: Station) -> list[str]:
    with station.store.read() as s:
        return sorted(s.scalars(select(AuditEvent.action).distinct()))


def verify(station: Station) -> audit.ChainCheck:
    """Check the whole chain (any user may run it: it reveals nothing but OK or a sequence)."""
    with station.store.read() as s:
        return audit.verify(s)


Problem = tuple[int | None, str]  # (the audit event it concerns, if any; what is wrong)
# Their rows are compared with the copies queued in the outbox.
_COPIED: tuple[type[Any], ...] = (Sale, SaleLine, TenderRow, PaidInOut)


def _as_stored(obj: Any) -> dict[str, Any]:
    return json.loads(json.dumps(row_payload(obj), sort_keys=True, default=str))


def _differs(obj: Any, copy: dict[str, Any]) -> list[str]:
    mine = _as_stored(obj)
    return sorted(k for k in mine.keys() | copy.keys() if mine.get(k) != copy.get(k))


def _copies_check(session: Session) -> list[Problem]:
    """Each row of a sale, its lines and tenders, and each paid-in/out, against its copy."""
    found: list[Problem] = []
    for model in _COPIED:
        table = model.__tablename__
        copies = audit._queued_copies(session, table)
        seen = set()
        for obj in session.scalars(select(model)):
            rid: str = obj.id  # every copied model has an id
            seen.add(rid)
            name = f"{table.replace('_', ' ')} {getattr(obj, 'receipt_no', rid)}"
            copy = copies.get(rid)
            if copy is None:
                found.append((None, f"{name} has no copy in the outbox"))
                continue
            diff = _differs(obj, copy)
            if diff:
                found.append(
                    (
                        None,
                        f"{name} differs from the copy queued when it was written ({', '.join(diff)})",
                    )
                )
        for rid, copy in copies.items():
            if rid not in seen:
                what = copy.get("receipt_no") or rid
                found.append(
                    (
                        None,
                        f"{table.replace('_', ' ')} {what} was deleted (its outbox copy remains)",
                    )
                )
    return found


def _event_for(events: dict[tuple[str, str], AuditEvent], sale: Sale) -> AuditEvent | None:
    if sale.kind == SaleKind.VOID:
        return events.get(("void", sale.receipt_no.removesuffix("-V")))
    return events.get((str(sale.kind), sale.receipt_no))


def _sales_check(session: Session) -> list[Problem]:
    """Each sale, void and refund: its lines and tenders add up, and its audit event agrees."""
    found: list[Problem] = []
    events = {
        (e.action, e.target): e
        for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(("sale", "void", "refund")))
        )
    }
    matched: set[str] = set()
    for sale in session.scalars(select(Sale).order_by(Sale.created_at)):
        no = sale.receipt_no
        lines = sum(li.amount_cents for li in sale.lines)
        paid = sum(t.amount_cents for t in sale.tenders)
        event = _event_for(events, sale)
        seq = event.seq if event is not None else None
        if lines != sale.total_cents:
            found.append(
                (
                    seq,
                    f"receipt {no}: its lines come to {lines}, its total is {sale.total_cents} (cents)",
                )
            )
        if paid != sale.total_cents:
            found.append(
                (
                    seq,
                    f"receipt {no}: its tenders come to {paid}, its total is {sale.total_cents} (cents)",
                )
            )
        if event is None:
            found.append((None, f"receipt {no} ({sale.kind}) has no audit event"))
            continue
        matched.add(event.id)
        d = event.details or {}
        if sale.kind == SaleKind.SALE:
            expected = {
                "total_cents": sale.total_cents,
                "lines": len(sale.lines),
                "tenders": [t.kind for t in sale.tenders],
            }
        elif sale.kind == SaleKind.VOID:
            expected = {"total_cents": -sale.total_cents}
        else:
            expected = {"amount_cents": -sale.total_cents}
        wrong = [k for k, v in expected.items() if d.get(k) != v]
        if wrong:
            found.append(
                (
                    seq,
                    f"receipt {no} does not match its audit event {event.seq} ({', '.join(wrong)})",
                )
            )
    for (action, target), event in sorted(events.items(), key=lambda kv: kv[1].seq):
        if event.id not in matched:
            found.append(
                (
                    event.seq,
                    f"audit event {event.seq} ({action} {target}): that receipt is not in the store",
                )
            )
    return found


def _numbers_check(session: Session) -> list[Problem]:
    """Every receipt number of the sequence used once (a sale, a refund or a paid-in/out slip;
    a void keeps its sale's), none missing, none above the sequence."""
    found: list[Problem] = []
    used: dict[str, Counter[int]] = {}
    for code, seq in session.execute(
        select(Sale.station_code, Sale.sequence).where(Sale.kind != SaleKind.VOID)
    ):
        used.setdefault(code, Counter())[seq] += 1
    for code, seq in session.execute(select(PaidInOut.station_code, PaidInOut.sequence)):
        used.setdefault(code, Counter())[seq] += 1
    last = dict(
        session.execute(select(ReceiptSequence.station_code, ReceiptSequence.last_value)).all()
    )
    skipped = _resolved_gaps(session)
    for code in sorted(set(used) | set(last)):
        numbers = used.get(code, Counter())
        top = max([last.get(code, 0), *numbers])
        twice = sorted(n for n, c in numbers.items() if c > 1)
        gaps = skipped.get(code, [])
        missing = [
            n
            for n in range(1, top + 1)
            if n not in numbers and not any(lo < n <= hi for lo, hi in gaps)
        ]
        if twice:
            found.append((None, "receipt numbers used twice: " + _list(code, twice)))
        if missing:
            found.append((None, "receipt numbers missing: " + _list(code, missing)))
        if numbers and last.get(code, 0) < max(numbers):
            found.append(
                (
                    None,
                    f"the receipt sequence of {code} was set back below {format_receipt_no(code, max(numbers))}",
                )
            )
    return found


def _resolved_gaps(session: Session) -> dict[str, list[tuple[int, int]]]:
    """Numbers a supervisor let the sequence skip, per station: a store restored from an older
    copy goes on after the centre's highest number (services/central/continuity.resolve), and
    the numbers (store_last, central_high] were issued by the newer copy and are at the centre.
    The event that says so is itself checked by the chain and its outbox copy."""
    out: dict[str, list[tuple[int, int]]] = {}
    for code, details in session.execute(
        select(AuditEvent.station_code, AuditEvent.details).where(
            AuditEvent.action == "receipt_numbering_resolved"
        )
    ):
        lo, hi = (details or {}).get("store_last"), (details or {}).get("central_high")
        if type(lo) is int and type(hi) is int and 0 <= lo < hi:
            out.setdefault(code, []).append((lo, hi))
    return out


def _list(code: str, numbers: list[int]) -> str:
    shown = ", ".join(format_receipt_no(code, n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


def _outbox_check(session: Session) -> list[Problem]:
    """The outbox's ids run unbroken from 1 to the highest id SQLite ever gave (AUTOINCREMENT
    keeps it in sqlite_sequence): rows removed, at the end too, leave a gap."""
    count, top = session.execute(select(func.count(), func.max(OutboxRow.id))).one()
    top = top or 0
    ever = (
        session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")).scalar()
        if _has_sqlite_sequence(session)
        else None
    )
    found: list[Problem] = []
    if count != top:
        ids = set(session.scalars(select(OutboxRow.id)))
        gaps = [i for i in range(1, top + 1) if i not in ids]
        found.append(
            (
                None,
                f"{len(gaps)} outbox row(s) were removed (ids {', '.join(map(str, gaps[:10]))}{'...' if len(gaps) > 10 else ''})",
            )
        )
    if ever is not None and ever > top:
        found.append((None, f"outbox rows {top + 1} to {ever} were removed from its end"))
    return found


def _has_sqlite_sequence(session: Session) -> bool:
    return bool(
        session.execute(
            text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'")
        ).scalar()
    )


def _references_check(session: Session) -> list[Problem]:
    """Receipts that were printed, and card payments linked to a sale, name rows still there."""
    found: list[Problem] = []
    known = set(session.scalars(select(Sale.receipt_no))) | set(
        session.scalars(select(PaidInOut.receipt_no))
    )
    for no, at in session.execute(
        select(PrintJob.receipt_no, func.min(PrintJob.created_at))
        .where(PrintJob.receipt_no != "")
        .group_by(PrintJob.receipt_no)
    ):
        if no not in known:
            found.append(
                (
                    None,
                    f"receipt {no} was printed ({to_local(at):%m/%d/%Y %H:%M}) but is not in the store",
                )
            )
    sales = set(session.scalars(select(Sale.id)))
    for rid, sale_id in session.execute(
        select(CardRequest.request_id, CardRequest.sale_id).where(CardRequest.sale_id.is_not(None))
    ):
        if sale_id not in sales:
            found.append((None, f"card payment {rid} was on a sale that is not in the store"))
    return found


def check_store(session: Session) -> list[Problem]:
    """What the chain alone cannot see (see the module's docstring). Empty when all is well."""
    return (
        _sales_check(session)
        + _copies_check(session)
        + _numbers_check(session)
        + _outbox_check(session)
        + _references_check(session)
    )
