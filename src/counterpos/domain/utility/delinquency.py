"""Who gets which notice: the unpaid charges of an account, and the policy's calendar.

Payments pay the oldest charges first, so what is unpaid is the newest charges up to the
balance (`unpaid`). The oldest of those sets the account's place on the calendar: a late
notice after its due date, a final (shut-off) notice once it is `final_notice_after_days`
delinquent, a collection notice for a closed account left owing (or for an active one, once
the final notice's shut-off date has come and it still owes). Each notice is keyed to the
bill it is about, so the same notice is never chosen twice.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from counterpos.domain.messages import Explained
from counterpos.domain.utility.low_income import LowIncomePolicy
from counterpos.domain.utility.sb998 import (
    Sb998Policy,
    days_delinquent,
    earliest_shutoff,
    posted_shutoff,
)


class PolicyError(Explained, ValueError):
    """Policy data that cannot be used; the message names the key."""


@dataclass(frozen=True)
class DelinquencyPolicy:
    late_fee_percent: Decimal = Decimal(10)
    late_fee_min_past_due_cents: int = 100
    late_notice_after_days: int = 1
    final_notice_after_days: int = 45
    min_notice_cents: int = 1000
    collection_after_days: int = 90
    arrangement_grace_days: int = 5
    arrangement_max_months: int = 12
    residential_classes: frozenset[str] = frozenset({"residential_owner", "residential_renter"})
    sb998: Sb998Policy = field(default_factory=Sb998Policy)
    low_income: LowIncomePolicy = field(default_factory=LowIncomePolicy)


def _int(body: Mapping[str, Any], key: str, default: int, low: int, high: int) -> int:
    value = body.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise PolicyError(
            "{key}: a whole number from {low} to {high}.", key=key, low=low, high=high
        )
    return value


def _cents(body: Mapping[str, Any], key: str, default: int) -> int:
    value = body.get(key)
    if value is None:
        return default
    try:
        amount = Decimal(str(value)) if not isinstance(value, float) else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        raise PolicyError('{key}: an amount as text, like "10.00".', key=key)
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _clock(body: Mapping[str, Any], key: str, default: time) -> time:
    value = body.get(key)
    if value is None:
        return default
    try:
        if not isinstance(value, str) or len(value) != 5:
            raise ValueError
        return time.fromisoformat(value)
    except ValueError:
        if key == "business_hours_open":
            raise PolicyError('business_hours_open: a time of day as text, like "08:00".') from None
        raise PolicyError('business_hours_close: a time of day as text, like "17:00".') from None


def _low_income(body: Mapping[str, Any]) -> LowIncomePolicy:
    d = LowIncomePolicy()
    li = LowIncomePolicy(
        reconnection_fee_cents=_cents(body, "reconnection_fee", d.reconnection_fee_cents),
        reconnection_fee_after_hours_cents=_cents(
            body, "reconnection_fee_after_hours", d.reconnection_fee_after_hours_cents
        ),
        cap_cents=_cents(body, "low_income_reconnection_cap", d.cap_cents),
        cap_after_hours_cents=_cents(
            body, "low_income_reconnection_cap_after_hours", d.cap_after_hours_cents
        ),
        opens=_clock(body, "business_hours_open", d.opens),
        closes=_clock(body, "business_hours_close", d.closes),
        waiver_months=_int(body, "low_income_waiver_months", d.waiver_months, 1, 60),
    )
    if li.closes <= li.opens:
        raise PolicyError("business_hours_close: after business_hours_open.")
    return li


def parse_policy(body: Mapping[str, Any]) -> DelinquencyPolicy:
    try:
        percent = Decimal(str(body.get("late_fee_percent", "10")))
    except InvalidOperation:
        raise PolicyError('late_fee_percent: a percentage as text, like "10".') from None
    if isinstance(body.get("late_fee_percent"), float) or not 0 <= percent <= 100:
        raise PolicyError('late_fee_percent: a percentage as text, like "10".')
    classes = body.get("residential_classes", ["residential_owner", "residential_renter"])
    sb = Sb998Policy(
        min_days_delinquent=_int(body, "shutoff_min_days_delinquent", 60, 60, 365),
        notice_business_days=_int(body, "shutoff_notice_business_days", 7, 7, 60),
        door_hanger_hours=_int(body, "door_hanger_hours", 48, 48, 240),
        arrangement_default_days=_int(body, "arrangement_default_days", 60, 1, 365),
        posted_notice_business_days=_int(body, "posted_notice_business_days", 5, 5, 60),
    )
    return DelinquencyPolicy(
        late_fee_percent=percent,
        late_fee_min_past_due_cents=_cents(body, "late_fee_min_past_due", 100),
        late_notice_after_days=_int(body, "late_notice_after_days", 1, 1, 60),
        final_notice_after_days=_int(body, "final_notice_after_days", 45, 1, 365),
        min_notice_cents=_cents(body, "min_notice_balance", 1000),
        collection_after_days=_int(body, "collection_after_days", 90, 1, 3650),
        arrangement_grace_days=_int(body, "arrangement_grace_days", 5, 0, 60),
        arrangement_max_months=_int(body, "arrangement_max_months", 12, 1, 60),
        residential_classes=frozenset(str(c) for c in classes),
        sb998=sb,
        low_income=_low_income(body),
    )


def late_fee_cents(past_due_cents: int, policy: DelinquencyPolicy) -> int:
    """The percentage of the past-due balance, half-up to the cent; 0 below the minimum."""
    if past_due_cents < max(policy.late_fee_min_past_due_cents, 1):
        return 0
    exact = Decimal(past_due_cents) * policy.late_fee_percent / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True, slots=True)
class Charge:
    """A debit on the account: a bill, a late fee, an opening balance. `ref` names it."""

    ref: str
    due_on: date
    cents: int


@dataclass(frozen=True, slots=True)
class Unpaid:
    charge: Charge
    cents: int  # the part of the charge still unpaid


def unpaid(charges: list[Charge], balance_cents: int) -> list[Unpaid]:
    """The charges (oldest first) still unpaid: the newest ones, up to the balance."""
    left = balance_cents
    out: list[Unpaid] = []
    for charge in sorted(charges, key=lambda c: c.due_on, reverse=True):
        if left <= 0:
            break
        part = min(charge.cents, left)
        out.append(Unpaid(charge, part))
        left -= part
    out.reverse()
    return out


def past_due(items: list[Unpaid], on: date) -> int:
    return sum(u.cents for u in items if u.charge.due_on < on)


@dataclass(frozen=True)
class AccountFacts:
    account_id: str
    active: bool
    residential: bool
    unpaid: list[Unpaid]
    sent: frozenset[str] = frozenset()  # keys of the notices already recorded
    arrangement: str = ""  # "", kept, missed, broken
    arrangement_id: str = ""
    sent_on: Mapping[str, date] = field(default_factory=dict)  # key -> the day it was issued


@dataclass(frozen=True, slots=True)
class NoticeChoice:
    kind: str  # late, final, collection, posted
    key: str
    ref: str  # the charge (bill) the notice is about
    past_due_cents: int
    due_on: date
    shutoff_on: date | None = None


def choose_notice(
    facts: AccountFacts, on: date, closed: Collection[date], policy: DelinquencyPolicy
) -> NoticeChoice | None:
    """The one notice this account should get today, or None."""
    owed = past_due(facts.unpaid, on)
    if owed < policy.min_notice_cents or not facts.unpaid:
        return None
    if facts.arrangement in ("kept", "missed"):
        return None
    oldest = next(u.charge for u in facts.unpaid if u.charge.due_on < on)
    late = days_delinquent(oldest.due_on, on)
    if facts.arrangement == "broken":
        key = f"posted:{facts.arrangement_id}"
        if key in facts.sent:
            return None
        return NoticeChoice(
            "posted", key, oldest.ref, owed, oldest.due_on, posted_shutoff(on, closed, policy.sb998)
        )
    if not facts.active:
        key = f"collection:{oldest.ref}"
        if late >= policy.collection_after_days and key not in facts.sent:
            return NoticeChoice("collection", key, oldest.ref, owed, oldest.due_on)
        return None
    final_key = f"final:{oldest.ref}"
    if late >= policy.final_notice_after_days:
        if final_key in facts.sent:
            final_on = facts.sent_on.get(final_key)
            if final_on is not None and on < earliest_shutoff(
                oldest.due_on, final_on, closed, policy.sb998
            ):
                return None  # the final notice's shut-off date has not come: nothing else yet
            key = f"collection:{oldest.ref}"
            if late >= policy.collection_after_days and key not in facts.sent:
                return NoticeChoice("collection", key, oldest.ref, owed, oldest.due_on)
            return None
        shutoff = earliest_shutoff(oldest.due_on, on, closed, policy.sb998)
        return NoticeChoice("final", final_key, oldest.ref, owed, oldest.due_on, shutoff)
    late_key = f"late:{oldest.ref}"
    if late >= policy.late_notice_after_days and late_key not in facts.sent:
        return NoticeChoice("late", late_key, oldest.ref, owed, oldest.due_on)
    return None
