"""Reading back the PDFs the document tests make."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader


def page_text(pdf: bytes | Path) -> str:
    """The text of the first page of a PDF, given as bytes or as a file."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return PdfReader(source).pages[0].extract_text()
