"""Receipt numbers (domain/receipt_number.py): station and sequence, read back as written."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.receipt_number import (
    ReceiptNumberError,
    check_station_code,
    format_receipt_no,
    parse_receipt_no,
)

codes = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=12)


@given(codes, st.integers(min_value=1, max_value=10**9))
def test_a_number_reads_back_as_it_was_made(code, sequence):
    number = format_receipt_no(code, sequence)
    assert parse_receipt_no(number) == (code, sequence)
    assert parse_receipt_no(f"  {number.lower()} ") == (code, sequence)


def test_the_sequence_has_six_digits_at_least():
    assert format_receipt_no("CH1", 123) == "CH1-000123"
    assert format_receipt_no("CH1", 1_234_567) == "CH1-1234567"
    with pytest.raises(ReceiptNumberError, match="start at 1"):
        format_receipt_no("CH1", 0)


@pytest.mark.parametrize("text", ["", "CH1", "CH1-12345", "CH1_000123", "-000123", "CH 1-000123"])
def test_text_that_is_no_receipt_number_is_named(text):
    with pytest.raises(ReceiptNumberError, match="is not a receipt number"):
        parse_receipt_no(text)


def test_station_codes_are_one_to_twelve_letters_or_digits():
    assert check_station_code(" ch1 ") == "CH1"
    for bad in ("", "CH-1", "ABCDEFGHIJKLM"):
        with pytest.raises(ReceiptNumberError, match="1 to 12 letters or digits"):
            check_station_code(bad)
