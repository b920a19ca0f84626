"""Certificates as PDFs (documents/certificate_pdf.py): heading, number, holder, dates, receipt."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from counterpos.documents.certificate_pdf import render_pdf
from tests.documents.pdf_support import page_text
from tests.domain.samples import certificate


def test_pdf_carries_every_fact():
    text = page_text(render_pdf(certificate()))
    for expected in (
        "City of Mission Vista",
        "DOG LICENSE",
        "AN-2026-00042",
        "Núñez-Ibarra",
        "2026-00042",
        "Canela",
        "Nov 22, 2026 – Nov 21, 2027",
        "CH1-000123",
    ):
        assert expected in text
    assert "Empty" not in text and "REPRINT" not in text
    assert "REPRINT" in page_text(render_pdf(certificate(reprint=True)))


def test_long_holder_still_fits_on_one_page():
    pdf = PdfReader(io.BytesIO(render_pdf(certificate(holder="A" * 110, notice="word " * 80))))
    assert len(pdf.pages) == 1


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_renders_to_png(tmp_path):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(certificate()))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "c")], check=True)
    png = (tmp_path / "c-1.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 3000
