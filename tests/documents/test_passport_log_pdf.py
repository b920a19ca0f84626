"""The passport acceptance log as a PDF (documents/passport_log_pdf.py)."""

from __future__ import annotations

from datetime import date

from counterpos.documents.passport_log_pdf import LogRow, render_log_pdf
from tests.documents.pdf_support import page_text


def test_passport_log_lists_applications():
    rows = [LogRow("CH1-000001", "Ana Lopez", "DS-11", "james", "check 1043", "$130.00", "", "")]
    text = page_text(
        render_log_pdf("City of Mission Vista", "Counter 1", date(2026, 11, 22), rows, "$130.00")
    )
    assert "Ana Lopez" in text and "not yet" in text and "11/22/2026" in text
    empty = page_text(render_log_pdf("City", "Counter", date(2026, 11, 22), [], "$0.00"))
    assert "No applications" in empty
