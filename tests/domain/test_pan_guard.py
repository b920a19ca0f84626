"""The card-number guard: what it finds, what it leaves alone, and what scrubbing leaves behind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.pan_guard import MASK, contains_card_number, luhn_ok, refusal, scrub

# Published test numbers of the card networks (not real accounts).
TEST_PANS = [
    "4111111111111111",  # Visa, 16
    "4222222222222",  # Visa, 13
    "5555555555554444",  # Mastercard
    "378282246310005",  # Amex, 15
    "6011111111111117",  # Discover
    "3530111333300000",  # JCB
    "6250941006528599",  # UnionPay, 16
    "4000000000000000006",  # 19 digits
]


def luhn_complete(body: str) -> str:
    """`body` with the check digit that makes it Luhn-valid."""
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


@pytest.mark.parametrize("pan", TEST_PANS)
def test_known_test_numbers_are_found_in_any_spacing(pan):
    assert luhn_ok(pan)
    grouped = " ".join(pan[i : i + 4] for i in range(0, len(pan), 4))
    dashed = grouped.replace(" ", "-")
    for form in (pan, grouped, dashed, f"memo: {grouped}.", f"Paid by {dashed} thanks"):
        assert contains_card_number(form), form
        assert pan not in scrub(form).replace(" ", "").replace("-", "")
        assert MASK in scrub(form)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "123 Main St",
        "555-123-4567",
        "4111111111111112",  # fails Luhn
        "411111111111",  # 12 digits: too short
        "10000000",  # an account number
        "CH1-000123",
        "41111111111111111111111",  # 23 digits: not a 13–19 digit number
        "4111 1111 1111 111",  # 15 digits, not Luhn-valid
    ],
)
def test_ordinary_text_passes(text):
    assert not contains_card_number(text)
    assert scrub(text) == text


def test_a_card_number_next_to_an_expiry_is_still_found():
    assert contains_card_number("4111 1111 1111 1111 12/27")
    assert contains_card_number("4111111111111111 1227")
    assert scrub("card 4111-1111-1111-1111 exp 12/27") == f"card {MASK} exp 12/27"


def test_refusal_names_the_field():
    assert refusal("Memo").startswith("Memo looks like a card number")


@given(st.text(alphabet="0123456789", min_size=12, max_size=18))
def test_every_luhn_completed_number_of_13_to_19_digits_is_found(body):
    pan = luhn_complete(body)
    assert contains_card_number(f"x {pan} y")
    assert pan not in scrub(f"x {pan} y")


@given(st.text(alphabet="0123456789", min_size=12, max_size=18), st.text(max_size=30))
def test_scrub_leaves_no_card_number_behind(body, noise):
    pan = luhn_complete(body)
    out = scrub(f"{noise} {pan} {noise}")
    assert not contains_card_number(out) or contains_card_number(noise)
    assert pan not in out


@given(st.text(alphabet="0123456789 -", max_size=40))
def test_luhn_matches_a_plain_implementation(text):
    digits = "".join(c for c in text if c.isdigit())
    if digits:
        total = sum(
            (int(c) if i % 2 == 0 else (int(c) * 2 - 9 if int(c) * 2 > 9 else int(c) * 2))
            for i, c in enumerate(reversed(digits))
        )
        assert luhn_ok(digits) == (total % 10 == 0)
