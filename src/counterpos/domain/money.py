"""Money: immutable integer cents, made from text by one parser, never from a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from counterpos.domain.messages import Explained

MAX_COUNTER_CENTS = 100_000_000  # $1,000,000.00: larger is bad input at a counter
# No sum the station keeps comes near this ($10 trillion); it keeps every amount well inside
# SQLite's 64-bit integers and Python's int-to-text limit, whatever is typed or pasted.
MAX_ABS_CENTS = 10**15
_MAX_DIGITS = 13  # whole dollars in MAX_ABS_CENTS

_AMOUNT = re.compile(r"^\s*(-)?\s*\$?\s*(-)?\s*([0-9][0-9,]*)?(?:\.([0-9]*))?\s*$")


class MoneyError(Explained, ValueError):
    """Text that is not an amount of money; the message is written for the cashier."""


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in integer cents. Use `Money.parse` for text and `Money(cents)` for ints."""

    cents: int

    def __post_init__(self) -> None:
        if isinstance(self.cents, bool) or not isinstance(self.cents, int):
            raise TypeError(f"Money holds integer cents, not {type(self.cents).__name__}")
        if not -MAX_ABS_CENTS <= self.cents <= MAX_ABS_CENTS:
            raise MoneyError("That amount is far too large; check the figure.")

    @classmethod
    def parse(cls, text: str) -> Money:
        """Parse what a cashier types: '12', '12.5', '$1,234.56', '-3.00'."""
        if not isinstance(text, str):
            raise TypeError(f"Money.parse takes text, not {type(text).__name__}")
        if not text.strip():
            raise MoneyError("Enter an amount.")
        if len(text) > 40:  # never run the pattern or int() over a pasted page of digits
            raise MoneyError("That is not an amount (too long); check the figure.")
        match = _AMOUNT.match(text)
        if not match:
            raise MoneyError(
                "“{text}” is not an amount. Use digits, like 12.50.", text=text.strip()
            )
        sign1, sign2, whole, frac = match.groups()
        if sign1 and sign2:
            raise MoneyError(
                "“{text}” is not an amount. Use digits, like 12.50.", text=text.strip()
            )
        if whole is None and not frac:
            raise MoneyError(
                "“{text}” is not an amount. Use digits, like 12.50.", text=text.strip()
            )
        if whole and "," in whole and not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})*", whole):
            raise MoneyError("“{text}” has commas in the wrong places.", text=text.strip())
        frac = frac or ""
        if len(frac) > 2:
            raise MoneyError("An amount has at most two decimals (cents).")
        if len((whole or "").replace(",", "").lstrip("0")) > _MAX_DIGITS:
            raise MoneyError("That amount is far too large; check the figure.")
        cents = int((whole or "0").replace(",", "")) * 100 + int((frac + "00")[:2])
        return cls(-cents if (sign1 or sign2) else cents)

    @classmethod
    def from_decimal(cls, value: Decimal) -> Money:
        """Round a Decimal number of dollars half-up to the cent."""
        if not isinstance(value, Decimal):
            raise TypeError("Money.from_decimal takes a Decimal")
        if not value.is_finite() or abs(value) > MAX_ABS_CENTS // 100:
            raise MoneyError("That amount is not a number the counter takes.")
        try:
            return cls(int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
        except InvalidOperation as exc:
            raise MoneyError("That amount is not a number.") from exc

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents - other.cents)

    def __neg__(self) -> Money:
        return Money(-self.cents)

    def __mul__(self, quantity: int) -> Money:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            return NotImplemented
        return Money(self.cents * quantity)

    __rmul__ = __mul__

    def percent(self, rate: Decimal) -> Money:
        """This amount times `rate` percent, rounded half-up to the cent once."""
        if not isinstance(rate, Decimal):
            raise TypeError("a percentage rate is a Decimal, never a float")
        exact = Decimal(self.cents) * rate / Decimal(100)
        return Money(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)))

    def __bool__(self) -> bool:
        return self.cents != 0

    @property
    def is_negative(self) -> bool:
        return self.cents < 0

    def format(self, symbol: bool = True) -> str:
        """'$1,234.56' or '-$3.00'; without the symbol '1,234.56'."""
        sign = "-" if self.cents < 0 else ""
        whole, frac = divmod(abs(self.cents), 100)
        return f"{sign}{'$' if symbol else ''}{whole:,}.{frac:02d}"

    def plain(self) -> str:
        """'1234.56': for fields that take the amount back as input."""
        sign = "-" if self.cents < 0 else ""
        whole, frac = divmod(abs(self.cents), 100)
        return f"{sign}{whole}.{frac:02d}"

    def __str__(self) -> str:
        return self.format()


def check_counter_amount(
    amount: Money, *, allow_zero: bool = False, what: str = "The amount"
) -> None:
    """Refuse amounts a counter never takes: negative, zero (unless allowed), over $1,000,000."""
    if amount.cents < 0:
        raise MoneyError("{what} cannot be negative.", what=what)
    if amount.cents == 0 and not allow_zero:
        raise MoneyError("{what} must be more than $0.00.", what=what)
    if amount.cents > MAX_COUNTER_CENTS:
        raise MoneyError(
            "{what} is over {most}; check the figure.", what=what, most=Money(MAX_COUNTER_CENTS)
        )
