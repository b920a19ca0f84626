"""Payment arrangements: instalments over the arrears, and whether the customer keeps them.

While an arrangement runs, the customer pays each instalment and the new bills as they fall
due. An arrangement is kept while the payments made since it began cover what has fallen due
(counting `grace_days` after each due date); it is missed from the first shortfall, and broken
once the shortfall is `default_days` old (SB 998: 60 days), which lets the city post a final
notice at the home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from counterpos.domain.messages import Explained

KINDS = {
    "amortization": "Amortization (arrears in monthly instalments)",
    "deferral": "Deferral (arrears due in one later payment)",
    "reduction": "Reduction (part of the arrears forgiven, the rest in instalments)",
}


class ArrangementError(Explained, ValueError):
    """An arrangement that cannot be made; the message says why."""


@dataclass(frozen=True, slots=True)
class Instalment:
    due_on: date
    cents: int


def add_months(day: date, months: int) -> date:
    """Same day of the month `months` later (the month's last day when it has fewer)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def plan(total_cents: int, count: int, first_due: date, max_months: int) -> tuple[Instalment, ...]:
    """`count` monthly instalments of the total, the odd cents on the first."""
    if total_cents <= 0:
        raise ArrangementError("There are no arrears to arrange.")
    if not 1 <= count <= max_months:
        raise ArrangementError(
            "An arrangement runs 1 to {max_months} monthly instalments.", max_months=max_months
        )
    each, extra = divmod(total_cents, count)
    if each == 0:
        raise ArrangementError("Fewer instalments: each must be at least one cent.")
    return tuple(
        Instalment(add_months(first_due, i), each + (extra if i == 0 else 0)) for i in range(count)
    )


@dataclass(frozen=True, slots=True)
class Standing:
    state: str  # kept, missed, broken, completed
    due_cents: int  # what had fallen due (past grace)
    paid_cents: int
    behind_since: date | None


def standing(
    instalments: tuple[Instalment, ...],
    new_bills: list[Instalment],
    paid_cents: int,
    on: date,
    grace_days: int,
    default_days: int,
) -> Standing:
    """Where the arrangement stands on `on`: instalments and new bills against the payments."""
    dues = sorted([*instalments, *new_bills], key=lambda i: i.due_on)
    total_arranged = sum(i.cents for i in instalments)
    due = 0
    behind_since = None
    running = 0
    for item in dues:
        late_from = item.due_on + timedelta(days=grace_days + 1)
        if late_from > on:
            break
        running += item.cents
        if paid_cents < running and behind_since is None:
            behind_since = late_from
        due = running
    if paid_cents >= due:
        behind_since = None
    if behind_since is None:
        arranged_paid = paid_cents - sum(b.cents for b in new_bills if b.due_on < on)
        if instalments and arranged_paid >= total_arranged:
            return Standing("completed", due, paid_cents, None)
        return Standing("kept", due, paid_cents, None)
    if (on - behind_since).days >= default_days:
        return Standing("broken", due, paid_cents, behind_since)
    return Standing("missed", due, paid_cents, behind_since)
