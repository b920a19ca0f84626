"""License and pass terms (domain/license_term.py): one rule for every license and pass."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.license_term import (
    Term,
    TermError,
    add_months,
    renewal_due,
    renewal_period,
    term_end,
)

DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
# Leap days and month ends, where terms go wrong, drawn far more often than chance would.
EDGES = st.builds(
    lambda year, month, back: add_months(date(year, month, 1), 1) - timedelta(days=back),
    st.integers(2000, 2090),
    st.integers(1, 12),
    st.integers(1, 3),
) | st.builds(lambda year: date(year * 4, 2, 29), st.integers(500, 522))
STARTS = DATES | EDGES
TERMS = st.one_of(
    st.builds(Term, years=st.integers(1, 5)),
    st.builds(Term, months=st.integers(1, 24)),
    st.builds(Term, days=st.integers(1, 400)),
    st.builds(Term, st.integers(0, 3), st.integers(0, 11), st.integers(1, 31)),
)


@pytest.mark.parametrize(
    ("start", "term", "last"),
    [
        (date(2026, 3, 15), Term(1), date(2027, 3, 14)),
        (date(2026, 1, 1), Term(3), date(2028, 12, 31)),
        # The issue: a 1-year license bought 02/29/2028 runs to 02/28/2029, not 02/27/2029.
        (date(2028, 2, 29), Term(1), date(2029, 2, 28)),
        (date(2028, 2, 29), Term(4), date(2032, 2, 28)),
        (date(2026, 11, 30), Term(3), date(2029, 11, 29)),
        # A month from a month's last days: up to the end of the shorter month.
        (date(2027, 1, 31), Term(months=1), date(2027, 2, 28)),
        (date(2028, 1, 30), Term(months=1), date(2028, 2, 29)),
        (date(2026, 11, 1), Term(months=1), date(2026, 11, 30)),
        (date(2026, 12, 1), Term(months=1), date(2026, 12, 31)),
        (date(2026, 11, 30), Term(days=1), date(2026, 11, 30)),
    ],
)
def test_known_terms(start, term, last):
    assert term.end(start) == last
    assert term_end(start, term.years, months=term.months, days=term.days) == last


def test_a_term_is_something():
    with pytest.raises(TermError):
        Term()
    with pytest.raises(TermError):
        Term(years=-1, months=13)


def test_renewal_is_due_on_the_anniversary():
    # A business license issued 01/08/2026 runs to 01/07/2027 and is due again on 01/08/2027.
    end = term_end(date(2026, 1, 8), 1)
    assert end == date(2027, 1, 7)
    assert renewal_due(end) == date(2027, 1, 8)


def test_an_early_renewal_extends_from_the_current_expiry():
    # The issue: a 3-year license to 11/29/2029 renewed for a year in 2026 runs to 11/29/2030.
    start, end = renewal_period(
        date(2029, 11, 29), Term(1), date(2026, 12, 1), keep_anniversary=False
    )
    assert (start, end) == (date(2029, 11, 30), date(2030, 11, 29))


def test_a_late_renewal_keeps_or_restarts_its_anniversary():
    expired = date(2026, 1, 7)
    on = date(2027, 3, 2)  # more than a year late
    assert renewal_period(expired, Term(1), on, keep_anniversary=True) == (
        date(2027, 1, 8),
        date(2028, 1, 7),
    )
    assert renewal_period(expired, Term(1), on, keep_anniversary=False) == (
        on,
        date(2028, 3, 1),
    )


@given(STARTS, TERMS)
def test_a_term_never_ends_before_it_starts(start, term):
    end = term.end(start)
    assert end >= start
    assert term.anniversary(start) == end + timedelta(days=1)


@given(STARTS, st.integers(1, 5))
def test_a_term_of_years_is_that_many_years_less_a_day(start, years):
    end = term_end(start, years)
    assert 365 * years - 1 <= (end - start).days <= 366 * years
    assert term_end(start, years + 1) > end
    # The anniversary is the same day of the year, or 1 March for 29 February.
    due = renewal_due(end)
    assert (due.month, due.day) == (start.month, start.day) or (
        (start.month, start.day) == (2, 29) and (due.month, due.day) == (3, 1)
    )


@given(STARTS, TERMS, STARTS, st.booleans())
def test_a_renewal_never_ends_before_the_term_it_renews(first, term, on, keep):
    expires = term.end(first)
    start, end = renewal_period(expires, term, on, keep_anniversary=keep)
    assert start > expires  # no day of the old term is sold twice
    assert end >= start and end > expires
    assert end >= on  # what was paid for today covers today
    if on <= renewal_due(expires):  # early or on time: not a day lost between the two terms
        assert start == renewal_due(expires)
    assert end == term.end(start)


@given(STARTS, st.integers(0, 400))
def test_months_add_up(day, months):
    later = add_months(day, months)
    assert later >= day
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) in (months, months + 1)
