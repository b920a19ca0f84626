"""A visit's cart: the lines rung for one customer, their companions, and their total.

A companion line (a late penalty, the disability-access fee's city and state shares, a utility
deposit, a new transit card) belongs to the line it was rung with, its parent: it is added
after it, at most once of each service, and goes when its parent goes. A line may also carry
a key naming the one thing it pays for ("Citation PC240002"): the same key twice is refused.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money, check_counter_amount


class CartError(Explained, ValueError):
    """A cart that cannot be sold as it is; the message is for the cashier."""


def new_line_id() -> str:
    return uuid.uuid4().hex[:16]


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
    line_id: str = field(default_factory=new_line_id, compare=False)
    parent_id: str | None = None  # the line this companion goes with
    # What the line pays for, once a sale ("Citation PC240002"); "" when it may repeat.
    once_key: str = ""

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
        self.check_add([line])
        self.lines.append(line)

    def add_all(self, lines: list[CartLine]) -> None:
        """Add a line with its companions: all of them, or (CartError) none."""
        self.check_add(lines)
        self.lines.extend(lines)

    def check_add(self, lines: list[CartLine]) -> None:
        """Refuse lines that cannot join the cart, before any of them is added."""
        held = list(self.lines)
        for line in lines:
            if any(x.line_id == line.line_id for x in held):
                raise CartError(
                    "{description} is already in the cart.", description=line.description
                )
            if line.once_key and any(x.once_key == line.once_key for x in held):
                raise CartError("{once_key} is already in the cart.", once_key=line.once_key)
            if line.parent_id is not None:
                parent = next((x for x in held if x.line_id == line.parent_id), None)
                if parent is None:
                    raise CartError(
                        "{description} goes only with the line it was rung with; ring "
                        "that service and it comes along.",
                        description=line.description,
                    )
                if any(
                    x.parent_id == line.parent_id and x.service_code == line.service_code
                    for x in held
                ):
                    raise CartError(
                        "{description} is already in the cart with {parent}.",
                        description=line.description,
                        parent=parent.description,
                    )
            held.append(line)

    def group(self, index: int) -> list[int]:
        """The indexes of the line at `index`, the line it goes with and their companions."""
        line = self.lines[index]
        root = line.parent_id or line.line_id
        return [i for i, x in enumerate(self.lines) if x.line_id == root or x.parent_id == root]

    def remove(self, index: int) -> list[CartLine]:
        """Remove a line with everything that goes with it (its parent or its companions)."""
        gone = self.group(index)
        removed = [self.lines[i] for i in gone]
        self.lines[:] = [x for i, x in enumerate(self.lines) if i not in gone]
        return removed

    def companions(self, line: CartLine) -> list[CartLine]:
        return [x for x in self.lines if x.parent_id == line.line_id]

    def clear(self) -> None:
        self.lines.clear()
        self.customer_id = None

    @property
    def total(self) -> Money:
        return Money(sum(line.amount.cents for line in self.lines))

    def check_sellable(self) -> None:
        if not self.lines:
            raise CartError("The cart is empty: add a service first.")
        ids = {x.line_id for x in self.lines}
        if len(ids) != len(self.lines):
            raise CartError("A line is in the cart twice; remove it and ring it again.")
        for x in self.lines:
            if x.parent_id is not None and x.parent_id not in ids:
                raise CartError(
                    "{description} goes only with the line it was rung with, which is not"
                    " in the cart; remove it.",
                    description=x.description,
                )
        check_counter_amount(self.total, allow_zero=True, what="The total")
