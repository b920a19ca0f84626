"""The utility bill stub's barcode: account number, amount due and due date, with a check digit.

Format (27 characters, Code 128 or Interleaved 2 of 5 on the stub):
    "UB" + account number (8 digits) + amount due in cents (9 digits) + due date (YYYYMMDD)
    + one Luhn (mod 10) check digit computed over the 25 digits before it.
Example: UB10000007000004250202612150 ... see make_stub().
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money

PREFIX = "UB"
_PATTERN = re.compile(r"UB(\d{8})(\d{9})(\d{8})(\d)")


class StubError(Explained, ValueError):
    """A scan that is not a readable bill stub; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class BillStub:
    account_no: str
    amount_due: Money
    due_date: date


def luhn_digit(digits: str) -> int:
    """The digit that makes digits + it pass the Luhn check."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def make_stub(account_no: str, amount_due: Money, due_date: date) -> str:
    if not re.fullmatch(r"\d{8}", account_no):
        raise StubError("A bill stub carries an 8-digit account number.")
    if not 0 <= amount_due.cents <= 999_999_999:
        raise StubError("The amount due does not fit on a bill stub.")
    body = f"{account_no}{amount_due.cents:09d}{due_date:%Y%m%d}"
    return f"{PREFIX}{body}{luhn_digit(body)}"


def parse_stub(scanned: str) -> BillStub:
    text = re.sub(r"\s", "", scanned or "").upper()
    m = _PATTERN.fullmatch(text)
    if not m:
        raise StubError("That scan is not a utility bill stub; type the account number instead.")
    account, cents, due, check = m.groups()
    if luhn_digit(account + cents + due) != int(check):
        raise StubError("The stub did not scan cleanly (check digit); scan it again.")
    try:
        due_date = date(int(due[:4]), int(due[4:6]), int(due[6:]))
    except ValueError as exc:
        raise StubError("The stub's due date is not a date; scan it again.") from exc
    return BillStub(account, Money(int(cents)), due_date)
