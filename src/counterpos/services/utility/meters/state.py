"""Where meters are and what they last read: the queries inventory, reads and billing share.

Nothing here is stored as a state: a meter's place is its newest event; a meter's last read is
its newest read that no later read replaced and no review rejected; an account's normal use is
the average consumption of its live (not reversed) bills over the last twelve months.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from counterpos.services import settings

STATUS = {
    "installed": "installed",
    "routed": "installed",
    "removed": "removed",
    "retired": "retired",
}


@dataclass(frozen=True, slots=True)
class Placement:
    """A meter's newest event: its status, and where it is when installed."""

    meter_id: str
    serial: str
    size: str
    dials: int
    unit: str
    status: str  # in_stock, installed, removed, retired
    account_id: str | None
    service_address: str
    location: str
    route: str
    route_seq: int
    since: date | None


_PLACEMENTS = """
SELECT m.id, m.serial, m.size, m.dials, m.unit, e.kind, e.account_id, e.service_address,
       e.location, e.route, e.route_seq, e.on_date
FROM meter m
LEFT JOIN meter_event e ON e.id = (
    SELECT x.id FROM meter_event x WHERE x.meter_id = m.id
    ORDER BY x.on_date DESC, x.created_at DESC, x.id DESC LIMIT 1)
"""


def _placement(row) -> Placement:
    on = row[11]
    return Placement(
        row[0],
        row[1],
        row[2],
        int(row[3]),
        row[4],
        STATUS.get(row[5] or "", "in_stock"),
        row[6] if row[5] in ("installed", "routed") else None,
        row[7] or "",
        row[8] or "",
        row[9] or "",
        int(row[10] or 0),
        date.fromisoformat(on) if isinstance(on, str) else on,
    )


def placements(session: Session, where: str = "", params: dict | None = None) -> list[Placement]:
    """Every meter's placement (optionally filtered on m.* columns)."""
    sql = _PLACEMENTS + (f" WHERE {where}" if where else "")
    return [_placement(r) for r in session.execute(text(sql), params or {}).all()]


def placement_of(session: Session, serial: str) -> Placement | None:
    found = placements(session, "m.serial = :s", {"s": serial.strip().upper()})
    return found[0] if found else None


def installed(session: Session, route: str | None = None) -> list[Placement]:
    """Meters installed now (on one route, when given), in route order."""
    out = [p for p in placements(session) if p.status == "installed"]
    if route is not None:
        out = [p for p in out if p.route == route]
    out.sort(key=lambda p: (p.route, p.route_seq, p.serial))
    return out


def installed_at(session: Session, account_id: str) -> list[Placement]:
    return [
        p
        for p in placements(
            session,
            "m.id IN (SELECT meter_id FROM meter_event WHERE account_id = :a)",
            {"a": account_id},
        )
        if p.account_id == account_id
    ]


@dataclass(frozen=True, slots=True)
class LastRead:
    read_id: str
    meter_id: str
    value: int
    read_on: date
    kind: str


# The newest effective read of each meter: not replaced by a correction, not rejected.
EFFECTIVE = (
    "NOT EXISTS (SELECT 1 FROM meter_read c WHERE c.replaces_id = r.id) AND NOT EXISTS "
    "(SELECT 1 FROM read_review v WHERE v.read_id = r.id AND v.decision = 'reject')"
)
_LAST = f"""
SELECT r.id, r.meter_id, r.value, r.read_on, r.kind FROM meter_read r WHERE r.id = (
    SELECT r.id FROM meter_read r WHERE r.meter_id = :m AND {EFFECTIVE}
    ORDER BY r.read_on DESC, r.created_at DESC, r.id DESC LIMIT 1)
"""
_ALL_LAST = f"""
SELECT r.id, r.meter_id, r.value, r.read_on, r.kind FROM meter m JOIN meter_read r ON r.id = (
    SELECT r.id FROM meter_read r WHERE r.meter_id = m.id AND {EFFECTIVE}
    ORDER BY r.read_on DESC, r.created_at DESC, r.id DESC LIMIT 1)
"""


def _last(row) -> LastRead:
    on = row[3]
    return LastRead(
        row[0], row[1], int(row[2]), date.fromisoformat(on) if isinstance(on, str) else on, row[4]
    )


def last_read(session: Session, meter_id: str) -> LastRead | None:
    row = session.execute(text(_LAST), {"m": meter_id}).first()
    return _last(row) if row else None


def last_actual(session: Session, meter_id: str) -> LastRead | None:
    """The meter's newest effective read that was read, not estimated."""
    row = session.execute(
        text(
            "SELECT r.id, r.meter_id, r.value, r.read_on, r.kind FROM meter_read r "
            f"WHERE r.meter_id = :m AND r.kind <> 'estimated' AND {EFFECTIVE} "
            "ORDER BY r.read_on DESC, r.created_at DESC, r.id DESC LIMIT 1"
        ),
        {"m": meter_id},
    ).first()
    return _last(row) if row else None


def last_reads(session: Session) -> dict[str, LastRead]:
    """Every meter's newest effective read, by meter id."""
    return {r[1]: _last(r) for r in session.execute(text(_ALL_LAST)).all()}


LIVE_BILL = "NOT EXISTS (SELECT 1 FROM bill x WHERE x.reverses_id = b.id) AND b.reverses_id IS NULL"


def averages(
    session: Session, on: date, account_ids: Iterable[str] | None = None
) -> dict[str, Decimal | None]:
    """The 12-month average consumption of each account with enough live bills to judge by."""
    need = settings.get_int(session, "utility.usage_min_months")
    since = on - timedelta(days=365)
    where = f"b.bill_date > :since AND b.bill_date <= :on AND {LIVE_BILL}"
    params: dict = {"since": since, "on": on, "need": max(need, 1)}
    ids = list(account_ids) if account_ids is not None else None
    if ids is not None and len(ids) <= 500:
        where += " AND b.account_id IN (" + ", ".join(f":a{i}" for i in range(len(ids))) + ")"
        params.update({f"a{i}": a for i, a in enumerate(ids)})
    sql = (
        f"SELECT b.account_id, SUM(b.consumption), COUNT(*) FROM bill b WHERE {where} "
        "GROUP BY b.account_id HAVING COUNT(*) >= :need"
    )
    return {
        account_id: (Decimal(int(total)) / int(count)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        for account_id, total, count in session.execute(text(sql), params)
    }


def review_limits(session: Session) -> tuple[int, int]:
    """(high, low) percent of the average beyond which a read is held for review."""
    return (
        settings.get_int(session, "utility.usage_high_percent"),
        settings.get_int(session, "utility.usage_low_percent"),
    )


# What an import checks each line against, for every meter at once: its place (newest event)
# and its newest effective read, as `placements` and `last_reads` find them.
_FOR_IMPORT = f"""
SELECT m.serial, m.id, m.dials, e.kind, e.account_id, r.id, r.value, r.read_on, r.kind
FROM meter m
LEFT JOIN meter_event e ON e.id = (
    SELECT x.id FROM meter_event x WHERE x.meter_id = m.id
    ORDER BY x.on_date DESC, x.created_at DESC, x.id DESC LIMIT 1)
LEFT JOIN meter_read r ON r.id = (
    SELECT r.id FROM meter_read r WHERE r.meter_id = m.id AND {EFFECTIVE}
    ORDER BY r.read_on DESC, r.created_at DESC, r.id DESC LIMIT 1)
"""


@dataclass(frozen=True, slots=True)
class ImportMeter:
    meter_id: str
    dials: int
    status: str
    account_id: str | None
    last: LastRead | None


def meters_for_import(session: Session) -> dict[str, ImportMeter]:
    """Every meter by serial: its status, account and newest effective read (one query)."""
    out: dict[str, ImportMeter] = {}
    driver = session.connection().connection.driver_connection
    assert driver is not None  # a live connection inside the session's transaction
    for row in driver.execute(_FOR_IMPORT).fetchall():
        serial, mid, dials, kind, account, rid, value, on, rkind = row
        last = (
            LastRead(
                rid, mid, int(value), date.fromisoformat(on) if isinstance(on, str) else on, rkind
            )
            if rid is not None
            else None
        )
        out[serial] = ImportMeter(
            mid,
            int(dials),
            STATUS.get(kind or "", "in_stock"),
            account if kind in ("installed", "routed") else None,
            last,
        )
    return out
