"""License terms (domain/license_term.py): the last day of a term of whole years."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.license_term import term_end


@pytest.mark.parametrize(
    ("start", "years", "last"),
    [
        (date(2026, 3, 15), 1, date(2027, 3, 14)),
        (date(2026, 1, 1), 3, date(2028, 12, 31)),
        (date(2028, 2, 29), 1, date(2029, 2, 27)),  # 29 February counts as 28
        (date(2028, 2, 29), 4, date(2032, 2, 28)),
    ],
)
def test_known_terms(start, years, last):
    assert term_end(start, years) == last


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(1, 5))
def test_a_term_is_a_whole_number_of_years_less_a_day(start, years):
    end = term_end(start, years)
    assert 365 * years - 1 <= (end - start).days <= 366 * years
    assert term_end(start, years + 1) > end
