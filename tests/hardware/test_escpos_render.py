"""The ESC/POS test page (hardware/escpos_render.py) under each profile's code page."""

from __future__ import annotations

import pytest

from counterpos.hardware.escpos_decode import decode
from counterpos.hardware.escpos_render import printer_test_page
from counterpos.hardware.printer_profile import (
    SPANISH,
    load_profile,
)
from tests.printing_support import REQUIRED_PROFILES


@pytest.mark.parametrize("name", REQUIRED_PROFILES)
def test_test_page_spanish_under_the_selected_code_page(name):
    profile = load_profile(name)
    data = printer_test_page(profile, "tcp://printer:9100")
    d = decode(data)
    assert d.codepages == [profile.codepage_n]
    assert data.index(b"\x1bt") < data.index(b"CounterPOS")  # ESC t n before any text
    assert SPANISH.encode(profile.codepage) in data
    assert f"Español: {SPANISH}" in d.text_lines()
    for ch in SPANISH:
        assert ch.encode("utf-8") not in data
    assert all(len(line.text) <= profile.chars for line in d.lines if not line.big)
    assert d.cuts == (0 if profile.cut == "none" else 1)
    assert d.barcodes == ["TEST-0001"]
