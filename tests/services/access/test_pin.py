"""PIN hashing (services/access/pin.py): salted argon2id hashes, checked without keeping the PIN."""

from __future__ import annotations

import pytest

from counterpos.services.access import pin
from counterpos.services.errors import InputError


def test_a_pin_is_kept_as_a_salted_hash_that_only_it_matches():
    first, second = pin.hash_pin("2468"), pin.hash_pin("2468")
    assert first != second  # each hash has its own salt
    assert first.startswith("$argon2id$") and "2468" not in first
    assert not pin.needs_rehash(first)
    assert pin.verify_pin("2468", first) and pin.verify_pin("2468", second)
    assert not pin.verify_pin("2469", first)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain-2468",
        "md5$1$2$3$abc$def",
        "scrypt$only$three",
        "scrypt$16384$8$1$!!$!!",
        "$argon2id$v=19$m=65536,t=2,p=1$bad",
        "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
    ],
)
def test_a_stored_value_that_is_no_known_hash_matches_nothing(stored):
    assert not pin.verify_pin("2468", stored)
    assert pin.needs_rehash(stored)


def test_weaker_argon2id_parameters_are_rehashed():
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash("2468")
    assert pin.verify_pin("2468", weak) and pin.needs_rehash(weak)


@pytest.mark.parametrize("typed", ["123", "1234567890123", "12a4", "", " 1234", "١٢٣٤"])
def test_a_pin_is_four_to_twelve_digits(typed):
    with pytest.raises(InputError, match="4 to 12 digits") as err:
        pin.check_pin_format(typed)
    assert err.value.field == "pin"
    pin.check_pin_format("1234")
    pin.check_pin_format("123456789012")


def test_a_privileged_pin_has_at_least_the_digits_asked():
    with pytest.raises(InputError, match="6 to 12 digits"):
        pin.check_pin_format("12345", min_digits=6)
    pin.check_pin_format("123456", min_digits=6)
