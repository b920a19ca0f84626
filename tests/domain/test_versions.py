"""Which version comes first (domain/versions.py)."""

from __future__ import annotations

import pytest

from counterpos.domain.versions import is_older, release


@pytest.mark.parametrize(
    ("running", "approved", "older"),
    [
        ("0.1.0", "0.2.0", True),
        ("0.2.0", "0.1.0", False),
        ("0.2.0", "0.2.0", False),
        ("0.2", "0.2.0", False),
        ("0.9.9", "0.10.0", True),  # by number, not by letter
        ("1.4.2rc1", "1.4.2", True),
        ("1.4.2", "1.4.2rc1", False),
        ("1.4.2+city.3", "1.4.2", False),
        ("v1.2.0", "1.3", True),
        ("0.1.0", "", False),  # nothing approved yet
        ("0+unknown", "0.1.0", True),
        ("garbage", "1.0", False),
    ],
)
def test_is_older(running, approved, older):
    assert is_older(running, approved) is older


def test_release_parts():
    assert release("1.4.0") == ((1, 4), False)
    assert release("2.0b3") == ((2,), True)
    assert release("") is None
