"""California's Water Shutoff Protection Act (SB 998) as a calendar and a list of reasons not to.

Residential water service is not disconnected for non-payment until a bill is at least 60 days
delinquent, and only after a written notice at least 7 business days ahead (48 hours by a
notice left at the home when the mailed one came back); never on a weekend, a holiday or a day
the office is closed; never while the customer keeps a payment arrangement; never when a
doctor certifies danger to life, the customer cannot pay and is willing to arrange payment.
A customer who falls 60 days behind on an arrangement may be disconnected 5 business days
after a final notice is posted at the home. Every number here comes from the city's policy data.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from counterpos.domain.messages import N_, Msg
from counterpos.domain.utility.business_days import (
    add_business_days,
    business_days_between,
    is_business_day,
    next_business_day,
)


@dataclass(frozen=True)
class Sb998Policy:
    min_days_delinquent: int = 60
    notice_business_days: int = 7
    door_hanger_hours: int = 48
    arrangement_default_days: int = 60
    posted_notice_business_days: int = 5


def days_delinquent(due_on: date, on: date) -> int:
    """Days past the due date (0 on the due date itself and before it)."""
    return max((on - due_on).days, 0)


def earliest_shutoff(
    due_on: date, notice_on: date, closed: Collection[date], policy: Sb998Policy
) -> date:
    """The first day a notice given on `notice_on` about a bill due `due_on` allows."""
    if isinstance(closed, frozenset):  # the calendar as data: a run asks the same few days
        return _earliest_shutoff_of(due_on, notice_on, closed, policy)
    return _earliest_shutoff(due_on, notice_on, closed, policy)


def _earliest_shutoff(
    due_on: date, notice_on: date, closed: Collection[date], policy: Sb998Policy
) -> date:
    day = max(
        due_on + timedelta(days=policy.min_days_delinquent),
        add_business_days(notice_on, policy.notice_business_days, closed),
    )
    return next_business_day(day, closed)


_earliest_shutoff_of = lru_cache(maxsize=4096)(_earliest_shutoff)


def posted_shutoff(posted_on: date, closed: Collection[date], policy: Sb998Policy) -> date:
    """After a broken arrangement: the first day a notice posted at the home allows."""
    return add_business_days(posted_on, policy.posted_notice_business_days, closed)


@dataclass(frozen=True)
class ShutoffFacts:
    """What the records say about one account on the day a disconnection is considered."""

    residential: bool
    oldest_unpaid_due: date | None  # the due date of the oldest bill not yet paid
    past_due_cents: int
    final_notice_on: date | None = None
    notice_returned: bool = False  # the mailed final notice came back undeliverable
    door_hanger_at: datetime | None = None
    arrangement: str = ""  # "", kept, missed, broken
    posted_notice_on: date | None = None  # after a broken arrangement
    medical_certified: bool = False
    cannot_pay: bool = False
    willing_to_arrange: bool = False


BLOCKERS = {
    "nothing_past_due": N_("nothing is past due"),
    "not_60_days": N_("the oldest unpaid bill is not yet {days} days delinquent"),
    "no_notice": N_("no final notice has been sent"),
    "notice_too_recent": N_("the final notice was given fewer than {n} business days ago"),
    "no_door_hanger": N_("the notice came back; a notice must be left at the home {h} hours ahead"),
    "door_hanger_too_recent": N_("the notice left at the home is not yet {h} hours old"),
    "not_business_day": N_("the office is closed that day (weekend or holiday)"),
    "arrangement_kept": N_("the customer keeps a payment arrangement"),
    "arrangement_in_grace": N_("the arrangement is behind but not yet {days} days"),
    "posted_too_recent": N_(
        "the notice posted after the broken arrangement is not {n} business days old"
    ),
    "three_conditions": N_(
        "medical certification, inability to pay and willingness to arrange are on file"
    ),
}


def shutoff_blockers(
    facts: ShutoffFacts,
    on: date,
    now: datetime,
    closed: Collection[date],
    policy: Sb998Policy,
) -> tuple[str, ...]:
    """Why the account may not be disconnected on `on` (empty: it may). Codes of BLOCKERS."""
    out: list[str] = []
    if not is_business_day(on, closed):
        out.append("not_business_day")
    if facts.past_due_cents <= 0 or facts.oldest_unpaid_due is None:
        out.append("nothing_past_due")
        return tuple(out)
    if (
        facts.residential
        and facts.medical_certified
        and facts.cannot_pay
        and facts.willing_to_arrange
    ):
        out.append("three_conditions")
    if facts.arrangement == "kept":
        out.append("arrangement_kept")
        return tuple(out)
    if facts.arrangement == "missed":
        out.append("arrangement_in_grace")
        return tuple(out)
    if facts.arrangement == "broken":
        if facts.posted_notice_on is None:
            out.append("no_notice")
        elif on < posted_shutoff(facts.posted_notice_on, closed, policy):
            out.append("posted_too_recent")
        return tuple(out)
    if days_delinquent(facts.oldest_unpaid_due, on) < policy.min_days_delinquent:
        out.append("not_60_days")
    if facts.final_notice_on is None:
        out.append("no_notice")
    elif business_days_between(facts.final_notice_on, on, closed) < policy.notice_business_days:
        out.append("notice_too_recent")
    if facts.notice_returned:
        if facts.door_hanger_at is None:
            out.append("no_door_hanger")
        elif now - facts.door_hanger_at < timedelta(hours=policy.door_hanger_hours):
            out.append("door_hanger_too_recent")
    return tuple(out)


def explain(codes: tuple[str, ...], policy: Sb998Policy) -> list[str]:
    """The blockers as sentences for the screen and the list."""
    return [
        # In the language in use: "no final notice has been sent" stayed English on Spanish
        # screens (the utility desk's shut-off line).
        Msg(
            BLOCKERS[c],
            days=policy.min_days_delinquent
            if c == "not_60_days"
            else policy.arrangement_default_days,
            n=policy.notice_business_days
            if c == "notice_too_recent"
            else policy.posted_notice_business_days,
            h=policy.door_hanger_hours,
        ).text()
        for c in codes
    ]
