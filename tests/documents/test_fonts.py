"""Every PDF embeds DejaVu Sans from resources/fonts/: any name prints and extracts intact."""

from __future__ import annotations

import io

from pypdf import PdfReader

from counterpos.documents.certificate_pdf import render_pdf as certificate_pdf
from counterpos.documents.fonts import FONT
from counterpos.documents.receipt_pdf import render_pdf as receipt_pdf
from counterpos.documents.void_slip import write_pdf as void_pdf
from counterpos.resources_path import data_path
from tests.documents.pdf_support import page_text
from tests.domain.samples import certificate, receipt

NAMES = ("Nguyễn Thị Ánh", "Łucja Wróblewska-Żak")


def _fonts(pdf: bytes) -> set[str]:
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    fonts = page["/Resources"]["/Font"]
    return {str(f.get_object()["/BaseFont"]) for f in fonts.values()}


def test_the_font_and_its_licence_are_shipped():
    folder = data_path("resources") / "fonts"
    assert (folder / "DejaVuSans.ttf").stat().st_size > 500_000
    assert "Bitstream" in (folder / "LICENSE.txt").read_text(encoding="utf-8")


def test_a_vietnamese_and_a_polish_name_come_back_intact_from_a_receipt():
    for name in NAMES:
        pdf = receipt_pdf(receipt(customer=name))
        assert name in page_text(pdf), name
        assert all(FONT in f and "Helvetica" not in f for f in _fonts(pdf)), _fonts(pdf)


def test_and_from_a_certificate(tmp_path):
    for name in NAMES:
        pdf = certificate_pdf(certificate(holder=name))
        assert name in page_text(pdf), name


def test_and_from_a_void_slip(tmp_path):
    path = void_pdf(receipt(customer=NAMES[0]), tmp_path / "void.pdf")
    assert NAMES[0] in page_text(path)
