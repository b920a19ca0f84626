"""A certificate as text for the receipt printer (domain/certificate.py)."""

from __future__ import annotations

from counterpos.domain.certificate import render_text
from tests.domain.samples import certificate


def test_receipt_printer_form_fits_the_width():
    for width in (32, 42, 48):
        lines = render_text(certificate(), width)
        assert all(len(x) <= width for x in lines)
        assert any("AN-2026-00042" in x for x in lines)
        assert any("CH1-000123" in x for x in lines)
