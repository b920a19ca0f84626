"""The simulated card terminal's script (hardware/card_simulator.py): the outcomes it knows."""

from __future__ import annotations

import pytest

from counterpos.hardware.card_simulator import parse_script


def test_script_parsing():
    assert parse_script("approve, partial:10.00,wait:1") == ["approve", "partial:10.00", "wait:1"]
    for bad in ("explode", "partial", "wait:x"):
        with pytest.raises(ValueError):
            parse_script(bad)
