"""The leak adjustment calculator: the city's leak policy (data) applied to the leak's bills.

The policy in effect (billing/rates.py, kind leak_policy) says how: share of the use above the
12-month average credited, or the leak period billed at the average; how many periods; once in
how many months; repair proved within how many days. The average is taken over the twelve
months before the leak's first bill. The credit goes through the two-person adjustment with
the calculation attached.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.utility.calculations import (
    Calculation,
    CalculationError,
    Period,
    leak_credit,
)
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today, to_local
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.adjustments import Adjusted, adjust_by_calculation
from counterpos.services.utility.billing.bills import BillView, bills_for
from counterpos.services.utility.billing.rates import leak_policy, water_rates
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.store.models import AdjustmentCalculation, WorkOrder, WorkOrderEvent


@dataclass(frozen=True)
class LeakCalculation:
    calculation: Calculation
    bill_ids: tuple[str, ...]
    work_order_id: str | None


def _average_before(s: Session, account_id: str, first: BillView) -> Decimal:
    row = s.execute(
        text(
            f"SELECT SUM(b.consumption), COUNT(*) FROM bill b WHERE b.account_id = :a AND {LIVE_BILL} "
            "AND b.bill_date < :d AND b.bill_date >= :since"
        ),
        {"a": account_id, "d": first.bill_date, "since": first.bill_date - timedelta(days=365)},
    ).first()
    if not row or not row[1]:
        raise StateError(
            "The account has no bills in the twelve months before the leak to take an average from."
        )
    return (Decimal(int(row[0])) / int(row[1])).quantize(Decimal("0.01"), ROUND_HALF_UP)


def _repair(
    s: Session, account_id: str, work_order_no: str, repaired_on: date | None
) -> tuple[date, str | None]:
    if work_order_no:
        wo = s.scalars(
            select(WorkOrder).where(WorkOrder.wo_no == work_order_no.strip().upper())
        ).first()
        if wo is None or wo.account_id != account_id:
            raise NotFound(
                "Work order {work_order_no} is not this account's.",
                work_order_no=work_order_no.strip().upper(),
            )
        closed = s.scalars(
            select(WorkOrderEvent).where(
                WorkOrderEvent.work_order_id == wo.id, WorkOrderEvent.status == "closed"
            )
        ).first()
        if closed is None or closed.finding != "leak_repaired" or closed.repaired_on is None:
            raise StateError(
                "Work order {wo_no} is not closed with a repaired leak; the policy needs the repair.",
                wo_no=wo.wo_no,
            )
        return closed.repaired_on, wo.id
    if repaired_on is None:
        raise InputError(
            "Give the repair date from the customer's proof (or the work order that found it).",
            field="repaired_on",
        )
    return repaired_on, None


def leak_calculation(
    station: Station,
    account_no: str,
    bill_nos: list[str],
    *,
    work_order_no: str = "",
    repaired_on: date | None = None,
) -> LeakCalculation:
    """The leak credit as the policy figures it (nothing is written)."""
    wanted = [b.strip().upper() for b in bill_nos if b.strip()]
    if not wanted:
        raise InputError("Choose the bill (or bills) the leak ran up.", field="bills")
    if len(set(wanted)) != len(wanted):
        raise InputError("A bill is listed twice.", field="bills")
    with station.store.read() as s:
        acct = find_account(s, account_no)
        live = {b.bill_no: b for b in bills_for(s, acct.id)}
        missing = [n for n in wanted if n not in live]
        if missing:
            raise InputError(
                "Bill {bill_no} is not a live bill of account {account_no}.",
                field="bills",
                bill_no=missing[0],
                account_no=acct.account_no,
            )
        chosen = sorted((live[n] for n in wanted), key=lambda b: b.bill_date)
        policy = leak_policy(s, local_today())
        repaired, wo_id = _repair(s, acct.id, work_order_no, repaired_on)
        last = chosen[-1]
        if repaired > last.bill_date + timedelta(days=policy.proof_within_days):
            raise StateError(
                "The repair on {repaired:%m/%d/%Y} came more than {proof_within_days} days after bill "
                "{bill_no}; the policy does not cover it.",
                repaired=repaired,
                proof_within_days=policy.proof_within_days,
                bill_no=last.bill_no,
            )
        since = local_today() - timedelta(days=round(policy.once_in_months * 30.44))
        earlier = s.scalars(
            select(AdjustmentCalculation).where(
                AdjustmentCalculation.account_id == acct.id,
                AdjustmentCalculation.kind == "leak",
                AdjustmentCalculation.created_at >= since,
            )
        ).first()
        if earlier is not None:
            raise StateError(
                "A leak adjustment ({calc_no}) was made on {created_at:%m/%d/%Y}; the policy allows one "
                "in {once_in_months} months.",
                calc_no=earlier.calc_no,
                created_at=to_local(earlier.created_at),
                once_in_months=policy.once_in_months,
            )
        average = _average_before(s, acct.id, chosen[0])
        periods = []
        for b in chosen:
            sched = water_rates(s, b.period_to or b.bill_date)
            periods.append(
                Period(b.bill_no, b.consumption, sched.tiers(b.customer_class), sched.unit)
            )
        try:
            calc = leak_credit(periods, average, policy)
        except CalculationError as exc:
            raise InputError(exc, field="bills") from exc
        calc.basis["repaired_on"] = repaired.isoformat()
        if work_order_no:
            calc.basis["work_order_no"] = work_order_no.strip().upper()
        return LeakCalculation(calc, tuple(b.bill_id for b in chosen), wo_id)


def leak_adjustment(
    station: Station,
    cashier: Actor,
    approver: Actor,
    account_no: str,
    bill_nos: list[str],
    *,
    work_order_no: str = "",
    repaired_on: date | None = None,
    memo: str = "",
) -> Adjusted:
    """Figure the leak credit and post it through the two-person adjustment."""
    calc = leak_calculation(
        station, account_no, bill_nos, work_order_no=work_order_no, repaired_on=repaired_on
    )
    return adjust_by_calculation(
        station,
        cashier,
        approver,
        account_no,
        calc.calculation,
        memo,
        calc.bill_ids,
        calc.work_order_id,
    )
