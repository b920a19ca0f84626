"""Matching bank lines to expected items (domain/bank_matching.py) and the CSV layout."""

from __future__ import annotations

from datetime import date

import pytest

from counterpos.domain.bank_matching import Booked, Expected, match
from counterpos.domain.bank_statement import StatementError, read_csv
from counterpos.domain.money import Money

D = date(2026, 11, 30)


def test_a_quoted_reference_wins_then_the_nearest_day():
    items = [
        Expected("deposit", "a", Money(500), D, "A", ("BAG-1",)),
        Expected("deposit", "b", Money(500), date(2026, 11, 27), "B", ("BAG-2",)),
        Expected("card_batch", "c", Money(900), D, "C"),
    ]
    booked = [
        Booked("1", Money(500), date(2026, 12, 1)),
        Booked("2", Money(500), date(2026, 12, 1), ("", "bag-2")),
        Booked("3", Money(900), date(2026, 12, 9)),  # too late for the 5-day window
    ]
    pairs = {(b.id, e.key) for b, e in match(booked, items)}
    assert pairs == {("2", "b"), ("1", "a")}


def test_a_line_before_its_item_or_of_another_amount_does_not_match():
    items = [Expected("deposit", "a", Money(500), D, "A")]
    assert match([Booked("1", Money(500), date(2026, 11, 29))], items) == []
    assert match([Booked("1", Money(-500), D)], items) == []


def test_the_csv_statement_names_its_bad_line():
    good = "posted_on,type,amount,customer_ref\n2026-11-30,credit,12.50,BAG-1\n"
    (line,) = read_csv(good)
    assert line.amount == Money(1_250) and line.customer_ref == "BAG-1" and line.line_no == 2
    assert read_csv(good.replace("credit", "475"))[0].amount == Money(-1_250)
    with pytest.raises(StatementError, match="Line 3: 'x' is not a date"):
        read_csv(good + "x,credit,1.00,\n")
    with pytest.raises(StatementError, match="Line 1: the header lacks the column\\(s\\) amount"):
        read_csv("posted_on,type\n")
    with pytest.raises(StatementError, match="Line 2: the amount must be more than"):
        read_csv(good.replace("12.50", "-1.00"))
