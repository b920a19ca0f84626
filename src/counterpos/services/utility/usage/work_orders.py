"""Work orders: investigate a leak, test or replace a meter; their status and their finding.

Each step is a new row (open, assigned, in progress, closed); closing needs a finding. A leak
found and repaired (with its repair date: the leak policy's proof) or a meter found fast leads
to an adjustment by calculation (calculated/).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.messages import word
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.meters.state import installed_at
from counterpos.services.utility.numbers import next_number
from counterpos.store.models import Meter, UtilityAccount, WorkOrder, WorkOrderEvent

KINDS = {
    "leak_check": "Investigate a possible leak",
    "meter_test": "Test the meter",
    "meter_replace": "Replace the meter",
}
STATUSES = ("open", "assigned", "in_progress", "closed")
FINDINGS = {
    "leak_repaired": "Customer-side leak, repaired",
    "leak_not_repaired": "Customer-side leak, not yet repaired",
    "meter_fast": "Meter over-registers (tested fast)",
    "meter_ok": "Meter tested accurate",
    "meter_replaced": "Meter replaced",
    "no_problem": "No leak or fault found",
}
LEADS_TO = {"leak_repaired": "leak", "meter_fast": "misread"}


@dataclass(frozen=True)
class WorkOrderView:
    wo_no: str
    account_no: str
    kind: str
    kind_text: str
    reason: str
    opened_on: date
    status: str
    finding: str
    finding_text: str
    repaired_on: date | None
    meter_serial: str
    leads_to: str  # "leak" (a leak adjustment), "misread", or ""


def open_order(
    s: Session,
    station_code: str,
    username: str,
    account: UtilityAccount,
    kind: str,
    reason: str,
    read_id: str | None = None,
    on: date | None = None,
) -> str:
    """Write a new work order inside the caller's transaction; its number."""
    if kind not in KINDS:
        raise InputError("Kind: one of {choices}.", field="kind", choices=", ".join(KINDS))
    meters = installed_at(s, account.id)
    wo_no = next_number(s, WorkOrder.wo_no, station_code, "W")
    s.add(
        WorkOrder(
            wo_no=wo_no,
            account_id=account.id,
            meter_id=meters[0].meter_id if meters else None,
            read_id=read_id,
            kind=kind,
            reason=reason[:1000],
            opened_on=on or local_today(),
            station_code=station_code,
            created_by=username,
        )
    )
    s.flush()
    return wo_no


def open_work_order(
    station: Station, actor: Actor, account_no: str, kind: str, reason: str
) -> WorkOrderView:
    actor.require("utility_desk", "open work orders")
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise InputError("Say what the crew should look at.", field="reason")
    with station.store.write() as s:
        acct = find_account(s, account_no)
        wo_no = open_order(s, station.code, actor.username, acct, kind, reason)
        audit.record(
            s,
            station.code,
            "work_order_opened",
            actor=actor.username,
            target=wo_no,
            details={"account_no": acct.account_no, "kind": kind},
        )
        return _view(s, _find(s, wo_no))


def _find(s: Session, wo_no: str) -> WorkOrder:
    wo = s.scalars(select(WorkOrder).where(WorkOrder.wo_no == wo_no.strip().upper())).first()
    if wo is None:
        raise NotFound("There is no work order {wo_no}.", wo_no=wo_no.strip().upper())
    return wo


def _latest(s: Session, wo: WorkOrder) -> WorkOrderEvent | None:
    return s.scalars(
        select(WorkOrderEvent)
        .where(WorkOrderEvent.work_order_id == wo.id)
        .order_by(WorkOrderEvent.created_at.desc(), WorkOrderEvent.id.desc())
        .limit(1)
    ).first()


def _view(s: Session, wo: WorkOrder) -> WorkOrderView:
    ev = _latest(s, wo)
    acct = s.get(UtilityAccount, wo.account_id)
    meter = s.get(Meter, wo.meter_id) if wo.meter_id else None
    finding = ev.finding if ev else ""
    return WorkOrderView(
        wo.wo_no,
        acct.account_no if acct else "",
        wo.kind,
        KINDS.get(wo.kind, wo.kind),
        wo.reason,
        wo.opened_on,
        ev.status if ev else "open",
        finding,
        FINDINGS.get(finding, ""),
        ev.repaired_on if ev else None,
        meter.serial if meter else "",
        LEADS_TO.get(finding, "") if ev and ev.status == "closed" else "",
    )


def update_work_order(
    station: Station,
    actor: Actor,
    wo_no: str,
    status: str,
    *,
    finding: str = "",
    repaired_on: date | None = None,
    note: str = "",
) -> WorkOrderView:
    """The next step of a work order; closing it records what was found."""
    actor.require("utility_desk", "update work orders")
    if status not in STATUSES[1:]:
        raise InputError("Status: assigned, in_progress or closed.", field="status")
    if status == "closed":
        if finding not in FINDINGS:
            raise InputError("Closing a work order needs its finding.", field="finding")
        if finding == "leak_repaired":
            if repaired_on is None:
                raise InputError("Give the date the leak was repaired.", field="repaired_on")
            if repaired_on > local_today():
                raise InputError("The repair date cannot be in the future.", field="repaired_on")
    elif finding or repaired_on:
        raise InputError("A finding is recorded when the work order is closed.", field="finding")
    with station.store.write() as s:
        wo = _find(s, wo_no)
        current = _latest(s, wo)
        now = current.status if current else "open"
        if now == "closed":
            raise StateError("Work order {wo_no} is closed; open a new one.", wo_no=wo.wo_no)
        if STATUSES.index(status) < STATUSES.index(now):
            raise StateError("Work order {wo_no} is already {now}.", wo_no=wo.wo_no, now=word(now))
        s.add(
            WorkOrderEvent(
                work_order_id=wo.id,
                status=status,
                finding=finding,
                repaired_on=repaired_on,
                note=" ".join(note.split())[:1000],
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s,
            station.code,
            "work_order_updated",
            actor=actor.username,
            target=wo.wo_no,
            details={"status": status, "finding": finding},
        )
        return _view(s, wo)


def work_order(station: Station, wo_no: str) -> WorkOrderView:
    with station.store.read() as s:
        return _view(s, _find(s, wo_no))


def work_orders_of(
    station: Station, account_no: str, open_only: bool = False
) -> list[WorkOrderView]:
    with station.store.read() as s:
        acct = find_account(s, account_no)
        views = [
            _view(s, wo)
            for wo in s.scalars(
                select(WorkOrder)
                .where(WorkOrder.account_id == acct.id)
                .order_by(WorkOrder.opened_on.desc(), WorkOrder.wo_no.desc())
            )
        ]
        return [v for v in views if v.status != "closed"] if open_only else views


def open_work_orders(station: Station) -> list[WorkOrderView]:
    with station.store.read() as s:
        views = [_view(s, wo) for wo in s.scalars(select(WorkOrder).order_by(WorkOrder.wo_no))]
        return [v for v in views if v.status != "closed"]
