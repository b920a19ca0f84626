"""Bills as the rest of the system reads them: `bills_for(session, account_id)`, one bill, and
the bill register of a cycle.

`bills_for` is the seam for whatever reads bills (the late fee, the delinquency run, the
counter's account panel): live bills only unless asked, oldest first, with their due dates and
whether a late fee was charged on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from counterpos.domain.utility.rates import BillLine
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.meters.state import LIVE_BILL


@dataclass(frozen=True)
class BillView:
    bill_id: str
    bill_no: str
    account_id: str
    account_no: str
    cycle: str
    bill_date: date
    due_date: date
    period_from: date | None
    period_to: date | None
    consumption: int
    estimated: bool
    meter_size: str
    customer_class: str
    lines: tuple[BillLine, ...]
    total_cents: int
    ledger_entry_id: str | None
    reverses_no: str  # for a reversal: the bill it cancels
    reversed_by: str  # for a bill: the reversal that cancels it ("" while live)
    penalty_cents: int  # the late fee charged on it (0: none)
    reason: str
    run_no: str
    read_ids: tuple[str, ...]

    @property
    def live(self) -> bool:
        return not self.reverses_no and not self.reversed_by


_SELECT = """
SELECT b.id, b.bill_no, b.account_id, a.account_no, b.cycle, b.bill_date, b.due_date,
       b.period_from, b.period_to, b.consumption, b.estimated, b.meter_size, b.customer_class,
       b.lines, b.total_cents, b.ledger_entry_id, COALESCE(o.bill_no, ''),
       COALESCE((SELECT x.bill_no FROM bill x WHERE x.reverses_id = b.id), ''),
       COALESCE((SELECT p.cents FROM bill_penalty p WHERE p.bill_id = b.id), 0),
       b.reason, r.run_no, b.read_ids
FROM bill b JOIN utility_account a ON a.id = b.account_id
JOIN billing_run r ON r.id = b.run_id
LEFT JOIN bill o ON o.id = b.reverses_id
"""


def _date(v) -> date:
    return date.fromisoformat(v) if isinstance(v, str) else v


def _view(r) -> BillView:
    lines = r[13] if isinstance(r[13], list) else json.loads(r[13])
    reads = r[21] if isinstance(r[21], list) else json.loads(r[21] or "[]")
    return BillView(
        r[0],
        r[1],
        r[2],
        r[3],
        r[4],
        _date(r[5]),
        _date(r[6]),
        _date(r[7]) if r[7] else None,
        _date(r[8]) if r[8] else None,
        int(r[9]),
        bool(r[10]),
        r[11],
        r[12],
        tuple(BillLine(*x) for x in lines),
        int(r[14]),
        r[15],
        r[16],
        r[17],
        int(r[18]),
        r[19],
        r[20],
        tuple(reads),
    )


def bills_for(session: Session, account_id: str, *, live_only: bool = True) -> list[BillView]:
    """The account's bills, oldest first: live ones only (not reversed, not reversals) unless
    `live_only` is False."""
    where = "b.account_id = :a" + (f" AND {LIVE_BILL}" if live_only else "")
    rows = session.execute(
        text(_SELECT + f" WHERE {where} ORDER BY b.bill_date, b.bill_no"), {"a": account_id}
    ).all()
    return [_view(r) for r in rows]


def account_bills(station: Station, account_no: str, *, live_only: bool = False) -> list[BillView]:
    with station.store.read() as s:
        return bills_for(s, find_account(s, account_no).id, live_only=live_only)


def find_bill(session: Session, bill_no: str) -> BillView:
    row = session.execute(
        text(_SELECT + " WHERE b.bill_no = :n"), {"n": bill_no.strip().upper()}
    ).first()
    if row is None:
        raise NotFound("There is no bill {bill_no}.", bill_no=bill_no.strip().upper())
    return _view(row)


def bill(station: Station, bill_no: str) -> BillView:
    with station.store.read() as s:
        return find_bill(s, bill_no)


@dataclass(frozen=True)
class Register:
    """The bill register of a cycle: every bill and reversal, with totals by line and by GL."""

    cycle: str
    route: str
    bills: tuple[BillView, ...]
    count: int  # live bills
    consumption: int
    total_cents: int  # bills less reversals
    by_line: tuple[tuple[str, int], ...]  # label -> cents (bills less reversals)
    by_gl: tuple[tuple[str, int], ...]


def check_cycle(cycle: str) -> tuple[date, date]:
    """The first and last day of a cycle written YYYY-MM."""
    try:
        first = date.fromisoformat(f"{cycle}-01")
    except ValueError:
        raise InputError(
            "{cycle!r} is not a billing cycle; write it like 2026-11.", field="cycle", cycle=cycle
        ) from None
    if len(cycle) != 7:
        raise InputError(
            "{cycle!r} is not a billing cycle; write it like 2026-11.", field="cycle", cycle=cycle
        )
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, date.fromordinal(nxt.toordinal() - 1)


def register(station: Station, cycle: str, route: str = "") -> Register:
    check_cycle(cycle)
    with station.store.read() as s:
        where = "b.cycle = :c" + (" AND b.route = :r" if route else "")
        rows = s.execute(
            text(_SELECT + f" WHERE {where} ORDER BY a.account_no, b.bill_no"),
            {"c": cycle, "r": route.strip().upper()},
        ).all()
    bills = tuple(_view(r) for r in rows)
    by_line: dict[str, int] = {}
    by_gl: dict[str, int] = {}
    for b in bills:
        for line in b.lines:
            key = line.label.split(" (")[0] if line.code.startswith("volume") else line.label
            by_line[key] = by_line.get(key, 0) + line.cents
            by_gl[line.gl] = by_gl.get(line.gl, 0) + line.cents
    live = [b for b in bills if b.live]
    return Register(
        cycle,
        route,
        bills,
        len(live),
        sum(b.consumption for b in live),
        sum(b.total_cents for b in bills),
        tuple(sorted(by_line.items())),
        tuple(sorted(by_gl.items())),
    )
