"""Reads held for review before billing, and the decision on each: accept, rollover or reject.

A high read that is accepted is real use: the customer gets a usage notice and a work order is
opened to look for the leak or test the meter (usage/high_usage.py), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from counterpos.domain.utility.reads import capacity
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.meters.reads import REVIEW_TEXT
from counterpos.store.models import Meter, MeterRead, ReadReview

DECISIONS = {
    "accept": "Accept the read as it is",
    "rollover": "The meter rolled over",
    "reject": "A wrong read: reject it (read again)",
}


@dataclass(frozen=True)
class HeldRead:
    read_id: str
    serial: str
    account_no: str
    service_address: str
    read_on: date
    value: int
    previous: int | None
    consumption: int | None
    reason: str
    reason_text: str


def held_reads(station: Station) -> list[HeldRead]:
    """Reads waiting for a decision, by route order of their meters' accounts."""
    with station.store.read() as s:
        rows = s.execute(
            text(
                "SELECT r.id, m.serial, a.account_no, a.service_address, r.read_on, r.value, "
                "p.value, r.consumption, r.review FROM meter_read r "
                "JOIN meter m ON m.id = r.meter_id "
                "JOIN utility_account a ON a.id = r.account_id "
                "LEFT JOIN meter_read p ON p.id = r.previous_read_id "
                "WHERE r.review <> '' "
                "AND NOT EXISTS (SELECT 1 FROM read_review v WHERE v.read_id = r.id) "
                "AND NOT EXISTS (SELECT 1 FROM meter_read c WHERE c.replaces_id = r.id) "
                "ORDER BY r.read_on, m.serial"
            )
        ).all()
    return [
        HeldRead(
            r[0],
            r[1],
            r[2],
            r[3],
            date.fromisoformat(r[4]) if isinstance(r[4], str) else r[4],
            int(r[5]),
            None if r[6] is None else int(r[6]),
            None if r[7] is None else int(r[7]),
            r[8],
            REVIEW_TEXT.get(r[8], str(r[8])),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class ReviewResult:
    read_id: str
    decision: str
    consumption: int | None
    notice_no: str = ""
    work_order_no: str = ""


def review_read(
    station: Station,
    actor: Actor,
    read_id: str,
    decision: str,
    note: str = "",
    work_order: str = "leak_check",
) -> ReviewResult:
    """Decide on a held read. Accepting a high read sends the usage notice and opens a work
    order of the kind given ("" for none)."""
    actor.require("run_billing", "review held reads")
    if decision not in DECISIONS:
        raise InputError(
            "Decision: one of {choices}.", field="decision", choices=", ".join(DECISIONS)
        )
    note = " ".join(note.split())
    if decision == "reject" and len(note) < 5:
        raise InputError("Say why the read is wrong (it will be read again).", field="note")
    with station.store.write() as s:
        read = s.get(MeterRead, read_id)
        if read is None:
            raise NotFound("There is no such read.")
        if not read.review:
            raise StateError("That read is not held for review.")
        if s.scalar(text("SELECT 1 FROM read_review WHERE read_id = :r"), {"r": read_id}):
            raise StateError("That read has already been reviewed.")
        if s.scalar(text("SELECT 1 FROM meter_read WHERE replaces_id = :r"), {"r": read_id}):
            raise StateError("That read has been corrected by a later one.")
        units = read.consumption
        if decision == "rollover":
            if read.review != "below_previous":
                raise InputError("Only a read below the previous one can be a rollover.")
            prev = s.get(MeterRead, read.previous_read_id) if read.previous_read_id else None
            meter = s.get(Meter, read.meter_id)
            assert prev is not None and meter is not None
            units = capacity(meter.dials) - prev.value + read.value
        elif decision == "accept" and read.review == "below_previous":
            raise InputError(
                "A read below the previous one is a rollover or an error, not accepted as it is."
            )
        s.add(
            ReadReview(
                read_id=read_id,
                decision=decision,
                consumption=units if decision != "reject" else None,
                note=note,
                reviewed_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        notice_no = wo_no = ""
        if decision == "accept" and read.review == "high":
            from counterpos.services.utility.usage.high_usage import high_usage  # noqa: PLC0415

            notice_no, wo_no = high_usage(s, station.code, actor, read, work_order)
        audit.record(
            s,
            station.code,
            "read_reviewed",
            actor=actor.username,
            target=read_id,
            details={
                "decision": decision,
                "reason": read.review,
                "consumption": units,
                "note": note,
            },
        )
        return ReviewResult(read_id, decision, units, notice_no, wo_no)
