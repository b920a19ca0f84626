"""Journal arithmetic (domain/journal.py): balance by fund, reversal, the CSV layout's refusal."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.journal import (
    CSV_HEADER,
    Journal,
    JournalLine,
    Posting,
    UnbalancedJournal,
    balance_funds,
    csv_rows,
    lines_of,
    merge,
    reversal,
)
from counterpos.domain.money import Money

POOL = ("999", "Pooled Cash")


def day_postings() -> list[Posting]:
    return [
        Posting("1010", "Bank", "999", "Pooled Cash", 10_000, "Deposit"),
        Posting("1010", "Bank", "999", "Pooled Cash", 2_500, "Deposit"),
        Posting("2100", "Utility receivable", "510", "Water", -9_000, "Due to water"),
        Posting("4310", "Animal licenses", "100", "General Fund", -3_500),
    ]


def test_each_fund_balances_through_pooled_cash():
    out = balance_funds(
        merge(day_postings()),
        pool_fund=POOL,
        equity=("1910", "Equity in pooled cash"),
        due_to=("2910", "Due to other funds"),
    )
    j = Journal(1, date(2026, 11, 30), "day", lines_of(out))
    assert j.balanced and j.debits == Money(12_500 + 9_000 + 3_500)  # with equity lines
    assert j.by_fund() == {"999": 0, "510": 0, "100": 0}
    assert len([ln for ln in j.lines if ln.account == "1010"]) == 1  # merged by account+memo
    assert [ln.line_no for ln in j.lines] == list(range(1, len(j.lines) + 1))
    assert all(ln.debit.cents == 0 or ln.credit.cents == 0 for ln in j.lines)


def test_a_reversal_undoes_every_line():
    j = Journal(1, date(2026, 11, 30), "day", lines_of(day_postings()))
    both = Journal(2, j.business_day, "correction", lines_of([*reversal(j.lines), *day_postings()]))
    assert all(v == 0 for v in both.net_by_account().values())


def test_an_unbalanced_journal_is_refused_before_any_row_is_written():
    lines = (
        JournalLine(1, "1010", "Bank", "999", "Pooled", Money(100), Money(0)),
        JournalLine(2, "4310", "Licenses", "100", "General", Money(0), Money(99)),
    )
    with pytest.raises(UnbalancedJournal, match="debits \\$1.00, credits \\$0.99"):
        csv_rows(Journal(7, date(2026, 11, 30), "day", lines))


def test_the_csv_layout():
    j = Journal(
        3,
        date(2026, 11, 30),
        "correction",
        lines_of(
            day_postings()[:1]
            + [Posting("4310", "Animal licenses", "100", "General Fund", -10_000, "Tags")]
        ),
        corrects=2,
    )
    rows = csv_rows(j, copy_no=1)
    assert rows[0] == CSV_HEADER
    assert rows[1] == (
        "3",
        "2026-11-30",
        "1",
        "1010",
        "Bank",
        "999",
        "Pooled Cash",
        "100.00",
        "0.00",
        "Deposit",
        "correction",
        "2",
        "COPY 1",
    )
    assert rows[2][7:9] == ("0.00", "100.00")
