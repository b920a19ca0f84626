"""The meter inventory: new meters entered, installed at a service address, swapped, retired.

A swap is one transaction: the old meter's final read (billed with its cycle), its removal, the
new meter's install and its first read. Nothing is edited; each step is a new row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.address import normalise_address
from counterpos.domain.messages import word
from counterpos.domain.utility.reads import (
    BelowPrevious,
    ReadError,
    capacity,
    check_value,
    consumption,
)
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.billing.rates import water_rates
from counterpos.services.utility.meters.state import (
    LastRead,
    Placement,
    installed_at,
    last_read,
    placement_of,
    placements,
)
from counterpos.store.models import Meter, MeterEvent, MeterRead, UtilityAccount
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import read_row

_SERIAL = re.compile(r"^[A-Z0-9][A-Z0-9\-_/.]{2,19}$")
_ROUTE = re.compile(r"^[A-Z0-9\-]{0,12}$")


@dataclass(frozen=True)
class MeterView:
    serial: str
    size: str
    make: str
    model: str
    dials: int
    unit: str
    status: str  # in_stock, installed, removed, retired
    account_no: str
    service_address: str
    location: str
    route: str
    route_seq: int
    since: date | None
    last_value: int | None
    last_read_on: date | None


def _view(s: Session, p: Placement) -> MeterView:
    m = s.get(Meter, p.meter_id)
    assert m is not None
    acct = s.get(UtilityAccount, p.account_id) if p.account_id else None
    last = last_read(s, p.meter_id)
    return MeterView(
        m.serial,
        m.size,
        m.make,
        m.model,
        m.dials,
        m.unit,
        p.status,
        acct.account_no if acct else "",
        p.service_address if p.status == "installed" else "",
        p.location if p.status == "installed" else "",
        p.route if p.status == "installed" else "",
        p.route_seq if p.status == "installed" else 0,
        p.since,
        last.value if last else None,
        last.read_on if last else None,
    )


def clean_serial(serial: str) -> str:
    s = (serial or "").strip().upper()
    if not _SERIAL.match(s):
        raise InputError(
            "A meter serial is 3 to 20 letters, digits or - _ / . (as stamped on the meter).",
            field="serial",
        )
    return s


def _route(route: str, seq: int) -> tuple[str, int]:
    r = (route or "").strip().upper()
    if not _ROUTE.match(r):
        raise InputError("A route is up to 12 letters or digits, like R01.", field="route")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= 99999:
        raise InputError("The route order is a whole number from 0 to 99999.", field="route_seq")
    return r, seq


def find_meter(s: Session, serial: str) -> Placement:
    p = placement_of(s, serial)
    if p is None:
        raise NotFound(
            "There is no meter {serial} in the inventory.", serial=serial.strip().upper()
        )
    return p


def add_meter(
    station: Station,
    actor: Actor,
    serial: str,
    size: str,
    make: str,
    model: str = "",
    dials: int = 4,
    received_on: date | None = None,
) -> MeterView:
    """A new meter into the inventory (in stock until installed)."""
    actor.require("utility_desk", "enter meters")
    serial = clean_serial(serial)
    make = " ".join((make or "").split())
    if not make:
        raise InputError("Enter the meter's make.", field="make")
    try:
        capacity(dials)
    except ReadError as exc:
        raise InputError(exc, field="dials") from exc
    received_on = received_on or local_today()
    if received_on > local_today():
        raise InputError("A meter cannot be received in the future.", field="received_on")
    with station.store.write() as s:
        sizes = water_rates(s, local_today()).base_by_size
        if size not in sizes:
            raise InputError(
                "Size: one of {choices} (the sizes the rates bill).",
                field="size",
                choices=", ".join(sizes),
            )
        if s.scalar(select(Meter.id).where(Meter.serial == serial)) is not None:
            raise InputError(
                "Meter {serial} is already in the inventory.", field="serial", serial=serial
            )
        meter = Meter(
            serial=serial,
            size=size,
            make=make[:40],
            model=" ".join(model.split())[:40],
            dials=dials,
            unit="HCF",
            received_on=received_on,
            station_code=station.code,
            created_by=actor.username,
        )
        s.add(meter)
        s.flush()
        audit.record(
            s,
            station.code,
            "meter_added",
            actor=actor.username,
            target=serial,
            details={"size": size, "make": make, "dials": dials},
        )
        return _view(s, find_meter(s, serial))


def _first_read(
    s: Session,
    station: Station,
    actor: Actor,
    p: Placement,
    account_id: str,
    value: int,
    on: date,
    source: str,
) -> str:
    try:
        check_value(value, p.dials)
    except ReadError as exc:
        raise InputError(exc, field="first_read") from exc
    row = read_row(
        meter_id=p.meter_id,
        account_id=account_id,
        read_on=on,
        value=value,
        kind="first",
        consumption=0,
        previous_read_id=None,
        source=source,
        station_code=station.code,
        created_by=actor.username,
    )
    insert_synced(s, [(MeterRead, [row])])
    return row["id"]


def _install(
    s: Session,
    station: Station,
    actor: Actor,
    p: Placement,
    acct: UtilityAccount,
    first_read: int,
    on: date,
    location: str,
    route: str,
    route_seq: int,
    source: str,
) -> None:
    if p.status not in ("in_stock", "removed"):
        raise StateError(
            "Meter {serial} is {status}; it cannot be installed.",
            serial=p.serial,
            status=word(p.status),
        )
    if acct.status != "active":
        raise StateError(
            "Account {account_no} is {status}; install on an active account.",
            account_no=acct.account_no,
            status=word(acct.status),
        )
    if p.since and on < p.since:
        raise InputError("The install date is before the meter's last change.", field="on")
    read_id = _first_read(s, station, actor, p, acct.id, first_read, on, source)
    s.add(
        MeterEvent(
            meter_id=p.meter_id,
            kind="installed",
            on_date=on,
            account_id=acct.id,
            service_address=acct.service_address,
            address_key=normalise_address(acct.service_address),
            location=" ".join(location.split())[:80],
            route=route,
            route_seq=route_seq,
            read_id=read_id,
            station_code=station.code,
            created_by=actor.username,
        )
    )
    s.flush()


def install_meter(
    station: Station,
    actor: Actor,
    serial: str,
    account_no: str,
    first_read: int,
    *,
    on: date | None = None,
    location: str = "",
    route: str = "",
    route_seq: int = 0,
) -> MeterView:
    """Install a meter from stock at an account's service address, with its first read."""
    actor.require("utility_desk", "install meters")
    on = on or local_today()
    if on > local_today():
        raise InputError("An install cannot be dated in the future.", field="on")
    route, route_seq = _route(route, route_seq)
    with station.store.write() as s:
        acct = find_account(s, account_no)
        if installed_at(s, acct.id):
            raise StateError(
                "Account {account_no} already has a meter; swap it instead of adding one.",
                account_no=acct.account_no,
            )
        p = find_meter(s, serial)
        _install(s, station, actor, p, acct, first_read, on, location, route, route_seq, "keyed")
        audit.record(
            s,
            station.code,
            "meter_installed",
            actor=actor.username,
            target=p.serial,
            details={"account_no": acct.account_no, "first_read": first_read, "on": on.isoformat()},
        )
        return _view(s, find_meter(s, p.serial))


@dataclass(frozen=True)
class SwapResult:
    account_no: str
    old_serial: str
    final_read: int
    final_consumption: int
    new_serial: str
    first_read: int


def swap_meter(
    station: Station,
    actor: Actor,
    account_no: str,
    final_read: int,
    new_serial: str,
    first_read: int,
    *,
    on: date | None = None,
    rollover: bool = False,
    note: str = "",
) -> SwapResult:
    """Replace the account's meter: the old one's final read and the new one's first, at once."""
    actor.require("utility_desk", "swap meters")
    on = on or local_today()
    if on > local_today():
        raise InputError("A swap cannot be dated in the future.", field="on")
    with station.store.write() as s:
        acct = find_account(s, account_no)
        current = installed_at(s, acct.id)
        if not current:
            raise StateError(
                "Account {account_no} has no meter to swap; install one.",
                account_no=acct.account_no,
            )
        old = current[0]
        new = find_meter(s, new_serial)
        if new.meter_id == old.meter_id:
            raise InputError("The new meter is the one being removed.", field="new_serial")
        previous = last_read(s, old.meter_id)
        units = _final_units(old, previous, final_read, on, rollover)
        final = read_row(
            meter_id=old.meter_id,
            account_id=acct.id,
            read_on=on,
            value=final_read,
            kind="final",
            consumption=units,
            previous_read_id=previous.read_id if previous else None,
            rollover=rollover,
            source="swap",
            station_code=station.code,
            created_by=actor.username,
        )
        insert_synced(s, [(MeterRead, [final])])
        s.add(
            MeterEvent(
                meter_id=old.meter_id,
                kind="removed",
                on_date=on,
                account_id=acct.id,
                service_address=old.service_address,
                address_key=normalise_address(old.service_address),
                read_id=final["id"],
                note=" ".join(note.split())[:500],
                station_code=station.code,
                created_by=actor.username,
            )
        )
        s.flush()
        _install(
            s,
            station,
            actor,
            new,
            acct,
            first_read,
            on,
            old.location,
            old.route,
            old.route_seq,
            "swap",
        )
        audit.record(
            s,
            station.code,
            "meter_swapped",
            actor=actor.username,
            target=acct.account_no,
            details={
                "old": old.serial,
                "final_read": final_read,
                "consumption": units,
                "new": new.serial,
                "first_read": first_read,
            },
        )
        return SwapResult(acct.account_no, old.serial, final_read, units, new.serial, first_read)


def _final_units(
    old: Placement, previous: LastRead | None, value: int, on: date, rollover: bool
) -> int:
    if previous is None:
        raise StateError(
            "Meter {serial} has no read to measure its final read from.", serial=old.serial
        )
    if on < previous.read_on:
        raise InputError(
            "The swap date is before meter {serial}'s last read ({read_on:%m/%d/%Y}).",
            field="on",
            serial=old.serial,
            read_on=previous.read_on,
        )
    try:
        return consumption(previous.value, value, old.dials, rollover)
    except BelowPrevious as exc:
        raise InputError("{exc} Say whether it rolled over.", field="rollover", exc=exc) from exc
    except ReadError as exc:
        raise InputError(exc, field="final_read") from exc


def retire_meter(station: Station, actor: Actor, serial: str, note: str) -> MeterView:
    """A removed or stocked meter taken out of service for good (failed its test, scrapped)."""
    actor.require("utility_desk", "retire meters")
    note = " ".join(note.split())
    if len(note) < 5:
        raise InputError("Say why the meter is retired.", field="note")
    with station.store.write() as s:
        p = find_meter(s, serial)
        if p.status not in ("in_stock", "removed"):
            raise StateError(
                "Meter {serial} is {status}; remove it before retiring it.",
                serial=p.serial,
                status=word(p.status),
            )
        s.add(
            MeterEvent(
                meter_id=p.meter_id,
                kind="retired",
                on_date=local_today(),
                note=note[:500],
                station_code=station.code,
                created_by=actor.username,
            )
        )
        s.flush()
        audit.record(s, station.code, "meter_retired", actor=actor.username, target=p.serial)
        return _view(s, find_meter(s, p.serial))


def meter(station: Station, serial: str) -> MeterView:
    with station.store.read() as s:
        return _view(s, find_meter(s, serial))


def meters_of(station: Station, account_no: str) -> list[MeterView]:
    """The meters installed at an account now."""
    with station.store.read() as s:
        acct = find_account(s, account_no)
        return [_view(s, p) for p in installed_at(s, acct.id)]


def inventory(station: Station, status: str | None = None) -> list[MeterView]:
    """Every meter (or those of one status), by serial."""
    with station.store.read() as s:
        found = [p for p in placements(s) if status is None or p.status == status]
        return [_view(s, p) for p in sorted(found, key=lambda p: p.serial)]
