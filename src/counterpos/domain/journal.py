"""A general-ledger journal: lines by account and fund, balanced to the cent overall and within
each fund, reversed for a correction, and the CSV layout it is exported in.

Signs: a posting's amount is positive for a debit and negative for a credit. A sale line
credits its GL account (revenue, or a liability such as a deposit held or money due to the
State); a tender debits the account the money went to (the bank, card clearing).

CSV layout (one header row, then one row per line, UTF-8, comma-separated, RFC 4180 quoting):

    journal_no, business_day (YYYY-MM-DD), line_no, account, account_name, fund, fund_name,
    debit, credit (dollars with two decimals, 0.00 when none), memo,
    journal_kind (day | correction), corrects_journal_no (empty unless a correction),
    copy (ORIGINAL for the first export of the journal, COPY n for each later one)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from counterpos.domain.money import Money

CSV_HEADER = (
    "journal_no",
    "business_day",
    "line_no",
    "account",
    "account_name",
    "fund",
    "fund_name",
    "debit",
    "credit",
    "memo",
    "journal_kind",
    "corrects_journal_no",
    "copy",
)


class UnbalancedJournal(ValueError):
    """Debits and credits differ: the journal may not leave the system."""


@dataclass(frozen=True, slots=True)
class Posting:
    """One amount to post before lines are formed: + debit, - credit."""

    account: str
    account_name: str
    fund: str
    fund_name: str
    cents: int
    memo: str = ""


@dataclass(frozen=True, slots=True)
class JournalLine:
    line_no: int
    account: str
    account_name: str
    fund: str
    fund_name: str
    debit: Money
    credit: Money
    memo: str = ""

    @property
    def net(self) -> int:
        return self.debit.cents - self.credit.cents


@dataclass(frozen=True, slots=True)
class Journal:
    number: int
    business_day: date
    kind: str  # day, correction
    lines: tuple[JournalLine, ...]
    memo: str = ""
    corrects: int | None = None  # the number of the journal a correction reverses

    @property
    def debits(self) -> Money:
        return Money(sum(line.debit.cents for line in self.lines))

    @property
    def credits(self) -> Money:
        return Money(sum(line.credit.cents for line in self.lines))

    @property
    def balanced(self) -> bool:
        return self.debits == self.credits

    def by_fund(self) -> dict[str, int]:
        """Net (debits - credits) of each fund: zero everywhere in a journal by fund."""
        out: dict[str, int] = {}
        for line in self.lines:
            out[line.fund] = out.get(line.fund, 0) + line.net
        return out

    def net_by_account(self) -> dict[tuple[str, str], int]:
        """Net (debits - credits) by (account, fund)."""
        out: dict[tuple[str, str], int] = {}
        for line in self.lines:
            key = (line.account, line.fund)
            out[key] = out.get(key, 0) + line.net
        return out


def merge(postings: Iterable[Posting]) -> list[Posting]:
    """One posting per (account, fund, memo), zeros dropped, in first-seen order."""
    totals: dict[tuple[str, str, str], Posting] = {}
    for p in postings:
        key = (p.account, p.fund, p.memo)
        old = totals.get(key)
        totals[key] = (
            p
            if old is None
            else Posting(
                p.account, p.account_name, p.fund, p.fund_name, old.cents + p.cents, p.memo
            )
        )
    return [p for p in totals.values() if p.cents]


def balance_funds(
    postings: list[Posting],
    *,
    pool_fund: tuple[str, str],
    equity: tuple[str, str],
    due_to: tuple[str, str],
) -> list[Posting]:
    """Make each fund balance on its own: a fund whose credits exceed its debits takes its share
    of the pooled cash (a debit to `equity` in that fund, a credit to `due_to` in the pool)."""
    net: dict[str, tuple[str, int]] = {}
    for p in postings:
        name, cents = net.get(p.fund, (p.fund_name, 0))
        net[p.fund] = (name, cents + p.cents)
    out = list(postings)
    for fund, (name, cents) in net.items():
        if fund == pool_fund[0] or not cents:
            continue
        out.append(Posting(equity[0], equity[1], fund, name, -cents, "Equity in pooled cash"))
        out.append(
            Posting(due_to[0], due_to[1], pool_fund[0], pool_fund[1], cents, f"Due to fund {fund}")
        )
    return out


def lines_of(postings: Iterable[Posting]) -> tuple[JournalLine, ...]:
    """Postings as numbered lines, debits before credits, each in account and fund order."""
    ordered = sorted(postings, key=lambda p: (p.cents < 0, p.account, p.fund, p.memo))
    return tuple(
        JournalLine(
            n,
            p.account,
            p.account_name,
            p.fund,
            p.fund_name,
            Money(max(p.cents, 0)),
            Money(max(-p.cents, 0)),
            p.memo,
        )
        for n, p in enumerate(ordered, start=1)
    )


def reversal(lines: Iterable[JournalLine]) -> list[Posting]:
    """Postings that undo `lines` (debits become credits)."""
    return [
        Posting(
            line.account,
            line.account_name,
            line.fund,
            line.fund_name,
            -line.net,
            f"Reverses: {line.memo}" if line.memo else "Reversal",
        )
        for line in lines
    ]


def check_balanced(journal: Journal) -> None:
    if not journal.balanced:
        raise UnbalancedJournal(
            f"Journal {journal.number} does not balance: debits {journal.debits}, credits "
            f"{journal.credits}. It cannot be exported."
        )


def csv_rows(journal: Journal, copy_no: int = 0) -> list[tuple[str, ...]]:
    """The journal in the CSV layout above; refused unless it balances."""
    check_balanced(journal)
    mark = "ORIGINAL" if copy_no == 0 else f"COPY {copy_no}"
    rows: list[tuple[str, ...]] = [CSV_HEADER]
    for line in journal.lines:
        rows.append(
            (
                str(journal.number),
                journal.business_day.isoformat(),
                str(line.line_no),
                line.account,
                line.account_name,
                line.fund,
                line.fund_name,
                line.debit.plain(),
                line.credit.plain(),
                line.memo,
                journal.kind,
                "" if journal.corrects is None else str(journal.corrects),
                mark,
            )
        )
    return rows
