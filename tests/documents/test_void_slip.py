"""A VOID slip as a PDF (documents/void_slip.py), in the receipt's own text layout."""

from __future__ import annotations

from counterpos.documents.void_slip import write_pdf
from counterpos.domain.receipt_document import render_text
from tests.documents.pdf_support import page_text
from tests.domain.samples import receipt


def test_the_slip_is_the_receipt_text_line_for_line(tmp_path):
    slip = receipt(title="VOID", notes=("Rang twice",))
    path = write_pdf(slip, tmp_path / "void.pdf")
    assert path == tmp_path / "void.pdf" and path.read_bytes().startswith(b"%PDF")
    text = page_text(path)
    for line in render_text(slip, 42):
        assert " ".join(line.split()) in " ".join(text.split()), line
