"""A VOID slip (or any receipt document) as a one-page PDF in the receipt's own text layout."""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from counterpos.documents.fonts import FONT, MONO, register
from counterpos.domain.receipt_document import ReceiptDocument, render_text


def write_pdf(doc: ReceiptDocument, path: Path | str, width: int = 42) -> Path:
    register()
    lines = render_text(doc, width)
    size = 9
    page_w = width * size * 0.6 + 12 * mm
    page_h = (len(lines) + 4) * size * 1.25 + 12 * mm
    c = Canvas(str(path), pagesize=(page_w, page_h), invariant=1, initialFontName=MONO)  # type: ignore[arg-type]  # the stubs say float
    c.setTitle(f"{doc.title} {doc.receipt_no}")
    c.setFont(MONO, size)
    mono = pdfmetrics.getFont(MONO).face.charToGlyph  # type: ignore[attr-defined]  # a TTFont
    y = page_h - 6 * mm - size
    for line in lines:
        if all(ord(ch) in mono for ch in line):
            c.drawString(6 * mm, y, line)
        else:  # letters the fixed-width face lacks (Vietnamese): those in DejaVu Sans, one run
            text = c.beginText(6 * mm, y)
            for face, run in groupby(line, key=lambda ch: MONO if ord(ch) in mono else FONT):
                text.setFont(face, size)
                text.textOut("".join(run))
            c.drawText(text)
            c.setFont(MONO, size)
        y -= size * 1.25
    c.save()
    return Path(path)
