"""The bill stub barcode: round trip, check digit, and scans that are not stubs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.bill_stub import StubError, make_stub, parse_stub
from counterpos.domain.money import Money


@given(
    st.integers(min_value=0, max_value=99_999_999),
    st.integers(min_value=0, max_value=999_999_999),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
)
def test_stub_round_trips(account, cents, due):
    stub = make_stub(f"{account:08d}", Money(cents), due)
    got = parse_stub(stub)
    assert (got.account_no, got.amount_due.cents, got.due_date) == (f"{account:08d}", cents, due)


@given(st.integers(min_value=2, max_value=26), st.integers(min_value=1, max_value=9))
def test_one_wrong_digit_is_caught(position, delta):
    stub = make_stub("10000007", Money(4250), date(2026, 12, 15))
    digit = (int(stub[position]) + delta) % 10
    bad = stub[:position] + str(digit) + stub[position + 1 :]
    with pytest.raises(StubError):
        parse_stub(bad)


@pytest.mark.parametrize("scan", ["", "10000007", "UB1000000700000425020261215", "hello world"])
def test_not_a_stub(scan):
    with pytest.raises(StubError, match="not a utility bill stub"):
        parse_stub(scan)
