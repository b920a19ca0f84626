"""One drawer session's numbered records (sales, refunds, paid-in/outs) and its totals by tender."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.domain.tenders import LABELS
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local
from counterpos.services.errors import NotFound, PermissionDenied
from counterpos.services.station import Station
from counterpos.store.models import DrawerSession
from counterpos.store.models.customer import display_name

SALE, REFUND, PAID_IN, PAID_OUT = "sale", "refund", "paid_in", "paid_out"


@dataclass(frozen=True)
class SessionRecord:
    """One number of the receipt sequence used in the session, as the cashier's list shows it."""

    receipt_no: str
    kind: str  # sale, refund, paid_in, paid_out
    when: datetime  # local time
    customer: str  # the customer's name; for a paid-in/out, its reason
    amount: Money  # what the record moved: a refund or paid-out is negative
    tenders: str  # "Cash, Check"
    voided: bool = False
    refunded: Money = Money(0)  # how much of a sale was refunded since

    @property
    def can_void(self) -> bool:
        return self.kind == SALE and not self.voided

    @property
    def reprints(self) -> bool:
        """Whether Reprint prints it again (sales and refunds are receipts; slips are not)."""
        return self.kind in (SALE, REFUND)


@dataclass(frozen=True)
class TenderTotal:
    kind: str  # a TenderKind
    label: str
    count: int  # payments of that kind, less those voided
    amount: Money | None  # net of change, voids and refunds; None while counted blind


@dataclass(frozen=True)
class DrawerTotals:
    """What one drawer session took, by tender. While the session is open its own cashier
    does not see the cash (the close is counted blind)."""

    session_id: str
    sales: int  # sales not voided
    tenders: tuple[TenderTotal, ...]
    paid_in: Money
    paid_out: Money
    refunds: int
    cash_blind: bool


_SALES = text(
    "SELECT s.id, s.receipt_no, s.kind, s.created_at, s.total_cents, s.note, "
    "c.first_name, c.last_name, c.business_name, "
    "(SELECT GROUP_CONCAT(t.kind, ',') FROM tender t WHERE t.sale_id = s.id) AS kinds, "
    "EXISTS (SELECT 1 FROM sale v WHERE v.original_sale_id = s.id AND v.kind = :void) "
    "  AS voided, "
    "(SELECT COALESCE(-SUM(r.total_cents), 0) FROM sale r "
    "  WHERE r.original_sale_id = s.id AND r.kind = :refund) AS refunded "
    "FROM sale s LEFT JOIN customer c ON c.id = s.customer_id "
    "WHERE s.session_id = :sid AND s.kind != :void"
)
_PAID = text(
    "SELECT receipt_no, direction, amount_cents, reason, created_at FROM paid_in_out "
    "WHERE session_id = :sid"
)
_BY_TENDER = text(
    "SELECT t.kind, SUM(CASE WHEN s.kind = :sale THEN 1 WHEN s.kind = :void THEN -1 ELSE 0 END), "
    "SUM(t.amount_cents) FROM tender t JOIN sale s ON s.id = t.sale_id "
    "WHERE s.session_id = :sid GROUP BY t.kind"
)
_COUNTS = text(
    "SELECT SUM(CASE WHEN kind = :sale THEN 1 WHEN kind = :void THEN -1 ELSE 0 END), "
    "SUM(CASE WHEN kind = :refund THEN 1 ELSE 0 END) FROM sale WHERE session_id = :sid"
)
_KINDS = {"sale": SaleKind.SALE, "void": SaleKind.VOID, "refund": SaleKind.REFUND}


def _session(s: Session, actor: Actor, session_id: str) -> DrawerSession:
    """The session, if the actor may see it: their own, or anyone's with `view_reports`."""
    drawer = s.get(DrawerSession, session_id)
    if drawer is None:
        raise NotFound("There is no such drawer session.")
    if drawer.user_id != actor.user_id and not actor.can("view_reports"):
        raise PermissionDenied(
            "{full_name} may see only their own drawer's sales.",
            "view_reports",
            full_name=actor.full_name,
        )
    return drawer


def _label(kind: str) -> str:
    return LABELS.get(kind, kind.replace("_", " ").capitalize())


def session_records(station: Station, actor: Actor, session_id: str) -> list[SessionRecord]:
    """Every number the session used, newest first: sales (voided ones marked), refunds,
    paid-ins and paid-outs."""
    with station.store.read() as s:
        _session(s, actor, session_id)
        out = []
        for r in s.execute(_SALES, {"sid": session_id, **_KINDS}):
            kinds = dict.fromkeys((r.kinds or "").split(",")) if r.kinds else {}
            out.append(
                SessionRecord(
                    receipt_no=r.receipt_no,
                    kind=REFUND if r.kind == SaleKind.REFUND else SALE,
                    when=to_local(_utc(r.created_at)),
                    customer=display_name(
                        r.first_name or "", r.last_name or "", r.business_name or ""
                    ),
                    amount=Money(r.total_cents),
                    tenders=", ".join(_label(k) for k in kinds),
                    voided=bool(r.voided),
                    refunded=Money(int(r.refunded or 0)),
                )
            )
        for r in s.execute(_PAID, {"sid": session_id}):
            sign = 1 if r.direction == "in" else -1
            out.append(
                SessionRecord(
                    receipt_no=r.receipt_no,
                    kind=PAID_IN if r.direction == "in" else PAID_OUT,
                    when=to_local(_utc(r.created_at)),
                    customer=r.reason,
                    amount=Money(sign * r.amount_cents),
                    tenders=_label(TenderKind.CASH),
                )
            )
    out.sort(key=lambda x: x.when, reverse=True)
    return out


def drawer_totals(station: Station, actor: Actor, session_id: str) -> DrawerTotals:
    """The session's takings by tender (net of change, voids and refunds)."""
    with station.store.read() as s:
        drawer = _session(s, actor, session_id)
        closed = s.execute(
            text("SELECT 1 FROM drawer_close WHERE session_id = :sid"), {"sid": session_id}
        ).first()
        blind = drawer.user_id == actor.user_id and closed is None
        by_kind = {
            kind: (int(n or 0), int(cents or 0))
            for kind, n, cents in s.execute(_BY_TENDER, {"sid": session_id, **_KINDS})
        }
        sales, refunds = s.execute(_COUNTS, {"sid": session_id, **_KINDS}).one()
        paid: dict[str, int] = dict(
            s.execute(
                text(
                    "SELECT direction, SUM(amount_cents) FROM paid_in_out "
                    "WHERE session_id = :sid GROUP BY direction"
                ),
                {"sid": session_id},
            ).all()
        )
    tenders = tuple(
        TenderTotal(
            kind,
            _label(kind),
            by_kind.get(kind, (0, 0))[0],
            None if blind and kind == TenderKind.CASH else Money(by_kind.get(kind, (0, 0))[1]),
        )
        for kind in (TenderKind.CASH, TenderKind.CHECK, TenderKind.MONEY_ORDER, TenderKind.CARD)
    )
    return DrawerTotals(
        session_id,
        int(sales or 0),
        tenders,
        Money(int(paid.get("in") or 0)),
        Money(int(paid.get("out") or 0)),
        int(refunds or 0),
        blind,
    )


def _utc(value) -> datetime:
    """A timestamp as SQLite hands it back to a plain query (text), as a naive UTC datetime."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
