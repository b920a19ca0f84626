"""Meter reads checked before they are billed: rollover or error, and the account's normal range.

A read below the previous one is never billed as negative: it is either a meter that rolled
over (its dials passed 9999 and started again) or a wrong read. A read whose consumption lies
above `high_percent` or below `low_percent` of the account's 12-month average is held for review.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from counterpos.domain.messages import Explained, Msg


class ReadError(Explained, ValueError):
    """A read that cannot be taken as it is; the message is for the person entering it."""


class BelowPrevious(ReadError):
    """The read is below the previous one: a rollover (say so) or an error (re-read)."""

    def __init__(self, previous: int, value: int, rollover_units: int) -> None:
        super().__init__(
            Msg(
                "{value} is below the previous read {previous}. If the meter rolled over, "
                "that is {rollover_units} units used; otherwise it is a wrong read.",
                value=value,
                previous=previous,
                rollover_units=rollover_units,
            )
        )
        self.previous = previous
        self.value = value
        self.rollover_units = rollover_units


def capacity(dials: int) -> int:
    """How many units the register counts before it starts again at 0 (10^dials)."""
    if not 1 <= dials <= 9:
        raise ReadError("A meter has 1 to 9 dials.")
    return 10**dials


def check_value(value: int, dials: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ReadError("A read is a whole number on the meter's dials.")
    if value < 0 or value >= capacity(dials):
        raise ReadError(
            "{value} does not fit a meter with {dials} dials (0–{top}).",
            value=value,
            dials=dials,
            top=capacity(dials) - 1,
        )


def consumption(previous: int, value: int, dials: int, rollover: bool = False) -> int:
    """Units used between two reads of one meter. Below the previous read it is a rollover when
    `rollover` says so, else BelowPrevious (ask: rollover or error?)."""
    check_value(value, dials)
    check_value(previous, dials)
    if value >= previous:
        if rollover:
            raise ReadError("A read at or above the previous one is not a rollover.")
        return value - previous
    wrapped = capacity(dials) - previous + value
    if not rollover:
        raise BelowPrevious(previous, value, wrapped)
    return wrapped


def after_estimate(estimated: int, last_actual: int, value: int) -> bool:
    """True for an actual read below the estimated read before it but not below the last
    actual one: the estimates ran ahead of the meter. It bills 0 units now; the estimated
    bills are corrected by calculation (calculations.over_estimate_credit)."""
    return last_actual <= value < estimated


@dataclass(frozen=True, slots=True)
class Range:
    """The consumption the account normally has in a month: low..high units."""

    low: int
    high: int


def normal_range(average: Decimal | None, high_percent: int, low_percent: int) -> Range | None:
    """low_percent..high_percent of the average, whole units (low rounded up, high down), or
    None without a history to judge by."""
    if average is None:
        return None
    low = (average * low_percent / 100).to_integral_value(rounding="ROUND_CEILING")
    high = (average * high_percent / 100).to_integral_value(rounding="ROUND_FLOOR")
    return Range(int(low), int(high))


def review_reason(units: int, average: Decimal | None, high_percent: int, low_percent: int) -> str:
    """'high', 'low', or '' when the consumption is within the account's normal range."""
    if average is None:
        return ""
    if Decimal(units) * 100 > average * high_percent:
        return "high"
    if Decimal(units) * 100 < average * low_percent:
        return "low"
    return ""


def average(consumptions: list[int]) -> Decimal | None:
    """The mean monthly consumption, to 0.01 unit, or None for no history."""
    if not consumptions:
        return None
    mean = Decimal(sum(consumptions)) / len(consumptions)
    return mean.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
