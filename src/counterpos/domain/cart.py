"""A visit's cart: the lines rung for one customer and their total."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money, check_counter_amount


class CartError(Explained, ValueError):
    """A cart that cannot be sold as it is; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class CartLine:
    """One service rung: what it is, what it costs, where the money goes."""

    service_code: str
    description: str
    amount: Money
    gl_account: str
    quantity: int = 1
    account_no: str | None = None  # utility account the line pays, if any
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise TypeError("a cart line's amount is Money")
        check_counter_amount(
            self.amount, allow_zero=True, what=f"The amount for {self.description}"
        )
        if self.quantity < 1:
            raise CartError("The quantity must be at least 1.")


@dataclass(slots=True)
class Cart:
    """The lines of the sale being rung. Totals are always the sum of the lines."""

    lines: list[CartLine] = field(default_factory=list)
    customer_id: str | None = None

    def add(self, line: CartLine) -> None:
        self.lines.append(line)

    def remove(self, index: int) -> CartLine:
        return self.lines.pop(index)

    def clear(self) -> None:
        self.lines.clear()
        self.customer_id = None

    @property
    def total(self) -> Money:
        return Money(sum(line.amount.cents for line in self.lines))

    def check_sellable(self) -> None:
        if not self.lines:
            raise CartError("The cart is empty: add a service first.")
        check_counter_amount(self.total, allow_zero=True, what="The total")
