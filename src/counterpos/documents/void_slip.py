"""A VOID slip (or any receipt document) as a one-page PDF in the receipt's own text layout."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from counterpos.domain.receipt_document import ReceiptDocument, render_text


def write_pdf(doc: ReceiptDocument, path: Path | str, width: int = 42) -> Path:
    lines = render_text(doc, width)
    size = 9
    page_w = width * size * 0.6 + 12 * mm
    page_h = (len(lines) + 4) * size * 1.25 + 12 * mm
    c = Canvas(str(path), pagesize=(page_w, page_h), invariant=1)
    c.setTitle(f"{doc.title} {doc.receipt_no}")
    c.setFont("Courier", size)
    y = page_h - 6 * mm - size
    for line in lines:
        c.drawString(6 * mm, y, line)
        y -= size * 1.25
    c.save()
    return Path(path)
