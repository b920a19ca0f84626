"""Reads keyed in route order: the next meter comes up with its last read and expected range.

A read below the previous one asks the reader: rollover or error (`RolloverOrError`); one
outside the account's normal range is saved held for review; an estimated read is marked so.
A read once billed is corrected by a new read that replaces it, and its bill is reversed and
billed again in the same transaction (billing/rebill.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.messages import Msg
from counterpos.domain.utility.reads import (
    BelowPrevious,
    ReadError,
    after_estimate,
    consumption,
    normal_range,
    review_reason,
)
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.meters.inventory import find_meter
from counterpos.services.utility.meters.state import (
    EFFECTIVE,
    LastRead,
    Placement,
    averages,
    installed,
    last_actual,
    last_read,
    last_reads,
    review_limits,
)
from counterpos.store.models import MeterRead, UtilityAccount
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import read_row

REVIEW_TEXT = {
    "high": "above the account's normal use",
    "low": "below the account's normal use",
    "below_previous": "below the previous read: rollover or error?",
}


class RolloverOrError(InputError):
    """The read is below the previous one. Nothing was saved: enter it again saying whether
    the meter rolled over (or correct it)."""

    def __init__(self, exc: BelowPrevious) -> None:
        super().__init__(Msg("{exc} Rolled over, or a wrong read?", exc=exc), field="rollover")
        self.previous = exc.previous
        self.value = exc.value
        self.rollover_units = exc.rollover_units


@dataclass(frozen=True)
class RouteStop:
    """One meter of a route: what the reader needs to take its read."""

    position: int
    serial: str
    account_no: str
    service_address: str
    location: str
    route: str
    route_seq: int
    dials: int
    last_value: int | None
    last_read_on: date | None
    expected_low: int | None  # the read the account's normal use would give: low..high
    expected_high: int | None
    read_value: int | None  # already read on or after `since`
    held: str


def routes(station: Station) -> list[tuple[str, int]]:
    """The routes and how many installed meters each has."""
    with station.store.read() as s:
        counts: dict[str, int] = {}
        for p in installed(s):
            counts[p.route] = counts.get(p.route, 0) + 1
        return sorted(counts.items())


def route_sheet(station: Station, route: str, since: date | None = None) -> list[RouteStop]:
    """The route's meters in route order; `read_value` shows reads taken on or after `since`
    (default: the first of this month)."""
    since = since or local_today().replace(day=1)
    route = (route or "").strip().upper()
    with station.store.read() as s:
        stops = installed(s, route)
        lasts = last_reads(s)
        accounts = {
            a.id: a.account_no
            for a in s.scalars(
                select(UtilityAccount).where(
                    UtilityAccount.id.in_([p.account_id for p in stops if p.account_id])
                )
            )
        }
        avgs = averages(s, local_today(), [p.account_id for p in stops if p.account_id])
        high, low = review_limits(s)
        out = []
        for i, p in enumerate(stops, 1):
            last = lasts.get(p.meter_id)
            before = _before(s, p.meter_id, since) if last and last.read_on >= since else last
            rng = normal_range(avgs.get(p.account_id or ""), high, low)
            base = before.value if before else None
            out.append(
                RouteStop(
                    i,
                    p.serial,
                    accounts.get(p.account_id or "", ""),
                    p.service_address,
                    p.location,
                    p.route,
                    p.route_seq,
                    p.dials,
                    base,
                    before.read_on if before else None,
                    (base + rng.low) % 10**p.dials if rng and base is not None else None,
                    (base + rng.high) % 10**p.dials if rng and base is not None else None,
                    last.value if last and last.read_on >= since and last.kind != "first" else None,
                    _held(s, last.read_id) if last and last.read_on >= since else "",
                )
            )
        return out


def _before(s: Session, meter_id: str, since: date) -> LastRead | None:
    row = s.execute(
        text(
            "SELECT r.id, r.meter_id, r.value, r.read_on, r.kind FROM meter_read r "
            f"WHERE r.meter_id = :m AND r.read_on < :d AND {EFFECTIVE} "
            "ORDER BY r.read_on DESC, r.created_at DESC, r.id DESC LIMIT 1"
        ),
        {"m": meter_id, "d": since},
    ).first()
    if row is None:
        return None
    on = row[3]
    return LastRead(
        row[0], row[1], int(row[2]), date.fromisoformat(on) if isinstance(on, str) else on, row[4]
    )


def _held(s: Session, read_id: str) -> str:
    row = s.execute(
        text(
            "SELECT r.review FROM meter_read r WHERE r.id = :r AND r.review <> '' AND NOT EXISTS "
            "(SELECT 1 FROM read_review v WHERE v.read_id = r.id)"
        ),
        {"r": read_id},
    ).first()
    return row[0] if row else ""


@dataclass(frozen=True)
class ReadResult:
    read_id: str
    serial: str
    account_no: str
    value: int
    consumption: int | None
    kind: str  # actual, estimated
    held: str  # "", high, low, below_previous
    message: str


def check_read(
    s: Session,
    p: Placement,
    previous: LastRead | None,
    value: int,
    read_on: date,
    estimated: bool,
    rollover: bool | None,
    average: Decimal | None,
    limits: tuple[int, int],
) -> tuple[int | None, str]:
    """(consumption, held reason) for a new read, or InputError saying why it cannot be taken."""
    if p.status != "installed" or not p.account_id:
        raise StateError(
            "Meter {serial} is not installed at an account; it cannot be read.", serial=p.serial
        )
    if read_on > local_today():
        raise InputError("A read cannot be dated in the future.", field="read_on")
    if previous is None:
        raise StateError(
            "Meter {serial} has no first read; install it properly first.", serial=p.serial
        )
    if read_on < previous.read_on:
        raise InputError(
            "Meter {serial} was last read on {read_on:%m/%d/%Y}; this read is earlier.",
            field="read_on",
            serial=p.serial,
            read_on=previous.read_on,
        )
    if read_on == previous.read_on and previous.kind != "first":
        raise InputError(
            "Meter {serial} already has a read on {read_on:%m/%d/%Y}; correct that one instead.",
            field="read_on",
            serial=p.serial,
            read_on=read_on,
        )
    if previous.kind == "estimated" and not estimated and value < previous.value:
        actual = last_actual(s, p.meter_id)
        if actual is not None and after_estimate(previous.value, actual.value, value):
            return 0, ""  # the estimates ran ahead: corrected by calculation, not billed twice
    try:
        units = consumption(previous.value, value, p.dials, bool(rollover))
    except BelowPrevious as exc:
        if rollover is None:
            raise RolloverOrError(exc) from exc
        raise InputError(exc, field="value") from exc
    except ReadError as exc:
        raise InputError(exc, field="value") from exc
    if estimated:
        return units, ""
    high, low = limits
    return units, review_reason(units, average, high, low)


def enter_read(
    station: Station,
    actor: Actor,
    serial: str,
    value: int,
    *,
    read_on: date | None = None,
    estimated: bool = False,
    rollover: bool | None = None,
) -> ReadResult:
    """Save one read. `rollover`: None asks (RolloverOrError) when the read is below the
    previous one; True takes it as a rollover; False refuses it as an error."""
    actor.require("utility_desk", "enter meter reads")
    read_on = read_on or local_today()
    with station.store.write() as s:
        p = find_meter(s, serial)
        previous = last_read(s, p.meter_id)
        avg = averages(s, read_on, [p.account_id]).get(p.account_id or "") if p.account_id else None
        units, held = check_read(
            s, p, previous, value, read_on, estimated, rollover, avg, review_limits(s)
        )
        assert previous is not None and p.account_id is not None
        row = read_row(
            meter_id=p.meter_id,
            account_id=p.account_id,
            read_on=read_on,
            value=value,
            kind="estimated" if estimated else "actual",
            consumption=units,
            previous_read_id=previous.read_id,
            review=held,
            rollover=bool(rollover),
            source="keyed",
            station_code=station.code,
            created_by=actor.username,
        )
        insert_synced(s, [(MeterRead, [row])])
        acct = s.get(UtilityAccount, p.account_id)
        account_no = acct.account_no if acct else ""
        audit.record(
            s,
            station.code,
            "read_entered",
            actor=actor.username,
            target=p.serial,
            details={"value": value, "consumption": units, "held": held, "estimated": estimated},
        )
    message = f"{p.serial}: {units} {p.unit} used" + (
        f" — held for review ({REVIEW_TEXT[held]})" if held else ""
    )
    return ReadResult(row["id"], p.serial, account_no, value, units, row["kind"], held, message)


@dataclass(frozen=True)
class ReadView:
    read_id: str
    serial: str
    read_on: date
    value: int
    consumption: int | None
    kind: str
    held: str  # a reason still waiting for review
    decision: str  # accept, rollover, reject once reviewed
    replaced: bool


def reads_of(station: Station, account_no: str, limit: int = 24) -> list[ReadView]:
    """The account's reads, newest first (corrected ones marked replaced)."""
    with station.store.read() as s:
        acct = find_account(s, account_no)
        rows = s.execute(
            text(
                "SELECT r.id, m.serial, r.read_on, r.value, COALESCE(v.consumption, "
                "r.consumption), r.kind, r.review, COALESCE(v.decision, ''), EXISTS "
                "(SELECT 1 FROM meter_read c WHERE c.replaces_id = r.id) "
                "FROM meter_read r JOIN meter m ON m.id = r.meter_id "
                "LEFT JOIN read_review v ON v.read_id = r.id "
                "WHERE r.account_id = :a ORDER BY r.read_on DESC, r.created_at DESC LIMIT :n"
            ),
            {"a": acct.id, "n": limit},
        ).all()
        return [
            ReadView(
                r[0],
                r[1],
                date.fromisoformat(r[2]) if isinstance(r[2], str) else r[2],
                int(r[3]),
                None if r[4] is None else int(r[4]),
                r[5],
                r[6] if r[6] and not r[7] else "",
                r[7],
                bool(r[8]),
            )
            for r in rows
        ]
