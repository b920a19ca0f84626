"""Thirty days of closed drawer sessions with sales, so reprint, reports and sync have data.

Every sale goes through `sales.write_sale`, the same code the till's `complete_sale` runs, with
a past timestamp: receipt numbers, ledger payments, yard sale permits, audit events and outbox
rows are exactly what the till would have written. City hall is closed on weekends; each open
day has a morning session (maria, cashier) and an afternoon one (james, senior cashier), each
closed with a counted drawer.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.demo.payments import count_of, over_short_of, tenders_for
from counterpos.demo.visits import City, load_city, visit_lines
from counterpos.domain.cart import Cart
from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.tenders import CASH
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.sale.sales import validate, write_sale
from counterpos.services.station import Station
from counterpos.store.models import (
    DrawerClose,
    DrawerSession,
    RolePermission,
    User,
)

HISTORY_SEED = 20261123
SALES_PER_DAY = 100
FLOAT = {"bill_20": 2, "bill_10": 3, "bill_5": 4, "bill_1": 20, "coin_25": 40, "coin_10": 50}
SHIFTS = (("maria", time(8, 0), time(12, 30)), ("james", time(12, 30), time(17, 0)))


def _to_utc(day: date, at: time) -> datetime:
    """A local wall-clock time on `day` as the naive UTC the store keeps."""
    return datetime.combine(day, at).astimezone(UTC).replace(tzinfo=None)


def _actor(s: Session, username: str) -> Actor:
    user = s.execute(select(User).where(User.username == username)).scalar_one()
    perms = frozenset(
        s.scalars(select(RolePermission.permission).where(RolePermission.role == user.role))
    )
    return Actor(user.id, user.username, user.full_name, user.role, perms)


def _session(
    s: Session,
    rng: random.Random,
    station_code: str,
    city: City,
    actor: Actor,
    supervisor: Actor,
    day: date,
    start: time,
    end: time,
    sales: int,
) -> int:
    """Open, ring `sales` visits, and close one drawer session; returns the sales made."""
    float_cents = sum(
        next(d.cents for d in DENOMINATIONS if d.key == k) * n for k, n in FLOAT.items()
    )
    opened = _to_utc(day, start)
    row = DrawerSession(
        station_code=station_code,
        user_id=actor.user_id,
        opening_float_cents=float_cents,
        opening_count=dict(FLOAT),
        opened_at=opened,
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        station_code,
        "session_open",
        actor=actor.username,
        target=row.id,
        details={"float_cents": float_cents},
        at=opened,
    )
    span = (datetime.combine(day, end) - datetime.combine(day, start)).seconds - 900
    moments = sorted(rng.randint(300, span) for _ in range(sales))
    cash_in = 0
    made = 0
    for offset in moments:
        at = opened + timedelta(seconds=offset)
        try:
            with s.begin_nested():  # a visit the rules refuse leaves nothing behind
                lines, customer_id, payer = visit_lines(s, rng, city, actor, day)
                cart = Cart(lines=lines, customer_id=customer_id)
                settlement = validate(cart, tenders_for(rng, cart.total.cents, payer))
                write_sale(s, station_code, actor, row.id, cart, settlement, at=at)
        except (InputError, StateError, NotFound):
            continue
        cash_in += sum(a.applied.cents for a in settlement.applied if a.tender.kind == CASH)
        made += 1
    expected = float_cents + cash_in
    over_short = over_short_of(rng)
    closed = _to_utc(day, end)
    limit = 500
    approver = supervisor if abs(over_short) > limit else None
    note = ""
    if approver:
        note = "Recounted with the supervisor; " + (
            "overage deposited." if over_short > 0 else "shortage written up."
        )
    s.add(
        DrawerClose(
            session_id=row.id,
            closed_at=closed,
            closed_by=actor.user_id,
            counted_cash_cents=expected + over_short,
            expected_cash_cents=expected,
            over_short_cents=over_short,
            closing_count=count_of(rng, expected + over_short),
            approver_id=approver.user_id if approver else None,
            note=note,
        )
    )
    s.flush()
    audit.record(
        s,
        station_code,
        "session_close",
        actor=actor.username,
        approver=approver.username if approver else "",
        target=row.id,
        details={
            "expected_cents": expected,
            "counted_cents": expected + over_short,
            "over_short_cents": over_short,
        },
        at=closed,
    )
    return made


def add_demo_history(station: Station, days: int, seed: int = HISTORY_SEED) -> str:
    """Closed sessions with about 100 sales a weekday for the `days` days before today."""
    rng = random.Random(seed)
    today = local_today()
    with station.store.read() as s:
        city = load_city(s)
        staff = {name: _actor(s, name) for name in ("maria", "james", "sofia")}
    if not city.accounts:
        return ""
    total_sales = sessions = 0
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:  # city hall is closed on weekends
            continue
        todays = rng.randint(SALES_PER_DAY - 15, SALES_PER_DAY + 15)
        with station.store.write() as s:  # one transaction per day: all of it or none
            for i, (username, start, end) in enumerate(SHIFTS):
                share = todays // 2 if i == 0 else todays - todays // 2
                total_sales += _session(
                    s,
                    rng,
                    station.code,
                    city,
                    staff[username],
                    staff["sofia"],
                    day,
                    start,
                    end,
                    share,
                )
                sessions += 1
    return f"History: {total_sales} sales in {sessions} closed drawer sessions over {days} days."
