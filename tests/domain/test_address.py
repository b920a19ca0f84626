"""Service addresses (domain/address.py) compared as a clerk would compare them."""

from __future__ import annotations

from counterpos.domain.address import normalise_address


def test_case_punctuation_and_spacing_do_not_matter():
    key = normalise_address("12 Oak St.")
    assert key == "12 oak st"
    for same in ("12  OAK ST", " 12 oak st ", "12, Oak St", "12-Oak-St."):
        assert normalise_address(same) == key
    assert normalise_address("120 Oak St") != key
