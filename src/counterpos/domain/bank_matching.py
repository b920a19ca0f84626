"""Matching bank transactions to what the office expects the bank to show: by reference when
the bank gives ours, else by amount and date (the bank books it that day or a few after)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from counterpos.domain.money import Money

WINDOW_DAYS = 5  # how many days after the item's date the bank may book it


@dataclass(frozen=True, slots=True)
class Expected:
    kind: str  # deposit, card_batch, remote_batch, ach_file, returned
    key: str
    amount: Money  # + a credit the bank should show, - a debit
    on: date
    label: str
    refs: tuple[str, ...] = ()  # references the bank may quote (bag no., deposit no., file id)


@dataclass(frozen=True, slots=True)
class Booked:
    id: str
    amount: Money
    posted_on: date
    refs: tuple[str, ...] = ()


def match(
    booked: Sequence[Booked], expected: Sequence[Expected], window: int = WINDOW_DAYS
) -> list[tuple[Booked, Expected]]:
    """Pairs of (bank line, item), each used once: a quoted reference first, then the same
    amount booked on the item's day or within `window` days after, the nearest day first."""
    pairs: list[tuple[Booked, Expected]] = []
    free = list(expected)
    left: list[Booked] = []
    for b in booked:
        refs = {r.strip().lower() for r in b.refs if r.strip()}
        hit = next(
            (
                e
                for e in free
                if e.amount == b.amount and refs & {r.strip().lower() for r in e.refs if r}
            ),
            None,
        )
        if hit is None:
            left.append(b)
        else:
            pairs.append((b, hit))
            free.remove(hit)
    for b in sorted(left, key=lambda x: (x.posted_on, x.id)):
        candidates = [
            e for e in free if e.amount == b.amount and 0 <= (b.posted_on - e.on).days <= window
        ]
        if candidates:
            best = min(candidates, key=lambda e: ((b.posted_on - e.on).days, e.on, e.key))
            pairs.append((b, best))
            free.remove(best)
    return pairs
