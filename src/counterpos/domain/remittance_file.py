"""Payments that arrive without a cashier: the lockbox or online/IVR provider's file, and a mail
batch's adding-machine tape.

Payment file layout (CSV, UTF-8, one header row with these columns in this order):

    confirmation_no  the provider's unique number for the payment (1-40 characters)
    account_no       the utility account paid
    amount           dollars with at most two decimals, more than 0
    paid_on          YYYY-MM-DD
    payer            the name on the payment (optional, may be empty)
    check_no         the check's number for a lockbox item (optional)

An optional last row `TOTAL,<number of payments>,<sum of the amounts>,,,` is checked against
the rows above it. A file that does not fit (a bad field, a confirmation number twice, a wrong
TOTAL) is refused with its line number, and nothing of it is posted.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from counterpos.domain.bill_stub import StubError, parse_stub
from counterpos.domain.money import Money, MoneyError, check_counter_amount

COLUMNS = ("confirmation_no", "account_no", "amount", "paid_on", "payer", "check_no")


class RemittanceError(ValueError):
    def __init__(self, line_no: int, message: str) -> None:
        super().__init__(f"Line {line_no}: {message}")
        self.line_no = line_no


@dataclass(frozen=True, slots=True)
class Remittance:
    line_no: int
    confirmation_no: str
    account_no: str
    amount: Money
    paid_on: date
    payer: str = ""
    check_no: str = ""


def read_file(content: str) -> list[Remittance]:
    """Every payment of a provider's file; the first line that does not fit refuses it all."""
    reader = csv.reader(io.StringIO(content))
    try:
        header = tuple(h.strip().lower() for h in next(reader))
    except StopIteration:
        raise RemittanceError(1, "the file is empty") from None
    if header != COLUMNS:
        raise RemittanceError(1, f"the header must be {','.join(COLUMNS)}")
    out: list[Remittance] = []
    seen: dict[str, int] = {}
    total_row: tuple[int, list[str]] | None = None
    for row in reader:
        n = reader.line_num
        if not any(c.strip() for c in row):
            continue
        if total_row is not None:
            raise RemittanceError(n, "nothing may follow the TOTAL row")
        cells = [c.strip() for c in row]
        if cells[0].upper() == "TOTAL":
            total_row = (n, cells)
            continue
        if len(cells) != len(COLUMNS):
            raise RemittanceError(n, f"{len(cells)} fields where the layout has {len(COLUMNS)}")
        conf, acct, amount_text, paid, payer, check_no = cells
        if not conf or len(conf) > 40:
            raise RemittanceError(n, "the confirmation number is missing or too long")
        if conf in seen:
            raise RemittanceError(n, f"confirmation {conf} is also on line {seen[conf]}")
        seen[conf] = n
        if not acct or len(acct) > 20:
            raise RemittanceError(n, "the account number is missing or too long")
        try:
            amount = Money.parse(amount_text)
            check_counter_amount(amount)
        except MoneyError as exc:
            raise RemittanceError(n, f"the amount: {exc}") from None
        try:
            paid_on = date.fromisoformat(paid)
        except ValueError:
            raise RemittanceError(n, f"{paid!r} is not a date like 2026-11-30") from None
        out.append(Remittance(n, conf, acct, amount, paid_on, payer[:80], check_no[:40]))
    if total_row is not None:
        n, cells = total_row
        try:
            count, total = int(cells[1]), Money.parse(cells[2])
        except (ValueError, IndexError):
            raise RemittanceError(n, "the TOTAL row holds the count and the sum") from None
        got = Money(sum(r.amount.cents for r in out))
        if count != len(out) or total != got:
            raise RemittanceError(
                n, f"TOTAL says {count} payments of {total}; the file holds {len(out)} of {got}"
            )
    if not out:
        raise RemittanceError(reader.line_num or 1, "the file holds no payment")
    return out


@dataclass
class MailTape:
    """A mail batch as the clerk enters it: the adding-machine total first, then each payment
    (a scanned bill stub, or the account typed), the running tape total beside it."""

    control_total: Money
    items: list[tuple[str, Money, str, str]] = field(default_factory=list)  # acct, amt, chk, payer

    def add(self, account_no: str, amount: Money, check_no: str, payer: str = "") -> Money:
        if not account_no.strip():
            raise ValueError("Enter or scan the account number.")
        check_counter_amount(amount)
        if not check_no.strip():
            raise ValueError("Enter the check's number.")
        self.items.append((account_no.strip(), amount, check_no.strip(), payer.strip()))
        return self.tape

    def scan(self, stub: str, check_no: str, amount: Money | None = None, payer: str = "") -> Money:
        """A scanned bill stub: its account, and the amount due unless the check differs."""
        try:
            parsed = parse_stub(stub)
        except StubError as exc:
            raise ValueError(str(exc)) from exc
        return self.add(parsed.account_no, amount or parsed.amount_due, check_no, payer)

    def remove_last(self) -> None:
        if self.items:
            self.items.pop()

    @property
    def tape(self) -> Money:
        return Money(sum(a.cents for _, a, _, _ in self.items))

    @property
    def difference(self) -> Money:
        return Money(self.control_total.cents - self.tape.cents)

    @property
    def balanced(self) -> bool:
        return bool(self.items) and self.difference.cents == 0
