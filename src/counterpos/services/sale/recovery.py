"""Sales that arrive for a closed session (crash recovery) land in a flagged recovery session."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counterpos.domain.cart import Cart
from counterpos.domain.tenders import Tender
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import StateError
from counterpos.services.sale import sales
from counterpos.services.sessions import NOT_OPEN, is_closed
from counterpos.services.station import Station
from counterpos.store.models import DrawerSession

RECOVERY = "recovery"


@dataclass(frozen=True)
class SavedSale:
    sale: sales.CompletedSale
    session_id: str
    recovered: bool  # True: the sale went into a recovery session


def recovery_session_for(station: Station, actor: Actor, closed_session_id: str) -> str:
    """The cashier's open recovery session at this station, opened (float $0, audited) if needed."""
    with station.store.write() as s:
        rows = s.scalars(
            select(DrawerSession).where(
                DrawerSession.station_code == station.code,
                DrawerSession.user_id == actor.user_id,
                DrawerSession.kind == RECOVERY,
            )
        ).all()
        for row in rows:
            if not is_closed(s, row.id):
                return row.id
        row = DrawerSession(
            station_code=station.code,
            user_id=actor.user_id,
            kind=RECOVERY,
            opening_float_cents=0,
            opening_count={},
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            station.code,
            "recovery_session_open",
            actor=actor.username,
            target=row.id,
            details={"for_closed_session": closed_session_id},
        )
        return row.id


def save_sale(
    station: Station, actor: Actor, session_id: str, cart: Cart, tenders: list[Tender]
) -> SavedSale:
    """Save a sale for its session; if that session was closed meanwhile, never drop it: put it
    into a recovery session that the supervisor sees flagged on the day view and Z report."""
    with station.store.read() as s:
        closed = is_closed(s, session_id)
        drawer = s.get(DrawerSession, session_id)
    if drawer is None:
        raise StateError(NOT_OPEN)
    if not closed:
        return SavedSale(
            sales.complete_sale(station, actor, session_id, cart, tenders), session_id, False
        )
    target = recovery_session_for(station, actor, session_id)
    done = sales.complete_sale(station, actor, target, cart, tenders)
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "sale_recovered",
            actor=actor.username,
            target=done.receipt_no,
            details={"closed_session": session_id, "recovery_session": target},
        )
    return SavedSale(done, target, True)
