"""The receipt as a PDF (documents/receipt_pdf.py): the printer's document, text kept as text."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.lib.units import mm

from counterpos.documents.receipt_pdf import render_pdf
from tests.documents.pdf_support import page_text
from tests.domain.samples import receipt


def test_the_pdf_holds_what_the_receipt_says():
    pdf = render_pdf(receipt(customer="María José Núñez"))
    assert pdf.startswith(b"%PDF")
    text = page_text(pdf)
    for expected in (
        "City of Mission Vista",
        "CH1-000123",
        "María José Núñez",
        "Utility bill payment",
        "Account 10000000",
        "$84.25",
        "$100.00",
        "$15.75",
        "Gracias.",
    ):
        assert expected in text, expected
    assert "REPRINT" not in text


def test_a_reprint_says_so():
    again = receipt(reprint_count=2, reprinted_at=datetime(2026, 11, 23, 9, 0))
    assert "REPRINT #2" in page_text(render_pdf(again))


def height(pdf: bytes) -> float:
    return float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.height)


def test_the_logo_goes_on_top_where_the_receipt_asks_for_it(tmp_path):
    logo = tmp_path / "seal.png"
    Image.new("1", (200, 80), 0).save(logo)
    plain = render_pdf(receipt())
    with_logo = render_pdf(receipt(logo=True), logo=logo)
    assert height(with_logo) - height(plain) == pytest.approx(18 * mm)
    assert "CH1-000123" in page_text(with_logo)
    # Not asked for, or no such file: no room is made for it.
    assert height(render_pdf(receipt(), logo=logo)) == height(plain)
    assert height(render_pdf(receipt(logo=True), logo=tmp_path / "none.png")) == height(plain)
