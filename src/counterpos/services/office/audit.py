"""The office's own audit trail at the centre: hash-chained, written in each action's transaction."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

from counterpos.services.audit import GENESIS, event_hash
from counterpos.services.clock import utcnow
from counterpos.services.office.connection import OFFICE, Office
from counterpos.store.models.base import new_id

# One writer at a time extends the chain (a transaction-scoped advisory lock).
CHAIN_LOCK = 0x0FF1CE


def record(
    conn: Connection,
    office: Office,
    action: str,
    *,
    target: str = "",
    approver: str = "",
    details: dict[str, Any] | None = None,
) -> int:
    """Append one event inside the caller's transaction; returns its sequence number."""
    details = details or {}
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CHAIN_LOCK})
    last = conn.execute(
        text("SELECT seq, hash FROM office_audit_event ORDER BY seq DESC LIMIT 1")
    ).first()
    seq = last[0] + 1 if last else 1
    prev = last[1] if last else GENESIS
    at = utcnow()
    actor = office.actor.username
    digest = event_hash(prev, seq, at.isoformat(), OFFICE, action, actor, approver, target, details)
    conn.execute(
        text(
            "INSERT INTO office_audit_event (seq, id, at, action, actor, approver, target, "
            "details, prev_hash, hash) VALUES (:seq, :id, :at, :action, :actor, :approver, "
            ":target, CAST(:details AS jsonb), :prev, :hash)"
        ),
        {
            "seq": seq,
            "id": new_id(),
            "at": at,
            "action": action,
            "actor": actor,
            "approver": approver,
            "target": target,
            "details": _json(details),
            "prev": prev,
            "hash": digest,
        },
    )
    return seq


def _json(details: dict[str, Any]) -> str:
    import json

    return json.dumps(details, default=str)


def verify(office: Office) -> tuple[bool, int, str]:
    """Walk the office's chain: (ok, events checked, the first problem)."""
    prev, n = GENESIS, 0
    with office.read() as conn:
        rows = conn.execute(
            text(
                "SELECT seq, at, action, actor, approver, target, details, prev_hash, hash "
                "FROM office_audit_event ORDER BY seq"
            )
        )
        for seq, at, action, actor, approver, target, details, prev_hash, digest in rows:
            n += 1
            if seq != n or prev_hash != prev:
                return False, n, f"office event {n} is missing or out of order"
            at_text = at.isoformat() if isinstance(at, datetime) else str(at)
            want = event_hash(prev, seq, at_text, OFFICE, action, actor, approver, target, details)
            if want != digest:
                return False, n, f"office event {seq} ({action}) was altered"
            prev = digest
    return True, n, ""


def events(office: Office, action: str = "") -> list[dict[str, Any]]:
    with office.read() as conn:
        sql = "SELECT seq, at, action, actor, approver, target, details FROM office_audit_event"
        params = {}
        if action:
            sql += " WHERE action = :a"
            params["a"] = action
        return [dict(r._mapping) for r in conn.execute(text(sql + " ORDER BY seq"), params)]
