"""Letters for the mail (documents/letter_pdf.py): one page each, text read back with pypdf,
long paragraphs wrapped inside the page, drawn as a PNG."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from counterpos.documents.letter_pdf import render_letter, render_letters
from counterpos.domain.utility.documents import CityHeading, notice_letter

CITY = CityHeading("City of Mission Vista", "1 Civic Center Plaza", "(555) 010-2000")


def final(n: int):
    return notice_letter(
        CITY,
        "final",
        f"N-{n:06d}",
        date(2026, 11, 30),
        f"Customer {n}",
        f"{n} Oak St, Mission Vista",
        12345,
        date(2026, 9, 15),
        date(2026, 12, 10),
        {"account_no": f"CH1-{n:05d}", "service_address": f"{n} Oak St"},
    )


def test_a_letter_reads_back_whole():
    pdf = render_letter(final(7))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for words in (
        "City of Mission Vista",
        "FINAL NOTICE",
        "N-000007",
        "Customer 7",
        "$123.45",
        "Dec 10, 2026",
        "CH1-00007",
        "payment arrangement",
        "en español",
    ):
        assert words in text, words  # fmt: skip


def test_letters_of_a_run_one_page_each_with_progress(tmp_path):
    seen = []
    path = tmp_path / "run.pdf"
    assert render_letters([final(i) for i in range(1, 6)], str(path), lambda d, t: seen.append((d, t))) == 5  # fmt: skip
    reader = PdfReader(path)
    assert len(reader.pages) == 5
    assert "Customer 3" in reader.pages[2].extract_text()
    assert seen == [(i, 5) for i in range(1, 6)]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils")
def test_renders_to_png(tmp_path):
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(render_letter(final(1)))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "l")], check=True)
    png = next(tmp_path.glob("l*.png")).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5_000
