"""What the drawer should hold at close, and how far the count is over or short."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.messages import Msg
from counterpos.domain.money import Money


@dataclass(frozen=True, slots=True)
class CashMovements:
    """Every way cash entered or left the drawer during a session, in cents."""

    opening_float: Money
    cash_taken: Money  # cash handed over by customers (net of voided sales)
    change_given: Money  # change handed back (net of voided sales)
    paid_in: Money
    paid_out: Money
    cash_refunds: Money


def expected_cash(m: CashMovements) -> Money:
    """Opening float + cash taken - change given + paid-in - paid-out - cash refunds."""
    return Money(
        m.opening_float.cents
        + m.cash_taken.cents
        - m.change_given.cents
        + m.paid_in.cents
        - m.paid_out.cents
        - m.cash_refunds.cents
    )


def over_short(counted: Money, expected: Money) -> Money:
    """Positive: the drawer is over; negative: short."""
    return Money(counted.cents - expected.cents)


def needs_approval(difference: Money, limit: Money) -> bool:
    """An over/short beyond the limit (either way) needs a supervisor's acceptance."""
    return abs(difference.cents) > limit.cents


def describe(difference: Money) -> str:
    """ "over $1.00", "short $2.00" or "balanced", in the language in use."""
    if difference.cents > 0:
        return Msg("over {amount}", amount=difference.format()).text()
    if difference.cents < 0:
        return Msg("short {amount}", amount=Money(-difference.cents).format()).text()
    return Msg("balanced").text()
