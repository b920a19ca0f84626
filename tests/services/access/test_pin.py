"""PIN hashing (services/access/pin.py): salted scrypt hashes, checked without keeping the PIN."""

from __future__ import annotations

import pytest

from counterpos.services.access import pin
from counterpos.services.errors import InputError


def test_a_pin_is_kept_as_a_salted_hash_that_only_it_matches():
    first, second = pin.hash_pin("2468"), pin.hash_pin("2468")
    assert first != second  # each hash has its own salt
    assert first.startswith("scrypt$") and "2468" not in first
    assert pin.verify_pin("2468", first) and pin.verify_pin("2468", second)
    assert not pin.verify_pin("2469", first)


@pytest.mark.parametrize("stored", ["", "plain-2468", "md5$1$2$3$abc$def", "scrypt$only$three"])
def test_a_stored_value_that_is_no_scrypt_hash_matches_nothing(stored):
    assert not pin.verify_pin("2468", stored)


@pytest.mark.parametrize("typed", ["123", "1234567890123", "12a4", "", " 1234"])
def test_a_pin_is_four_to_twelve_digits(typed):
    with pytest.raises(InputError, match="4 to 12 digits") as err:
        pin.check_pin_format(typed)
    assert err.value.field == "pin"
    pin.check_pin_format("1234")
    pin.check_pin_format("123456789012")
