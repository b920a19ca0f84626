"""A bank statement's transactions as the office reads them, and the documented CSV layout.

CSV layout (UTF-8, comma-separated, one header row naming the columns, in any order):

    posted_on    YYYY-MM-DD, the day the bank booked it
    type         credit or debit, or a BAI2 type code (100-399 credit, 400-699 debit)
    amount       dollars with at most two decimals, never negative (the type gives the sign)
    bank_ref     the bank's reference (optional)
    customer_ref our reference: a deposit's bag or deposit number, a file's id (optional)
    description  free text (optional)

A line that does not fit is refused with its line number; nothing of the file is taken.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from counterpos.domain.money import Money, MoneyError

CSV_COLUMNS = ("posted_on", "type", "amount", "bank_ref", "customer_ref", "description")
REQUIRED = ("posted_on", "type", "amount")


class StatementError(ValueError):
    """A bank file that cannot be read; the message names the line."""

    def __init__(self, line_no: int, message: str) -> None:
        super().__init__(f"Line {line_no}: {message}")
        self.line_no = line_no


@dataclass(frozen=True, slots=True)
class BankLine:
    line_no: int
    posted_on: date
    type_code: str  # BAI2 type code, or "credit" / "debit"
    amount: Money  # + money in, - money out
    bank_ref: str = ""
    customer_ref: str = ""
    description: str = ""

    @property
    def is_credit(self) -> bool:
        return self.amount.cents > 0


def credit_or_debit(type_code: str) -> int:
    """+1 for a credit, -1 for a debit, from "credit"/"debit" or a BAI2 type code."""
    t = type_code.strip().lower()
    if t in ("credit", "cr"):
        return 1
    if t in ("debit", "dr"):
        return -1
    if t.isdigit() and len(t) == 3:
        n = int(t)
        if 100 <= n <= 399:
            return 1
        if 400 <= n <= 699:
            return -1
    raise ValueError(f"{type_code!r} is not credit, debit or a BAI2 transaction type code")


def read_csv(content: str) -> list[BankLine]:
    """Every transaction of a statement in the CSV layout; the first bad line refuses it all."""
    reader = csv.reader(io.StringIO(content))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise StatementError(1, "the file is empty") from None
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise StatementError(1, f"the header lacks the column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in CSV_COLUMNS]
    if unknown:
        raise StatementError(1, f"unknown column(s) {', '.join(unknown)}")
    out = []
    for row in reader:
        n = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise StatementError(n, f"{len(row)} fields where the header names {len(header)}")
        rec = dict(zip(header, (c.strip() for c in row), strict=True))
        try:
            posted = date.fromisoformat(rec["posted_on"])
        except ValueError:
            raise StatementError(n, f"{rec['posted_on']!r} is not a date like 2026-11-30") from None
        try:
            sign = credit_or_debit(rec["type"])
        except ValueError as exc:
            raise StatementError(n, str(exc)) from None
        try:
            amount = Money.parse(rec["amount"])
        except MoneyError as exc:
            raise StatementError(n, f"the amount: {exc}") from None
        if amount.cents <= 0:
            raise StatementError(n, "the amount must be more than $0.00 (the type gives the sign)")
        out.append(
            BankLine(
                n,
                posted,
                rec["type"],
                Money(sign * amount.cents),
                rec.get("bank_ref", ""),
                rec.get("customer_ref", ""),
                rec.get("description", ""),
            )
        )
    if not out:
        raise StatementError(reader.line_num or 1, "the file holds no transaction")
    return out
