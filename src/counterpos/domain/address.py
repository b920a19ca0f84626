"""Service addresses compared as a clerk would: case, punctuation and spacing do not matter."""

from __future__ import annotations

import re

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def normalise_address(address: str) -> str:
    """'12 Oak St.' and '12  OAK ST' give the same key."""
    return _NOT_ALNUM.sub(" ", address.lower()).strip()
