"""Reading the audit trail: filtered listing for the supervisor screen and CLI, and its check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select

from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent


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
