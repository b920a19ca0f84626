"""Drawer sessions: opening one with a counted float, finding the cashier's open one, and the one
guard every money action passes (the session is the actor's own, at this station, and open)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counterpos.domain.denominations import CountError, count_total
from counterpos.domain.messages import N_
from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.store import plain_read
from counterpos.store.models import DrawerClose, DrawerSession

NOT_OPEN = N_("Open your drawer session first.")
CLOSED = N_("This drawer session is closed; open a new session first.")

_DRAWER = (
    select(DrawerSession.station_code, DrawerSession.user_id, DrawerClose.id)
    .outerjoin(DrawerClose, DrawerClose.session_id == DrawerSession.id)
    .where(DrawerSession.id == bindparam("session_id"))
)


def require_own_open(s: Session, station_code: str, actor: Actor, session_id: str) -> None:
    """Refuse unless `session_id` is the actor's own session at this station and still open.

    One query on the session's connection: the sale's hot path runs it too."""
    row = plain_read.first(s, _DRAWER, {"session_id": session_id})
    if row is None or row[0] != station_code or row[1] != actor.user_id:
        raise StateError(NOT_OPEN)
    if row[2] is not None:
        raise StateError(CLOSED)


@dataclass(frozen=True)
class SessionView:
    session_id: str
    station_code: str
    username: str
    opened_at: datetime
    opening_float: Money
    kind: str


def is_closed(session: Session, session_id: str) -> bool:
    return (
        session.scalar(select(DrawerClose.id).where(DrawerClose.session_id == session_id))
        is not None
    )


def _open_rows(session: Session, station_code: str, user_id: str) -> list[DrawerSession]:
    rows = session.scalars(
        select(DrawerSession)
        .where(
            DrawerSession.station_code == station_code,
            DrawerSession.user_id == user_id,
            # A crash-recovery session (services/recovery.py) never counts as the till's drawer.
            DrawerSession.kind != "recovery",
        )
        .order_by(DrawerSession.opened_at.desc())
    ).all()
    return [r for r in rows if not is_closed(session, r.id)]


def current_session(station: Station, actor: Actor) -> SessionView | None:
    with station.store.read() as s:
        rows = _open_rows(s, station.code, actor.user_id)
        if not rows:
            return None
        r = rows[0]
        return SessionView(
            r.id, r.station_code, actor.username, r.opened_at, Money(r.opening_float_cents), r.kind
        )


def open_session(station: Station, actor: Actor, counts: dict[str, int]) -> SessionView:
    """Open the cashier's drawer with a float counted by denomination."""
    actor.require("open_session", "open a drawer session")
    try:
        total = count_total(counts)
    except CountError as exc:
        raise InputError(exc, field="count") from exc
    with station.store.write() as s:
        if _open_rows(s, station.code, actor.user_id):
            raise StateError("You already have an open drawer session at this station.")
        row = DrawerSession(
            station_code=station.code,
            user_id=actor.user_id,
            opening_float_cents=total.cents,
            opening_count={k: v for k, v in counts.items() if v},
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            station.code,
            "session_open",
            actor=actor.username,
            target=row.id,
            details={"float_cents": total.cents},
        )
        return SessionView(row.id, row.station_code, actor.username, row.opened_at, total, row.kind)
