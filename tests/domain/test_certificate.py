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


def test_in_spanish_its_labels_and_dates_are_spanish_and_still_fit():
    for width in (32, 42, 48):
        lines = render_text(certificate(language="es", reprint=True), width)
        text = "\n".join(lines)
        assert all(len(x) <= width for x in lines), (width, lines)
        for expected in ("LICENCIA DE PERRO", "N.º de licencia", "Dueño", "N.º de placa"):
            assert expected in text, (expected, text)
        assert "22 nov 2026" in text and "21 nov 2027" in text  # valid from, to; issued
        assert "REIMPRESIÓN" in text and "11/22/2026" not in text and "Owner" not in text


def test_in_both_languages_each_label_says_both_and_the_notice_comes_twice():
    cert = certificate(language="both", notice="Renew on time.\nRenueve a tiempo.")
    lines = render_text(cert, 42)
    text = "\n".join(lines)
    assert all(len(x) <= 42 for x in lines)
    assert "DOG LICENSE / LICENCIA DE PERRO" in text and "Owner / Dueño" in text
    assert lines[-2:] == ["Renew on time.", "Renueve a tiempo."]
    assert "Nov 22, 2026" in text  # in both, the date reads as in English, month spelled
