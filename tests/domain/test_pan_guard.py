"""The card-number guard: what it finds, what it leaves alone, and what scrubbing leaves behind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.pan_guard import (
    MASK,
    _runs,
    _spans_in_run,
    contains_card_number,
    declared_ok,
    is_payment_card,
    luhn_ok,
    micr_line_ok,
    refusal,
    scrub,
    tracking_number_ok,
    transit_card_ok,
)

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
        "9111111111111111111111",  # 22 digits, no card network's number inside
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


# -- the forms that slipped past the guard (issue 13) ----------------------------------------

DISGUISES = {
    "dots": "4111.1111.1111.1111",
    "slashes": "4111/1111/1111/1111",
    "double spaces": "4111  1111  1111  1111",
    "tabs": "4111\t1111\t1111\t1111",
    "newlines": "4111\n1111\n1111\n1111",
    "no-break spaces": "4111\u00a01111\u00a01111\u00a01111",
    "thin spaces": "4111\u2009\u20091111\u20091111\u20091111",
    "zero-width spaces": "4\u200b111111111111111",
    "en dashes": "4111–1111–1111–1111",
    "full-width digits": "４１１１１１１１１１１１１１１１",
    "full-width, ideographic spaces": "４１１１\u3000１１１１\u3000１１１１\u3000１１１１",
    "Arabic-Indic digits": "٤١١١١١١١١١١١١١١١",
    "Devanagari digits": "४१११११११११११११११",
    "inside a longer digit run": "9941111111111111111199",
    "after an expiry, no space": "122741111111111111111",
    "mixed": "Paid with 4111.1111\u00a01111/1111 thanks",
}


@pytest.mark.parametrize("form", list(DISGUISES.values()), ids=list(DISGUISES))
def test_a_card_number_in_disguise_is_found_and_scrubbed(form):
    assert contains_card_number(form)
    out = scrub(form)
    assert MASK in out
    assert not contains_card_number(out)
    assert "1111" not in out.replace("1111 thanks", "")


@pytest.mark.parametrize("pan", TEST_PANS)
def test_every_network_number_is_found_in_every_disguise(pan):
    for sep in (".", "/", "\t", "\n", "\u00a0", "  ", " / "):
        grouped = sep.join(pan[i : i + 4] for i in range(0, len(pan), 4))
        assert contains_card_number(grouped), repr(grouped)
    wide = "".join(chr(0xFF10 + int(d)) for d in pan)
    assert contains_card_number(wide)
    assert contains_card_number(f"77{pan}12")


@pytest.mark.parametrize(
    "text",
    [
        "Paid 01/15/2024, 02/15/2024 and 03/15/2024",
        "Call 555-123-4567 or 555-765-4321",
        "2026-11-29 12:00:01.123456",
        "Receipts CH1-000123 to CH1-000456",
        "Lot 12. 34 Main St. Apt 5678",
    ],
)
def test_dates_times_and_phone_numbers_are_not_card_numbers(text):
    assert not contains_card_number(text)


def test_payment_card_needs_a_network_its_length_and_luhn():
    assert is_payment_card("4111111111111111")
    assert is_payment_card("378282246310005")
    assert not is_payment_card("3782822463100050")  # Amex is 15 digits
    assert not is_payment_card("7111111111111114")  # Luhn-valid, no network starts with 7
    assert not is_payment_card("4111111111111112")


def _luhn(body: str) -> str:
    return luhn_complete(body)


@given(st.text(alphabet="0123456789", min_size=15, max_size=15))
def test_transit_cards_numbered_outside_the_card_networks_are_never_refused(body):
    # ISO/IEC 7812 numbers of a transit agency (industry 7 or 9), Luhn-valid or not.
    for first in ("7", "90", "91"):
        card = (first + body)[:16]
        assert transit_card_ok(card)
        assert declared_ok("transit_card", card)
        assert declared_ok("transit_card", _luhn(card[:-1]))


def test_a_card_number_in_a_transit_card_field_is_still_refused():
    for pan in ("4111111111111111", "5555555555554444", "6011111111111117"):
        assert not transit_card_ok(pan)
        assert not declared_ok("transit_card", pan)
        assert not declared_ok("transit_card", f"{pan[:4]} {pan[4:8]} {pan[8:12]} {pan[12:]}")


def _usps(body: str) -> str:
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


def test_tracking_numbers_of_the_carriers_formats_are_accepted():
    usps = _usps("940011189922385437200")  # 22 digits
    assert tracking_number_ok(usps)
    assert tracking_number_ok(" ".join(usps[i : i + 4] for i in range(0, 22, 4)))
    assert tracking_number_ok("420" + "92101" + usps)  # with the ZIP routing prefix
    assert tracking_number_ok("EE123456785US")  # UPU S10
    assert tracking_number_ok("1Z999AA10123456784")  # UPS
    assert tracking_number_ok("123456789012")  # FedEx, 12 digits
    assert not tracking_number_ok(usps[:-1] + str((int(usps[-1]) + 1) % 10))  # check digit
    assert not tracking_number_ok("EE123456784US")
    assert not tracking_number_ok("1Z999AA10123456785")


def test_a_card_number_dressed_as_a_tracking_number_is_refused():
    # 94 + a card number + 4 digits: 22 digits, its USPS check digit wrong: scanned as text.
    wrapped = "94" + "4111111111111111" + "0000"
    assert not tracking_number_ok(wrapped)
    assert not declared_ok("tracking_number", wrapped)
    assert not declared_ok("tracking_number", "4111111111111111")
    assert declared_ok("tracking_number", "ABC12345")  # no card number, no carrier: still fine


def test_a_micr_line_is_checked_by_its_routing_number():
    assert micr_line_ok("⑆021000021⑆ 123456789⑈ 1001")
    assert micr_line_ok("T021000021T 000123456789O 0345")
    assert not micr_line_ok("⑆021000022⑆ 123456789⑈ 1001")  # ABA check digit wrong
    assert not micr_line_ok("⑆021000021⑆ 4111111111111111⑈ 1001")  # a card as the account
    assert declared_ok("micr_line", "⑆021000021⑆ 987654321012345⑈ 1001")


@given(st.uuids())
def test_a_uuid_is_never_a_card_number(u):
    for text in (str(u), f"void of {u}", str(u).upper()):
        assert not contains_card_number(text)
    digits = "01234567-8901-7234-8220-720340318848"  # all-digit groups, Luhn-valid stretches
    assert not contains_card_number(digits)


# Digits, every separator a run may hold (ASCII), and what ends a run: text where long runs are
# common, so the quick test is held to the full scan on both sides of its line.
_ASCII_NOISE = st.text(alphabet="0123456789" * 4 + " -~\t\n\r\v\f./\\_x:$,%4", max_size=60)


@given(_ASCII_NOISE)
def test_the_quick_run_test_never_passes_what_the_full_scan_finds(text):
    """contains_card_number's second quick test (no 13-digit run in ASCII text) answers what
    scanning every run answers."""
    full = any(next(_spans_in_run(run), None) is not None for run in _runs(text))
    assert contains_card_number(text) == full


@pytest.mark.parametrize("pan", TEST_PANS)
def test_a_card_number_among_a_memo_s_amounts_is_found(pan):
    for sep in (" ", "-", ".", "/", "~", "_", "\t"):
        grouped = sep.join(pan[i : i + 4] for i in range(0, len(pan), 4))
        assert contains_card_number(f"Late fee on bill B1-B0100001: 10% of $309.80, {grouped}")
