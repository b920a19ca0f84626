"""The supervisor's day view: every station's drawer sessions of a date, open or closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from counterpos.domain.kinds import SaleKind
from counterpos.domain.money import Money
from counterpos.services.actor import Actor
from counterpos.services.audit_log import utc_bound, utc_end
from counterpos.services.clock import to_local
from counterpos.services.station import Station
from counterpos.store.models import DrawerClose, DrawerSession, Sale, User


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    station_code: str
    cashier: str
    kind: str  # regular, recovery (flagged)
    opened_at: datetime
    closed_at: datetime | None
    sales: int
    collected: Money  # net of voids and refunds
    over_short: Money | None  # None while open
    approver: str
    note: str

    @property
    def status(self) -> str:
        return "open" if self.closed_at is None else "closed"


def sessions_on(station: Station, actor: Actor, day: date) -> list[SessionSummary]:
    actor.require("view_reports", "see the day's sessions")
    with station.store.read() as s:
        users = {u.id: u for u in s.scalars(select(User))}
        rows = s.scalars(
            select(DrawerSession)
            .where(
                DrawerSession.opened_at >= utc_bound(day),
                DrawerSession.opened_at < utc_end(day),
            )
            .order_by(DrawerSession.station_code, DrawerSession.opened_at)
        ).all()
        ids = [r.id for r in rows]
        if not ids:
            return []
        closes = {
            c.session_id: c
            for c in s.scalars(select(DrawerClose).where(DrawerClose.session_id.in_(ids)))
        }
        totals = {
            sid: (int(n or 0), int(t or 0))
            for sid, n, t in s.execute(
                select(
                    Sale.session_id,
                    func.sum(func.iif(Sale.kind == SaleKind.SALE, 1, 0)),
                    func.sum(Sale.total_cents),
                )
                .where(Sale.session_id.in_(ids))
                .group_by(Sale.session_id)
            )
        }
        out = []
        for r in rows:
            c = closes.get(r.id)
            n, total = totals.get(r.id, (0, 0))
            approver = users.get(c.approver_id) if c and c.approver_id else None
            out.append(
                SessionSummary(
                    r.id,
                    r.station_code,
                    users[r.user_id].full_name if r.user_id in users else "",
                    r.kind,
                    to_local(r.opened_at),
                    to_local(c.closed_at) if c else None,
                    n,
                    Money(total),
                    Money(c.over_short_cents) if c else None,
                    approver.full_name if approver else "",
                    c.note if c else "",
                )
            )
        return out
