"""Over-estimate corrections: the first actual read after estimated bills shows they ran ahead;
the estimated bills are re-priced on the actual use and the difference credited, through the
two-person adjustment."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.utility.calculations import (
    Calculation,
    CalculationError,
    Period,
    over_estimate_credit,
)
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.adjustments import Adjusted, adjust_by_calculation
from counterpos.services.utility.billing.bills import bills_for
from counterpos.services.utility.billing.rates import water_rates
from counterpos.services.utility.meters.state import installed_at, last_read
from counterpos.store.models import AdjustmentCalculation, MeterRead, UtilityAccount


@dataclass(frozen=True)
class OverEstimate:
    calculation: Calculation
    bill_ids: tuple[str, ...]


def _find(s: Session, account_id: str) -> OverEstimate | None:
    meters = installed_at(s, account_id)
    if not meters:
        return None
    latest = last_read(s, meters[0].meter_id)
    if latest is None or latest.kind != "actual":
        return None
    read = s.get(MeterRead, latest.read_id)
    assert read is not None
    estimated: list[MeterRead] = []
    prev = s.get(MeterRead, read.previous_read_id) if read.previous_read_id else None
    while prev is not None and prev.kind == "estimated":
        estimated.append(prev)
        prev = s.get(MeterRead, prev.previous_read_id) if prev.previous_read_id else None
    if not estimated or prev is None or read.value < prev.value:
        return None
    done = s.scalars(
        select(AdjustmentCalculation).where(
            AdjustmentCalculation.account_id == account_id,
            AdjustmentCalculation.kind == "over_estimate",
        )
    )
    if any(c.calculation.get("basis", {}).get("read_id") == read.id for c in done):
        return None
    ids = {r.id for r in estimated}
    bills = [b for b in bills_for(s, account_id) if ids & set(b.read_ids)]
    if not bills:
        return None
    periods = []
    for b in bills:
        sched = water_rates(s, b.period_to or b.bill_date)
        periods.append(Period(b.bill_no, b.consumption, sched.tiers(b.customer_class), sched.unit))
    try:
        calc = over_estimate_credit(periods, read.value - prev.value, prev.value, read.value)
    except CalculationError:
        return None
    calc.basis["read_id"] = read.id
    return OverEstimate(calc, tuple(b.bill_id for b in bills))


def over_estimate_calculation(station: Station, account_no: str) -> OverEstimate:
    with station.store.read() as s:
        acct = find_account(s, account_no)
        found = _find(s, acct.id)
        if found is None:
            raise StateError(
                "Account {account_no} has no estimated bills that its latest actual read shows too high.",
                account_no=acct.account_no,
            )
        return found


def corrections_due(station: Station) -> list[tuple[str, int]]:
    """Accounts whose latest actual read shows estimated bills ran ahead: (account, credit)."""
    with station.store.read() as s:
        ids = s.scalars(
            text(
                "SELECT DISTINCT r.account_id FROM meter_read r JOIN meter_read p "
                "ON p.id = r.previous_read_id WHERE r.kind = 'actual' AND p.kind = 'estimated' "
                "AND r.value < p.value"
            )
        ).all()
        out = []
        for account_id in ids:
            found = _find(s, account_id)
            acct = s.get(UtilityAccount, account_id)
            if found is not None and acct is not None:
                out.append((acct.account_no, found.calculation.amount_cents))
        return sorted(out)


def over_estimate_correction(
    station: Station, cashier: Actor, approver: Actor, account_no: str, memo: str = ""
) -> Adjusted:
    if not account_no.strip():
        raise InputError("Which account?", field="account_no")
    found = over_estimate_calculation(station, account_no)
    return adjust_by_calculation(
        station, cashier, approver, account_no, found.calculation, memo, found.bill_ids
    )
