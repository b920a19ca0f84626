"""Letters (notices, renewal reminders, adjustment calculations) as PDFs, one letter a page."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from counterpos.documents.fonts import BOLD, FONT, ITALIC, register
from counterpos.domain.document_language import date_text, label
from counterpos.domain.utility.documents import Letter

INK = colors.HexColor("#1f3a5f")
RED = colors.HexColor("#a00000")
M = 0.85 * inch


def _wrap(c: canvas.Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if c.stringWidth(trial, font, size) > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def _draw(c: canvas.Canvas, x: Letter) -> None:
    width, height = letter
    inner = width - 2 * M
    y = height - 0.7 * inch
    c.setFillColor(INK)
    c.setFont(BOLD, 15)
    c.drawString(M, y, x.city.name)
    c.setFont(FONT, 9)
    for line in (x.city.address, x.city.phone):
        if line:
            y -= 12
            c.drawString(M, y, line)
    c.setFillColor(colors.black)
    c.setFont(FONT, 9)
    says = lambda text: label(text, x.language)  # noqa: E731
    c.drawRightString(width - M, height - 0.7 * inch, date_text(x.issued_on, x.language))
    c.drawRightString(
        width - M, height - 0.7 * inch - 12, f"{says(x.reference_label)} {x.reference}"
    )
    if x.account_no:
        c.drawRightString(width - M, height - 0.7 * inch - 24, f"{says('Account')} {x.account_no}")
    y = height - 1.9 * inch
    c.setFont(BOLD, 10)
    c.drawString(M + 0.2 * inch, y, x.addressee[:60])
    c.setFont(FONT, 10)
    for part in [p.strip() for p in x.mail_to.split(",", 1)]:
        y -= 13
        c.drawString(M + 0.2 * inch, y, part[:70])
    y = height - 3.0 * inch
    c.setFillColor(RED if x.urgent else INK)
    for line in _wrap(c, x.title, BOLD, 14, inner):  # in "both", two titles may need two lines
        c.setFont(BOLD, 14)
        c.drawString(M, y, line)
        y -= 17
    c.setFillColor(colors.black)
    y -= 5
    for para in x.paragraphs:
        for line in _wrap(c, para, FONT, 10, inner):
            if y < 1.3 * inch:  # a letter in both languages may run onto a second page
                c.showPage()
                y = height - M
            c.setFont(FONT, 10)
            c.drawString(M, y, line)
            y -= 13
        y -= 7
    if x.facts:
        y -= 4
        c.setLineWidth(0.4)
        c.setStrokeColor(INK)
        c.line(M, y + 8, width - M, y + 8)
        # a label on the left, its figure on the right; either wraps in its own column (a
        # policy in words, a label in two languages), never runs into the other
        gap = 0.25 * inch
        for name, value in x.facts:
            names = _wrap(c, name, FONT, 9, inner * 0.55 - gap) or [""]
            values = _wrap(c, value, BOLD, 9, inner * 0.45) or [""]
            if len(values) > 1 and len(names) == 1:  # a long value takes the room the label leaves
                room = inner - c.stringWidth(name, FONT, 9) - gap
                values = _wrap(c, value, BOLD, 9, room) or [""]
            rows = max(len(names), len(values))
            if y - 11 * rows < 1.6 * inch:
                c.showPage()
                y = height - M
            c.setFont(FONT, 9)
            c.setFillColor(colors.HexColor("#555555"))
            for i, line in enumerate(names):
                c.drawString(M, y - 4 - 11 * i, line)
            c.setFillColor(colors.black)
            c.setFont(BOLD, 9)
            for i, line in enumerate(values):
                c.drawRightString(width - M, y - 4 - 11 * i, line)
            y -= 11 * rows + 3
        c.line(M, y + 4, width - M, y + 4)
    y -= 24
    c.setFont(FONT, 10)
    c.drawString(M, y, says("Sincerely,"))
    y -= 16
    c.drawString(M, y, x.closing)
    if x.footer:
        c.setFont(ITALIC, 8)
        fy = 0.9 * inch
        for line in _wrap(c, x.footer, ITALIC, 8, inner):
            c.drawString(M, fy, line)
            fy -= 10


def render_letters(
    letters: Sequence[Letter], target, progress: Callable[[int, int], None] | None = None
) -> int:
    """Every letter on its own page into `target` (a path or a binary file), in DejaVu Sans
    (documents/fonts.py), so any name and every Spanish letter prints."""
    register()
    c = canvas.Canvas(target, pagesize=letter, invariant=1, initialFontName=FONT)  # type: ignore[arg-type]  # the stubs say float
    c.setTitle("Notices" if len(letters) != 1 else f"Notice {letters[0].reference}")
    total = len(letters)
    for i, x in enumerate(letters, 1):
        _draw(c, x)
        c.showPage()
        if progress is not None:
            progress(i, total)
    c.save()
    return total


def render_letter(x: Letter) -> bytes:
    buf = io.BytesIO()
    render_letters([x], buf)
    return buf.getvalue()
