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


def test_a_long_holder_name_wraps_and_keeps_every_word():
    name = "Asociación de Vecinos y Comerciantes del Barrio Histórico de Mission Vista Sur"
    for width in (32, 42):
        lines = render_text(certificate(holder=name), width)
        assert all(len(x) <= width for x in lines)
        owner = lines.index("Owner")
        kept = " ".join(x.strip() for x in lines[owner + 1 : owner + 4])
        assert name in kept  # nothing cut: "…ission Vista Sur" was all a 42-column slip kept


def test_a_voided_certificate_says_void_with_the_void_s_reference():
    lines = render_text(certificate(voided="Voided by CH1-000130 on Nov 23, 2026"), 42)
    assert lines[3].strip() == "*** VOID ***"
    assert any("CH1-000130" in x and "Nov 23, 2026" in x for x in lines[:6])
    assert lines[-1].strip() == "*** VOID: NOT VALID ***"
    assert not any("VOID" in x for x in render_text(certificate(), 42))
