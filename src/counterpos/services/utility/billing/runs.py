"""The monthly billing run: each account's bill from its cycle's reads and the rates in effect.

One run is one transaction: the run, every bill, one ledger charge per bill, the accounts'
new due dates and the audit event, or nothing. Reads held for review keep their accounts out
(listed); accounts without a read are listed too, or billed on an estimate when asked. A cycle
(or a route of it) already billed is refused until its run is reversed; a reversal is a new
run whose bills cancel the old ones, line by line, with a reversing ledger entry each.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType
from counterpos.domain.messages import Msg
from counterpos.domain.utility.rates import RateError, RateSchedule, price, total
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.billing.bills import check_cycle
from counterpos.services.utility.billing.rates import in_effect
from counterpos.services.utility.meters.state import LIVE_BILL, averages, last_reads, placements
from counterpos.services.utility.numbers import next_number, next_numbers
from counterpos.store.models import Bill, BillingRun, LedgerEntry, MeterRead, UtilityAccount, new_id
from counterpos.store.outbox import Serialized, enqueue_stored, insert_synced
from counterpos.store.rows import bill_row, ledger_row, read_row

LIVE_RUN = (
    "NOT EXISTS (SELECT 1 FROM billing_run x WHERE x.reverses_id = r.id) AND r.reverses_id IS NULL"
)


@dataclass(frozen=True)
class RunResult:
    run_id: str
    run_no: str
    cycle: str
    route: str
    bill_date: date
    due_date: date
    bills: int
    total_cents: int
    consumption: int
    estimated: int
    held: tuple[tuple[str, str], ...]  # (account number, reason)
    no_read: tuple[str, ...]
    already_billed: int


@dataclass
class _Account:
    account_id: str
    reads: list[tuple] = field(
        default_factory=list
    )  # (id, meter_id, read_on, kind, units, prev_on)
    held: str = ""


_CYCLE_READS = """
SELECT r.id, r.meter_id, r.account_id, r.read_on, r.kind, r.review,
       COALESCE(v.consumption, r.consumption), v.decision, p.read_on
FROM meter_read r
LEFT JOIN read_review v ON v.read_id = r.id
LEFT JOIN meter_read p ON p.id = r.previous_read_id
WHERE r.read_on BETWEEN :first AND :last AND r.kind <> 'first' AND r.account_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM meter_read c WHERE c.replaces_id = r.id)
"""


def _d(v) -> date:
    return date.fromisoformat(v) if isinstance(v, str) else v


def _check_free(s: Session, cycle: str, route: str) -> None:
    clash = s.execute(
        text(
            f"SELECT r.run_no, r.route FROM billing_run r WHERE r.cycle = :c AND {LIVE_RUN} "
            "AND (r.route = '' OR :route = '' OR r.route = :route) LIMIT 1"
        ),
        {"c": cycle, "route": route},
    ).first()
    if clash:
        what = (
            Msg("Route {route} of cycle {cycle}", route=clash[1], cycle=cycle)
            if clash[1]
            else Msg("Cycle {cycle}", cycle=cycle)
        )
        raise StateError(
            "{what} is already billed (run {run_no}); reverse that run to bill it again.",
            what=what,
            run_no=clash[0],
        )


def billing_run(
    station: Station,
    actor: Actor,
    cycle: str,
    *,
    route: str = "",
    bill_date: date | None = None,
    estimate_missing: bool = False,
) -> RunResult:
    """Bill a cycle (YYYY-MM: the month its reads were taken), or one route of it."""
    actor.require("run_billing", "run billing")
    first, last = check_cycle(cycle)
    today = local_today()
    bill_date = bill_date or today
    route = (route or "").strip().upper()
    if bill_date > today:
        raise InputError("A bill cannot be dated in the future.", field="bill_date")
    if bill_date < first:
        raise InputError(
            "Bills of cycle {cycle} are dated in {cycle} or later.", field="bill_date", cycle=cycle
        )
    with station.store.write() as s:
        _check_free(s, cycle, route)
        accounts = {
            a.id: a
            for a in s.execute(
                select(
                    UtilityAccount.id,
                    UtilityAccount.account_no,
                    UtilityAccount.customer_id,
                    UtilityAccount.service_address,
                    UtilityAccount.customer_class,
                    UtilityAccount.status,
                    UtilityAccount.opened_on,
                    UtilityAccount.due_date,
                    UtilityAccount.created_at,
                )
            ).all()
        }
        placed = [p for p in placements(s) if p.status == "installed"]
        route_of = {p.meter_id: p.route for p in placed}
        meters = {
            m[0]: (m[1], m[2]) for m in s.execute(text("SELECT id, size, unit FROM meter")).all()
        }
        billed = set(
            s.scalars(
                text(f"SELECT b.account_id FROM bill b WHERE b.cycle = :c AND {LIVE_BILL}"),
                {"c": cycle},
            )
        )
        found: dict[str, _Account] = {}
        for rid, meter_id, account_id, read_on, kind, review, units, decision, prev_on in s.execute(
            text(_CYCLE_READS), {"first": first, "last": last}
        ).all():
            if decision == "reject":
                continue
            if route and route_of.get(meter_id, "") != route:
                continue
            acc = found.setdefault(account_id, _Account(account_id))
            if review and decision is None:
                acc.held = review
            acc.reads.append(
                (rid, meter_id, _d(read_on), kind, units, _d(prev_on) if prev_on else None)
            )
        expected = {
            p.account_id: p
            for p in placed
            if p.account_id and (not route or p.route == route) and p.since and p.since <= last
        }
        missing = [
            a
            for a in expected
            if a not in found and a not in billed and accounts[a].status == "active"
        ]
        estimated_reads = []
        if estimate_missing and missing:
            estimated_reads = _estimates(s, station, actor, missing, expected, last, bill_date)
            for row in estimated_reads:
                found[row["account_id"]] = _Account(
                    row["account_id"],
                    [
                        (
                            row["id"],
                            row["meter_id"],
                            row["read_on"],
                            "estimated",
                            row["consumption"],
                            None,
                        )
                    ],
                )
            missing = [a for a in missing if a not in found]
        run_id = new_id()
        schedules: dict[date, tuple[str, RateSchedule]] = {}
        bills, ledger, held = [], [], []
        due_of: dict[str, date] = {}
        skipped = 0
        to_bill = sorted(found.values(), key=lambda a: accounts[a.account_id].account_no)
        numbers = iter(next_numbers(s, Bill.bill_no, station.code, "B", len(to_bill)))
        totals = 0
        units_sum = 0
        n_est = 0
        priced: dict[tuple, tuple] = {}  # the same month on the same meter prices the same
        for acc in to_bill:
            info = accounts[acc.account_id]
            if acc.account_id in billed:
                skipped += 1
                continue
            if acc.held:
                held.append((info.account_no, acc.held))
                continue
            acc.reads.sort(key=lambda r: (r[2], r[0]))
            period_to = acc.reads[-1][2]
            starts = [r[5] for r in acc.reads if r[5]]
            period_from = min(starts) if starts else None
            units = sum(int(r[4] or 0) for r in acc.reads)
            meter_size, _unit = meters[acc.reads[-1][1]]
            if period_to not in schedules:
                schedules[period_to] = in_effect(s, "water_rates", period_to)
            sched_id, sched = schedules[period_to]
            key = (sched_id, meter_size, info.customer_class, units)
            if key not in priced:
                try:
                    lines = price(sched, meter_size, info.customer_class, units)
                except RateError as exc:
                    raise StateError(
                        "Account {account_no}: {exc} Nothing was billed.",
                        account_no=info.account_no,
                        exc=exc,
                    ) from exc
                priced[key] = (
                    Serialized([[x.code, x.label, x.units, x.rate, x.cents, x.gl] for x in lines]),
                    total(lines),
                )
            stored_lines, amount = priced[key]
            due = date.fromordinal(bill_date.toordinal() + sched.due_days)
            bill_no = next(numbers)
            entry = ledger_row(
                account_id=acc.account_id,
                entry_type=EntryType.CHARGE,
                amount_cents=amount,
                memo=f"Water and sewer bill {bill_no} ({cycle})",
                station_code=station.code,
            )
            estimated = any(r[3] == "estimated" for r in acc.reads)
            bills.append(
                bill_row(
                    bill_no=bill_no,
                    run_id=run_id,
                    account_id=acc.account_id,
                    cycle=cycle,
                    route=route_of.get(acc.reads[-1][1], ""),
                    bill_date=bill_date,
                    due_date=due,
                    period_from=period_from,
                    period_to=period_to,
                    meter_size=meter_size,
                    customer_class=info.customer_class,
                    consumption=units,
                    estimated=estimated,
                    read_ids=[r[0] for r in acc.reads],
                    lines=[[x.code, x.label, x.units, x.rate, x.cents, x.gl] for x in lines],
                    total_cents=amount,
                    ledger_entry_id=entry["id"],
                    station_code=station.code,
                )
            )
            ledger.append(entry)
            due_of[acc.account_id] = due
            totals += amount
            units_sum += units
            n_est += estimated
        if not bills:
            raise StateError(
                "Nothing to bill in cycle {cycle} route {route}: {held} held for review, "
                "{missing} without a read, {skipped} already billed."
                if route
                else "Nothing to bill in cycle {cycle}: {held} held for review, {missing} without "
                "a read, {skipped} already billed.",
                cycle=cycle,
                route=route,
                held=len(held),
                missing=len(missing),
                skipped=skipped,
            )
        run_no = next_number(s, BillingRun.run_no, station.code, "R")
        s.add(
            BillingRun(
                id=run_id,
                run_no=run_no,
                cycle=cycle,
                route=route,
                bill_date=bill_date,
                due_date=max(due_of.values()),
                schedule_id=next(iter(schedules.values()))[0],
                bills=len(bills),
                total_cents=totals,
                details={
                    "held": len(held),
                    "no_read": len(missing),
                    "already_billed": skipped,
                    "estimated": n_est,
                },
                station_code=station.code,
                created_by=actor.username,
            )
        )
        s.flush()
        insert_synced(s, [(Bill, bills), (LedgerEntry, ledger)])
        _new_due_dates(s, due_of)
        audit.record(
            s,
            station.code,
            "billing_run",
            actor=actor.username,
            target=run_no,
            details={
                "cycle": cycle,
                "route": route,
                "bills": len(bills),
                "total_cents": totals,
                "held": len(held),
                "no_read": len(missing),
                "estimated": n_est,
            },
        )
        return RunResult(
            run_id,
            run_no,
            cycle,
            route,
            bill_date,
            max(due_of.values()),
            len(bills),
            totals,
            units_sum,
            n_est,
            tuple(held),
            tuple(sorted(accounts[a].account_no for a in missing)),
            skipped,
        )


def _new_due_dates(s: Session, due_of: dict[str, date]) -> None:
    """The accounts' due dates move to their new bills' (and go to the centre as changed rows)."""
    s.connection().exec_driver_sql(
        "UPDATE utility_account SET due_date = ? WHERE id = ?",
        [(d.isoformat(), a) for a, d in due_of.items()],
    )
    enqueue_stored(s, UtilityAccount, list(due_of))


def _estimates(
    s: Session,
    station: Station,
    actor: Actor,
    missing: list[str],
    placed: dict,
    last: date,
    bill_date: date,
) -> list[dict]:
    """Estimated reads for accounts without one: the last read plus the 12-month average."""
    avgs = averages(s, bill_date, missing if len(missing) <= 500 else None)
    lasts = last_reads(s)
    rows = []
    on = min(last, bill_date)
    for account_id in missing:
        p = placed[account_id]
        avg = avgs.get(account_id)
        prev = lasts.get(p.meter_id)
        if avg is None or prev is None or prev.read_on >= on:
            continue
        units = int(avg.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        rows.append(
            read_row(
                meter_id=p.meter_id,
                account_id=account_id,
                read_on=on,
                value=(prev.value + units) % 10**p.dials,
                kind="estimated",
                consumption=units,
                previous_read_id=prev.read_id,
                rollover=prev.value + units >= 10**p.dials,
                source="estimate",
                station_code=station.code,
                created_by=actor.username,
            )
        )
    if rows:
        insert_synced(s, [(MeterRead, rows)])
    return rows


@dataclass(frozen=True)
class ReversalResult:
    run_no: str
    reverses: str
    bills: int
    total_cents: int


def reverse_bills(
    s: Session,
    station_code: str,
    run_id: str,
    bills: list,
    reason: str,
) -> tuple[list[dict], list[dict]]:
    """Reversal rows (bill and ledger entry) cancelling `bills` (Bill objects)."""
    numbers = iter(next_numbers(s, Bill.bill_no, station_code, "B", len(bills)))
    rev_bills, rev_ledger = [], []
    for b in bills:
        bill_no = next(numbers)
        entry = ledger_row(
            account_id=b.account_id,
            entry_type=EntryType.REVERSAL,
            amount_cents=-b.total_cents,
            memo=f"Bill {b.bill_no} reversed by {bill_no}: {reason}"[:500],
            reverses_id=b.ledger_entry_id,
            station_code=station_code,
        )
        rev_ledger.append(entry)
        rev_bills.append(
            bill_row(
                bill_no=bill_no,
                run_id=run_id,
                account_id=b.account_id,
                cycle=b.cycle,
                route=b.route,
                bill_date=local_today(),
                due_date=b.due_date,
                period_from=b.period_from,
                period_to=b.period_to,
                meter_size=b.meter_size,
                customer_class=b.customer_class,
                consumption=-b.consumption,
                estimated=b.estimated,
                read_ids=b.read_ids,
                lines=[[*x[:4], -int(x[4]), x[5]] for x in b.lines],
                total_cents=-b.total_cents,
                ledger_entry_id=entry["id"],
                reverses_id=b.id,
                reason=reason[:500],
                station_code=station_code,
            )
        )
    return rev_bills, rev_ledger


def reverse_run(station: Station, actor: Actor, run_no: str, reason: str) -> ReversalResult:
    """Cancel a run's live bills (each by a reversing bill and ledger entry), which frees its
    cycle for a new run."""
    actor.require("run_billing", "reverse a billing run")
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise InputError("Say why the run is reversed.", field="reason")
    with station.store.write() as s:
        run = s.scalars(
            select(BillingRun).where(BillingRun.run_no == run_no.strip().upper())
        ).first()
        if run is None:
            raise NotFound("There is no billing run {run_no}.", run_no=run_no.strip().upper())
        if run.reverses_id:
            raise StateError("Run {run_no} is itself a reversal.", run_no=run.run_no)
        if s.scalar(select(BillingRun.run_no).where(BillingRun.reverses_id == run.id)):
            raise StateError("Run {run_no} is already reversed.", run_no=run.run_no)
        live = list(
            s.scalars(
                select(Bill).from_statement(
                    text(f"SELECT b.* FROM bill b WHERE b.run_id = :r AND {LIVE_BILL}")
                ),
                {"r": run.id},
            )
        )
        rev_id = new_id()
        s.add(
            BillingRun(
                id=rev_id,
                run_no=next_number(s, BillingRun.run_no, station.code, "R"),
                cycle=run.cycle,
                route=run.route,
                bill_date=local_today(),
                due_date=run.due_date,
                schedule_id=run.schedule_id,
                reverses_id=run.id,
                bills=len(live),
                total_cents=-sum(b.total_cents for b in live),
                details={"reason": reason},
                station_code=station.code,
                created_by=actor.username,
            )
        )
        s.flush()
        rev_bills, rev_ledger = reverse_bills(
            s, station.code, rev_id, live, f"run {run.run_no} reversed: {reason}"
        )
        insert_synced(s, [(Bill, rev_bills), (LedgerEntry, rev_ledger)])
        rev = s.get(BillingRun, rev_id)
        assert rev is not None
        audit.record(
            s,
            station.code,
            "billing_run_reversed",
            actor=actor.username,
            target=run.run_no,
            details={"reversal": rev.run_no, "bills": len(live), "reason": reason},
        )
        return ReversalResult(rev.run_no, run.run_no, len(live), rev.total_cents)


@dataclass(frozen=True)
class RunView:
    run_no: str
    cycle: str
    route: str
    bill_date: date
    bills: int
    total_cents: int
    reverses: str
    reversed_by: str
    created_by: str


def runs(station: Station, cycle: str | None = None) -> list[RunView]:
    with station.store.read() as s:
        q = select(BillingRun).order_by(BillingRun.run_no)
        if cycle:
            q = q.where(BillingRun.cycle == cycle)
        all_runs = list(s.scalars(q))
        by_id = {r.id: r for r in all_runs}
        rev = {r.reverses_id: r.run_no for r in all_runs if r.reverses_id}
        return [
            RunView(
                r.run_no,
                r.cycle,
                r.route,
                r.bill_date,
                r.bills,
                r.total_cents,
                by_id[r.reverses_id].run_no if r.reverses_id in by_id else "",
                rev.get(r.id, ""),
                r.created_by,
            )
            for r in all_runs
        ]


def accounts_billed(session: Session, cycle: str) -> dict[str, list[str]]:
    """Live bill numbers per account id in a cycle (what makes a cycle 'billed')."""
    out: dict[str, list[str]] = defaultdict(list)
    for account_id, bill_no in session.execute(
        text(f"SELECT b.account_id, b.bill_no FROM bill b WHERE b.cycle = :c AND {LIVE_BILL}"),
        {"c": cycle},
    ):
        out[account_id].append(bill_no)
    return out
