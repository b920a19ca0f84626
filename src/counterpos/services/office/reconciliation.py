"""City-wide reconciliation of a date: every station's sessions, the stations not heard from, and
the drill-down from a session to its sales and a sale's receipt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import text

from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import ReceiptDocument, ReceiptLine, ReceiptTender
from counterpos.domain.tenders import LABELS
from counterpos.services.audit_log import utc_bound
from counterpos.services.clock import to_local
from counterpos.services.errors import NotFound
from counterpos.services.office.connection import OFFICE, Office


@dataclass(frozen=True)
class SessionRecon:
    session_id: str
    station_code: str
    cashier: str
    kind: str  # regular, recovery, or the office's lockbox, online, mail, ach
    opened_at: datetime  # local
    closed_at: datetime | None
    opening_float: Money
    expected: Money | None  # None until the close arrives
    counted: Money | None
    over_short: Money | None
    accepted_by: str
    note: str
    sales: int
    collected: Money  # net of voids and refunds

    @property
    def status(self) -> str:
        return "open" if self.closed_at is None else "closed"


@dataclass(frozen=True)
class StationDay:
    code: str
    last_heard: datetime | None  # local time the centre last received a record from it
    missing: bool
    reason: str  # why it is flagged, for the office
    sessions: tuple[SessionRecon, ...]


@dataclass(frozen=True)
class DayReconciliation:
    day: date
    stations: tuple[StationDay, ...]

    @property
    def sessions(self) -> tuple[SessionRecon, ...]:
        return tuple(s for st in self.stations for s in st.sessions)

    @property
    def missing(self) -> tuple[StationDay, ...]:
        return tuple(st for st in self.stations if st.missing)

    @property
    def over_short(self) -> Money:
        return Money(sum((s.over_short or Money(0)).cents for s in self.sessions))

    @property
    def collected(self) -> Money:
        return Money(sum(s.collected.cents for s in self.sessions))

    @property
    def complete(self) -> bool:
        """Every station heard from and every session closed: the day can be journaled."""
        return not self.missing and all(s.closed_at is not None for s in self.sessions)


SESSIONS = text(
    """
    SELECT d.id, d.station_code, coalesce(u.full_name, d.user_id), d.kind, d.opened_at,
           d.opening_float_cents, c.closed_at, c.expected_cash_cents, c.counted_cash_cents,
           c.over_short_cents, coalesce(a.full_name, ''), coalesce(c.note, ''),
           coalesce(x.n, 0), coalesce(x.total, 0)
    FROM drawer_session d
    LEFT JOIN drawer_close c ON c.session_id = d.id
    LEFT JOIN app_user u ON u.id = d.user_id
    LEFT JOIN app_user a ON a.id = c.approver_id
    LEFT JOIN LATERAL (
        SELECT count(*) FILTER (WHERE s.kind = 'sale') AS n, sum(s.total_cents) AS total
        FROM sale s WHERE s.session_id = d.id) x ON true
    WHERE d.opened_at >= :start AND d.opened_at < :end
    ORDER BY d.station_code, d.opened_at
    """
)
# Per registered station: when the centre last received anything from it, and whether it has
# sent an event stamped after the day ended (the push keeps the outbox order, so everything
# the station did that day is then at the centre).
HEARD = text(
    """
    SELECT st.code,
           (SELECT max(e.changed_at) FROM audit_event e WHERE e.station_code = st.code),
           EXISTS (SELECT 1 FROM audit_event e WHERE e.station_code = st.code AND e.at >= :end)
    FROM (SELECT code FROM sync_station UNION SELECT unnest(CAST(:codes AS text[]))) st
    ORDER BY st.code
    """
)


def day(office: Office, on: date) -> DayReconciliation:
    """Every station's sessions of the date with float, expected, counted, over/short and who
    accepted it; a station with nothing at the centre after the day's close is flagged."""
    office.actor.require("office", "see the city-wide reconciliation")
    start, end = utc_bound(on), utc_bound(on + timedelta(days=1))
    with office.read() as conn:
        rows = conn.execute(SESSIONS, {"start": start, "end": end}).all()
        codes = sorted({r[1] for r in rows})
        heard = conn.execute(HEARD, {"end": end, "codes": codes}).all()
    by_station: dict[str, list[SessionRecon]] = {}
    for r in rows:
        closed = r[6] is not None
        by_station.setdefault(r[1], []).append(
            SessionRecon(
                r[0],
                r[1],
                r[2],
                r[3],
                to_local(r[4]),
                to_local(r[6]) if closed else None,
                Money(int(r[5])),
                Money(int(r[7])) if closed else None,
                Money(int(r[8])) if closed else None,
                Money(int(r[9])) if closed else None,
                r[10],
                r[11],
                int(r[12]),
                Money(int(r[13])),
            )
        )
    stations = []
    for code, last, after_day in heard:
        sessions = tuple(by_station.get(code, ()))
        open_ = [s for s in sessions if s.closed_at is None]
        missing, reason = False, ""
        if code == OFFICE:
            pass  # the office's own virtual sessions are written at the centre
        elif open_ and not after_day:
            missing = True
            reason = f"{len(open_)} session(s) open: the close has not reached the centre"
        elif not sessions and not after_day:
            missing = True
            reason = "nothing received for this day since it closed"
        stations.append(
            StationDay(code, to_local(last) if last else None, missing, reason, sessions)
        )
    return DayReconciliation(on, tuple(stations))


@dataclass(frozen=True)
class SaleSummary:
    sale_id: str
    receipt_no: str
    kind: str
    at: datetime  # local
    cashier: str
    total: Money
    tenders: str  # "cash $20.00; check No. 1043 $12.34"


SALES = text(
    """
    SELECT s.id, s.receipt_no, s.kind, s.created_at, coalesce(u.full_name, s.user_id),
           s.total_cents,
           (SELECT string_agg(t.kind || ' ' || t.amount_cents::text ||
                   CASE WHEN t.reference <> '' AND t.kind IN ('check', 'money_order')
                        THEN ' #' || t.reference ELSE '' END, '; ' ORDER BY t.position)
            FROM tender t WHERE t.sale_id = s.id)
    FROM sale s LEFT JOIN app_user u ON u.id = s.user_id
    WHERE s.session_id = :sid ORDER BY s.sequence
    """
)


def _tenders_text(raw: str | None) -> str:
    out = []
    for part in (raw or "").split("; "):
        if not part:
            continue
        kind, cents, *ref = part.split(" ", 2)
        label = LABELS.get(kind, kind)
        out.append(f"{label} {Money(int(cents))}" + (f" {ref[0]}" if ref else ""))
    return "; ".join(out)


def session_sales(office: Office, session_id: str) -> list[SaleSummary]:
    """The sales of one session in receipt order (the drill from a session)."""
    office.actor.require("office", "see a session's sales")
    with office.read() as conn:
        rows = conn.execute(SALES, {"sid": session_id}).all()
    return [
        SaleSummary(r[0], r[1], r[2], to_local(r[3]), r[4], Money(int(r[5])), _tenders_text(r[6]))
        for r in rows
    ]


def sale_receipt(office: Office, sale_id: str) -> ReceiptDocument:
    """A sale as its receipt read back from the centre's copy (the drill from a sale)."""
    office.actor.require("office", "see a receipt")
    with office.read() as conn:
        sale = conn.execute(
            text(
                "SELECT s.receipt_no, s.station_code, s.created_at, s.kind, "
                "coalesce(u.full_name, s.user_id), coalesce(c.customer_no, ''), "
                "coalesce(nullif(c.business_name, ''), trim(c.first_name || ' ' || c.last_name), '') "
                "FROM sale s LEFT JOIN app_user u ON u.id = s.user_id "
                "LEFT JOIN customer c ON c.id = s.customer_id WHERE s.id = :id"
            ),
            {"id": sale_id},
        ).first()
        if sale is None:
            raise NotFound("That sale has not reached the central database.")
        lines = conn.execute(
            text(
                "SELECT l.description, l.amount_cents, l.quantity, coalesce(a.account_no, '') "
                "FROM sale_line l LEFT JOIN utility_account a ON a.id = l.account_id "
                "WHERE l.sale_id = :id ORDER BY l.line_no"
            ),
            {"id": sale_id},
        ).all()
        tenders = conn.execute(
            text(
                "SELECT kind, amount_cents, tendered_cents, change_cents, reference, payer, "
                "card_brand, card_last4 FROM tender WHERE sale_id = :id ORDER BY position"
            ),
            {"id": sale_id},
        ).all()
    return ReceiptDocument(
        city_name=office.city_name,
        city_address="",
        city_phone="",
        station_code=sale[1],
        station_name=sale[1],
        cashier=sale[4],
        when=to_local(sale[2]),
        receipt_no=sale[0],
        lines=tuple(
            ReceiptLine(d, Money(int(a)), int(q), (f"Account {acct}",) if acct else ())
            for d, a, q, acct in lines
        ),
        tenders=tuple(_receipt_tender(*t) for t in tenders),
        customer=sale[6],
        customer_no=sale[5],
        title="VOID"
        if sale[3] == SaleKind.VOID
        else "REFUND"
        if sale[3] == SaleKind.REFUND
        else "RECEIPT",
        notes=("Read back from the central database",),
    )


def _receipt_tender(kind, amount, tendered, change, ref, payer, brand, last4) -> ReceiptTender:
    label = LABELS.get(kind, kind.replace("_", " ").capitalize())
    if kind in (TenderKind.CHECK, TenderKind.MONEY_ORDER):
        detail = f"No. {ref}" + (f", {payer}" if payer else "")
    elif kind == TenderKind.CARD:
        detail = f"{brand.upper()} ****{last4}"
    else:
        detail = ref
    if kind == TenderKind.CASH:
        return ReceiptTender(
            label, Money(int(amount)), detail, Money(int(tendered)), Money(int(change))
        )
    return ReceiptTender(label, Money(int(amount)), detail)


def sale_id_for(office: Office, receipt_no: str) -> str:
    """The central id of a receipt number (any station's, or the office's)."""
    office.actor.require("office", "look up a receipt")
    with office.read() as conn:
        sid = conn.execute(
            text("SELECT id FROM sale WHERE receipt_no = :n"), {"n": receipt_no.strip().upper()}
        ).scalar()
    if sid is None:
        raise NotFound(f"Receipt {receipt_no} has not reached the central database.")
    return sid


def resolve_session(office: Office, text_id: str) -> str:
    """A session id from its full form or the 8 characters printed on reports."""
    office.actor.require("office", "look up a session")
    t = text_id.strip().lower()
    if len(t) < 8:
        raise NotFound("Give at least the 8 characters of the session printed on reports.")
    with office.read() as conn:
        found = (
            conn.execute(
                text("SELECT id FROM drawer_session WHERE id = :t OR id LIKE :end LIMIT 2"),
                {"t": t, "end": f"%{t}"},
            )
            .scalars()
            .all()
        )
    if len(found) != 1:
        raise NotFound(f"No single session matches {text_id}.")
    return found[0]
