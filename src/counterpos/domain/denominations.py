"""US currency denominations as counted in a drawer, and the total of a count."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money


@dataclass(frozen=True, slots=True)
class Denomination:
    key: str
    label: str
    cents: int
    kind: str  # "bill", "coin" or "roll"


DENOMINATIONS: tuple[Denomination, ...] = (
    Denomination("bill_100", "$100 bills", 10_000, "bill"),
    Denomination("bill_50", "$50 bills", 5_000, "bill"),
    Denomination("bill_20", "$20 bills", 2_000, "bill"),
    Denomination("bill_10", "$10 bills", 1_000, "bill"),
    Denomination("bill_5", "$5 bills", 500, "bill"),
    Denomination("bill_2", "$2 bills", 200, "bill"),
    Denomination("bill_1", "$1 bills", 100, "bill"),
    Denomination("coin_100", "$1 coins", 100, "coin"),
    Denomination("coin_50", "Half dollars", 50, "coin"),
    Denomination("coin_25", "Quarters", 25, "coin"),
    Denomination("coin_10", "Dimes", 10, "coin"),
    Denomination("coin_5", "Nickels", 5, "coin"),
    Denomination("coin_1", "Pennies", 1, "coin"),
    Denomination("roll_25", "Rolls of quarters ($10)", 1_000, "roll"),
    Denomination("roll_10", "Rolls of dimes ($5)", 500, "roll"),
    Denomination("roll_5", "Rolls of nickels ($2)", 200, "roll"),
    Denomination("roll_1", "Rolls of pennies (50¢)", 50, "roll"),
)

BY_KEY = {d.key: d for d in DENOMINATIONS}


class CountError(Explained, ValueError):
    """A drawer count that cannot be right; the message is for the cashier."""


def count_total(counts: dict[str, int]) -> Money:
    """Total of a count given as {denomination key: number of pieces}."""
    total = 0
    for key, pieces in counts.items():
        if key not in BY_KEY:
            raise CountError("Unknown denomination {key!r}.", key=key)
        if isinstance(pieces, bool) or not isinstance(pieces, int):
            raise CountError("The count of {what} must be a whole number.", what=BY_KEY[key].label)
        if pieces < 0:
            raise CountError("The count of {what} cannot be negative.", what=BY_KEY[key].label)
        if pieces > 100_000:
            raise CountError(
                "{n} {what} is not a believable count.", n=pieces, what=BY_KEY[key].label
            )
        total += BY_KEY[key].cents * pieces
    return Money(total)
