"""Appends hash-chained audit events and verifies the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.services.clock import utcnow
from counterpos.store.models import AuditEvent, new_id

GENESIS = "0" * 64


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    station: str,
    action: str,
    actor: str,
    approver: str,
    target: str,
    details: dict[str, Any],
) -> str:
    body = json.dumps(
        [prev_hash, seq, at, station, action, actor, approver, target, details],
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def event_row(
    session: Session,
    station_code: str,
    action: str,
    *,
    actor: str = "",
    approver: str = "",
    target: str = "",
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """The next event of the chain as column values, not yet written (see `record`)."""
    details = details or {}
    last = session.execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = at or utcnow()
    digest = event_hash(
        prev, seq, at.isoformat(), station_code, action, actor, approver, target, details
    )
    return {
        "id": new_id(),
        "seq": seq,
        "station_code": station_code,
        "at": at,
        "action": action,
        "actor": actor,
        "approver": approver,
        "target": target,
        "details": details,
        "prev_hash": prev,
        "hash": digest,
    }


def record(
    session: Session,
    station_code: str,
    action: str,
    *,
    actor: str = "",
    approver: str = "",
    target: str = "",
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    """Append one event inside the caller's transaction (which holds the write lock).

    `at` (naive UTC) defaults to now; only the demo history passes a past time.
    """
    row = event_row(
        session,
        station_code,
        action,
        actor=actor,
        approver=approver,
        target=target,
        details=details,
        at=at,
    )
    event = AuditEvent(**row)
    session.add(event)
    session.flush()
    return event


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""


def verify(session: Session) -> ChainCheck:
    """Walk the chain in order; name the first event that does not fit."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        if ev.seq != expected_seq:
            return ChainCheck(
                False, count, expected_seq, f"event {expected_seq} is missing (next is {ev.seq})"
            )
        if ev.prev_hash != prev:
            return ChainCheck(
                False, count, ev.seq, f"event {ev.seq} does not follow event {ev.seq - 1}"
            )
        digest = event_hash(
            prev,
            ev.seq,
            ev.at.isoformat(),
            ev.station_code,
            ev.action,
            ev.actor,
            ev.approver,
            ev.target,
            ev.details,
        )
        if digest != ev.hash:
            return ChainCheck(False, count, ev.seq, f"event {ev.seq} ({ev.action}) was altered")
        prev = ev.hash
        expected_seq += 1
    return ChainCheck(True, count)
