"""PIN hashing: argon2id (memory-hard, through argon2-cffi); the PIN itself is never stored.

A PIN has few possibilities (10^6 for six digits), so what protects it in a stolen store file
is the cost of one guess. One hash takes 64 MiB and two passes over it on one lane: about
0.16 s of one core on the development machine (`bench/sign_in.py`), so trying every 6-digit PIN
costs an attacker about 44 hours of that core, a 4-digit one about 26 minutes. Hashes made
before (scrypt, N=2^14: about 0.05 s) are still accepted and replaced by an argon2id hash at
the user's next successful sign-in (`needs_rehash`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from counterpos.services.errors import InputError

TIME_COST = 2  # passes over the memory
MEMORY_KIB = 64 * 1024  # 64 MiB per guess
PARALLELISM = 1  # one lane: one guess is one core's time

_HASHER = PasswordHasher(
    time_cost=TIME_COST,
    memory_cost=MEMORY_KIB,
    parallelism=PARALLELISM,
    hash_len=32,
    salt_len=16,
    type=Type.ID,
)
MIN_DIGITS, MAX_DIGITS = 4, 12


def hash_pin(pin: str) -> str:
    return _HASHER.hash(pin)


def verify_pin(pin: str, stored: str) -> bool:
    if stored.startswith("$argon2id$"):
        try:
            return _HASHER.verify(stored, pin)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
    if stored.startswith("scrypt$"):
        return _verify_scrypt(pin, stored)
    return False


def needs_rehash(stored: str) -> bool:
    """True for an older scheme or weaker parameters than today's: rehash after a good sign-in."""
    if not stored.startswith("$argon2id$"):
        return True
    try:
        return _HASHER.check_needs_rehash(stored)
    except (InvalidHashError, ValueError):
        return True


def _verify_scrypt(pin: str, stored: str) -> bool:
    """The hashes of before argon2id: scrypt$N$r$p$salt$digest."""
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
        salt = base64.b64decode(salt_b64)
        expected = base64.b64decode(digest_b64)
        digest = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


def check_pin_format(pin: str, min_digits: int = MIN_DIGITS) -> None:
    """A PIN is digits only, `min_digits` to 12 of them (ASCII digits: what a keypad types)."""
    ok = pin.isascii() and pin.isdigit() and max(MIN_DIGITS, min_digits) <= len(pin) <= MAX_DIGITS
    if not ok:
        low = max(MIN_DIGITS, min_digits)
        raise InputError(
            "A PIN is {low} to {max_digits} digits.", field="pin", low=low, max_digits=MAX_DIGITS
        )
