"""Appends hash-chained audit events and verifies the chain."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from counterpos.domain.pan_guard import scrub
from counterpos.services.clock import utcnow
from counterpos.store import plain_read
from counterpos.store.models import AuditEvent, OutboxRow
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import audit_row

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


_LAST = select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)


def event_row(
    session: Session | Connection,
    station_code: str,
    action: str,
    *,
    actor: str = "",
    approver: str = "",
    target: str = "",
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> dict[str, Any]:
    """The next event of the chain as column values, not yet written (see `record`).

    Who did it (`actor`, `approver`) is recorded even when it is not a real username, like the
    name typed at a failed sign-in: a card number typed there is masked, never stored. Any
    other text holding a card number is refused by the store (store/pan_boundary.py)."""
    details = details or {}
    actor, approver = scrub(actor), scrub(approver)
    if isinstance(session, Session):
        session._autoflush()  # what the ORM session's own execute does first
    last = plain_read.first(session, _LAST, {})
    seq = (last.seq + 1) if last else 1
    prev = last.hash if last else GENESIS
    at = at or utcnow()
    digest = event_hash(
        prev, seq, at.isoformat(), station_code, action, actor, approver, target, details
    )
    return audit_row(
        seq=seq,
        station_code=station_code,
        at=at,
        action=action,
        actor=actor,
        approver=approver,
        target=target,
        details=details,
        prev_hash=prev,
        hash=digest,
    )


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
) -> dict[str, Any]:
    """Append one event inside the caller's transaction (which holds the write lock), and
    return its row.

    `at` (naive UTC) defaults to now; only the demo history passes a past time. What the
    session holds unwritten is flushed first, so the outbox keeps the order things happened in.
    """
    session.flush()
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
    insert_synced(session, [(AuditEvent, [row])])
    return row


@dataclass(frozen=True)
class ChainCheck:
    """What `verify` found: `problem` (and `first_bad_seq`, the event it concerns, when there is
    one) is the first thing wrong; `problems` all of them, the chain's first."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    problem: str = ""
    problems: tuple[str, ...] = ()


def _queued_copies(session: Session, table: str = "audit_event") -> dict[str, dict[str, Any]]:
    """The copy of each record of `table` queued for the central database (store/outbox.py),
    by record id."""
    copies: dict[str, dict[str, Any]] = {}
    rows = session.execute(
        select(OutboxRow.record_id, OutboxRow.payload).where(OutboxRow.table_name == table)
    )
    for record_id, payload in rows:
        try:
            data = json.loads(payload)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("id"):
            copies[data["id"]] = data
        elif record_id:
            copies[record_id] = {}
    return copies


def _chain(
    session: Session, copies: dict[str, dict[str, Any]]
) -> tuple[int, list[tuple[int, str]]]:
    """Walk the chain in order: (events checked, [(seq, problem)]), stopping at the first break.

    The chain alone finds an edited event, a gap and a reordering. Each event also left a copy
    (with its hash) in the outbox in its own transaction: a deleted last event, or an edit whose
    author recomputed every later hash, shows as a mismatch against those copies; an event with
    no copy at all was not written by CounterPOS (one appended by hand, say).
    """
    seen: set[str] = set()
    prev = GENESIS
    expected_seq = 1
    count = 0
    found: list[tuple[int, str]] = []
    for ev in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
        count += 1
        seen.add(ev.id)
        if ev.seq != expected_seq:
            found.append((expected_seq, f"event {expected_seq} is missing (next is {ev.seq})"))
            break
        if ev.prev_hash != prev:
            found.append((ev.seq, f"event {ev.seq} does not follow event {ev.seq - 1}"))
            break
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
            found.append((ev.seq, f"event {ev.seq} ({ev.action}) was altered"))
            break
        copy = copies.get(ev.id)
        if copy is None:
            found.append(
                (
                    ev.seq,
                    f"event {ev.seq} ({ev.action}) has no copy in the outbox: it was not "
                    "written by CounterPOS",
                )
            )
            break
        if copy.get("hash") != ev.hash or copy.get("seq") != ev.seq:
            found.append(
                (
                    ev.seq,
                    f"event {ev.seq} ({ev.action}) differs from the copy queued when it was "
                    "written",
                )
            )
            break
        prev = ev.hash
        expected_seq += 1
    gone = sorted(
        (int(c.get("seq", 0)), c.get("action", "")) for rid, c in copies.items() if rid not in seen
    )
    if gone and (not found or gone[0][0] <= found[0][0]):
        seq, action = gone[0]
        found.insert(0, (seq, f"event {seq} ({action}) was deleted"))
    return count, found


def verify(session: Session) -> ChainCheck:
    """Check the audit chain, then every sale against its audit event and its outbox copies,
    and that nothing was removed from the end (services/audit_log.check_store)."""
    from counterpos.services.audit_log import check_store  # it reads through this module

    copies = _queued_copies(session)
    count, chain = _chain(session, copies)
    store = check_store(session)
    problems = tuple(p for _, p in chain) + tuple(p for _, p in store)
    if not problems:
        return ChainCheck(True, count)
    seq, first = (chain or store)[0]
    return ChainCheck(False, count, seq, first, problems)
