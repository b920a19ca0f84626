"""SB 998's protections for a low-income household (Health and Safety Code 116914), as data.

A residential customer whose household income is below 200% of the federal poverty line (the
qualification is recorded on the account: who took it, when, for which period) pays at most
the policy's cap to be reconnected — DOMAIN.md's $50 during business hours; after hours the
statute's $150 — and has one late charge waived in any `waiver_months` months (12): the first
late fee that falls due while qualified is waived, and the next only once that many months
have passed since the last waiver. Every figure is the city's effective-dated policy data.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as clock

from counterpos.domain.utility.arrangement import add_months
from counterpos.domain.utility.business_days import is_business_day


@dataclass(frozen=True)
class LowIncomePolicy:
    reconnection_fee_cents: int = 7500  # the city's fee, during business hours
    reconnection_fee_after_hours_cents: int = 20000
    cap_cents: int = 5000  # a qualifying household, during business hours (DOMAIN.md)
    cap_after_hours_cents: int = 15000  # ... after hours (HSC 116914(a)(1))
    opens: clock = clock(8)
    closes: clock = clock(17)
    waiver_months: int = 12


def in_business_hours(at: datetime, closed: Collection[date], policy: LowIncomePolicy) -> bool:
    """A business day (no weekend, holiday or closure) between opening and closing time."""
    return is_business_day(at.date(), closed) and policy.opens <= at.time() < policy.closes


@dataclass(frozen=True, slots=True)
class ReconnectionFee:
    cents: int
    business_hours: bool
    capped: bool  # lowered to the low-income cap


def reconnection_fee(
    at: datetime, closed: Collection[date], policy: LowIncomePolicy, low_income: bool
) -> ReconnectionFee:
    """What a reconnection at `at` costs; a qualifying household never pays above its cap."""
    hours = in_business_hours(at, closed, policy)
    fee = policy.reconnection_fee_cents if hours else policy.reconnection_fee_after_hours_cents
    if not low_income:
        return ReconnectionFee(fee, hours, False)
    cap = policy.cap_cents if hours else policy.cap_after_hours_cents
    return ReconnectionFee(min(fee, cap), hours, fee > cap)


def waiver_due(last_waived: date | None, on: date, policy: LowIncomePolicy) -> bool:
    """May a qualifying household's late fee falling due on `on` be waived? Once in
    `waiver_months` months: never within that many months after the last waiver."""
    return last_waived is None or on >= add_months(last_waived, policy.waiver_months)
