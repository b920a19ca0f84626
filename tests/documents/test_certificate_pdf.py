"""Certificates as PDFs: the heading, number, holder, dates and receipt number are on the page."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from counterpos.documents.certificate_pdf import render_pdf
from counterpos.documents.passport_log_pdf import LogRow, render_log_pdf
from counterpos.domain.certificate import Certificate, render_text


def cert(**over) -> Certificate:
    base = dict(
        title="DOG LICENSE",
        number_label="License no.",
        number="AN-2026-00042",
        holder_label="Owner",
        holder="María José Núñez-Ibarra",
        facts=(("Tag no.", "2026-00042"), ("Animal", "Canela"), ("Empty", "")),
        valid_from=date(2026, 11, 22),
        valid_to=date(2027, 11, 21),
        receipt_no="CH1-000123",
        issued_on=date(2026, 11, 22),
        city_name="City of Mission Vista",
        city_address="100 Civic Center Plaza, Mission Vista, CA 92000",
        notice="The tag must be worn by the animal at all times.",
    )
    base.update(over)
    return Certificate(**base)


def page_text(pdf: bytes) -> str:
    return PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_pdf_carries_every_fact():
    text = page_text(render_pdf(cert()))
    for expected in (
        "City of Mission Vista",
        "DOG LICENSE",
        "AN-2026-00042",
        "Núñez-Ibarra",
        "2026-00042",
        "Canela",
        "11/22/2026 to 11/21/2027",
        "CH1-000123",
    ):
        assert expected in text
    assert "Empty" not in text and "REPRINT" not in text
    assert "REPRINT" in page_text(render_pdf(cert(reprint=True)))


def test_long_holder_still_fits_on_one_page():
    pdf = PdfReader(io.BytesIO(render_pdf(cert(holder="A" * 110, notice="word " * 80))))
    assert len(pdf.pages) == 1


def test_receipt_printer_form_fits_the_width():
    for width in (32, 42, 48):
        lines = render_text(cert(), width)
        assert all(len(x) <= width for x in lines)
        assert any("AN-2026-00042" in x for x in lines)
        assert any("CH1-000123" in x for x in lines)


def test_passport_log_lists_applications():
    rows = [LogRow("CH1-000001", "Ana Lopez", "DS-11", "james", "check 1043", "$130.00", "", "")]
    text = page_text(
        render_log_pdf("City of Mission Vista", "Counter 1", date(2026, 11, 22), rows, "$130.00")
    )
    assert "Ana Lopez" in text and "not yet" in text and "11/22/2026" in text
    empty = page_text(render_log_pdf("City", "Counter", date(2026, 11, 22), [], "$0.00"))
    assert "No applications" in empty


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_renders_to_png(tmp_path):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(render_pdf(cert()))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "c")], check=True)
    png = (tmp_path / "c-1.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 3000
