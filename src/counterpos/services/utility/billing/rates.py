"""Utility policy as effective-dated data: water rates, the leak policy, the delinquency calendar,
and the days the office is closed. A new schedule is added from a date on; none is edited."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.utility.calculations import CalculationError, parse_leak_policy
from counterpos.domain.utility.delinquency import PolicyError, parse_policy
from counterpos.domain.utility.rates import RateError, parse_schedule
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import Holiday, RateSchedule

KINDS = {
    "water_rates": "Water and sewer rates",
    "leak_policy": "Leak adjustment policy",
    "delinquency": "Late fees, notices and shut-off calendar",
}
MAX_AHEAD_DAYS = 730


def _parser(kind: str) -> Callable[[dict[str, Any], date], Any]:
    if kind == "water_rates":
        return parse_schedule
    if kind == "leak_policy":
        return lambda body, _on: parse_leak_policy(body)
    if kind == "delinquency":
        return lambda body, _on: parse_policy(body)
    raise InputError("Kind: one of {choices}.", field="kind", choices=", ".join(KINDS))


@functools.lru_cache(maxsize=64)
def _parsed(kind: str, schedule_id: str, effective_from: date, body_json: str) -> Any:
    return _parser(kind)(json.loads(body_json), effective_from)


def in_effect(session: Session, kind: str, on: date) -> tuple[str, Any]:
    """(schedule id, parsed policy) of the newest schedule of `kind` in effect on `on`."""
    row = session.scalars(
        select(RateSchedule)
        .where(RateSchedule.kind == kind, RateSchedule.effective_from <= on)
        .order_by(RateSchedule.effective_from.desc(), RateSchedule.created_at.desc())
        .limit(1)
    ).first()
    if row is None:
        raise NotFound(
            "No {rates} are in effect on {on:%m/%d/%Y}.", rates=KINDS[kind].lower(), on=on
        )
    return row.id, _parsed(kind, row.id, row.effective_from, json.dumps(row.body))


def water_rates(session: Session, on: date):
    return in_effect(session, "water_rates", on)[1]


def leak_policy(session: Session, on: date):
    return in_effect(session, "leak_policy", on)[1]


def delinquency_policy(session: Session, on: date):
    return in_effect(session, "delinquency", on)[1]


def closed_days(session: Session) -> frozenset[date]:
    """Holidays and office closures: no business day, no disconnection."""
    return frozenset(session.scalars(select(Holiday.day)))


@dataclass(frozen=True)
class ScheduleView:
    kind: str
    effective_from: date
    body: dict[str, Any]
    created_by: str
    created_at: datetime


def history(station: Station, kind: str) -> list[ScheduleView]:
    _parser(kind)
    with station.store.read() as s:
        return [
            ScheduleView(r.kind, r.effective_from, r.body, r.created_by, r.created_at)
            for r in s.scalars(
                select(RateSchedule)
                .where(RateSchedule.kind == kind)
                .order_by(RateSchedule.effective_from.desc(), RateSchedule.created_at.desc())
            )
        ]


def add_schedule(
    station: Station, actor: Actor, kind: str, body: dict[str, Any], effective_from: date
) -> ScheduleView:
    """A new schedule of rates or policy from a date on (today or later), checked first."""
    actor.require("edit_fees", "change utility rates and policies")
    parse = _parser(kind)
    today = local_today()
    if effective_from < today:
        raise InputError(
            "New rates cannot take effect in the past: bills already made keep theirs.",
            field="effective_from",
        )
    if (effective_from - today).days > MAX_AHEAD_DAYS:
        raise InputError("New rates can be set at most two years ahead.", field="effective_from")
    try:
        parse(body, effective_from)
    except (RateError, PolicyError, CalculationError) as exc:
        raise InputError(exc, field="body") from exc
    with station.store.write() as s:
        row = RateSchedule(
            kind=kind, effective_from=effective_from, body=body, created_by=actor.username
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            station.code,
            "rate_schedule_added",
            actor=actor.username,
            target=kind,
            details={"effective_from": effective_from.isoformat(), "body": body},
        )
        return ScheduleView(kind, effective_from, body, actor.username, row.created_at)


def add_closed_day(
    station: Station, actor: Actor, day: date, name: str, kind: str = "holiday"
) -> None:
    """A holiday or an office closure (no business day: no disconnection, notices count past it)."""
    actor.require("edit_fees", "change the office calendar")
    name = " ".join(name.split())
    if not name:
        raise InputError("Name the holiday or the closure.", field="name")
    if kind not in ("holiday", "office_closed"):
        raise InputError("Kind: holiday or office_closed.", field="kind")
    with station.store.write() as s:
        if s.get(Holiday, day) is not None:
            raise InputError("{day:%m/%d/%Y} is already a closed day.", field="day", day=day)
        s.add(Holiday(day=day, name=name[:80], kind=kind))
        audit.record(
            s,
            station.code,
            "closed_day_added",
            actor=actor.username,
            target=day.isoformat(),
            details={"name": name, "kind": kind},
        )
