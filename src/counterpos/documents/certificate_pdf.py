"""Certificates, licenses and permits as one-page reportlab PDFs with the city's heading."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from counterpos.documents.fonts import BOLD, FONT, ITALIC, register
from counterpos.domain.certificate import Certificate

INK = colors.HexColor("#1f3a5f")


def _fit(c: canvas.Canvas, text: str, font: str, size: float, width: float) -> float:
    """Shrink the font until the text fits the width."""
    while size > 7 and c.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def render_pdf(cert: Certificate) -> bytes:
    register()
    says = cert.says
    title = says(cert.title)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter, initialFontName=FONT)  # type: ignore[arg-type]  # the stubs say float
    c.setTitle(f"{title} {cert.number}")
    c.setAuthor(cert.city_name)
    width, height = letter
    margin = 0.75 * inch
    inner = width - 2 * margin
    # Border
    c.setStrokeColor(INK)
    c.setLineWidth(3)
    c.rect(margin - 12, margin - 12, inner + 24, height - 2 * margin + 24)
    c.setLineWidth(0.8)
    c.rect(margin - 6, margin - 6, inner + 12, height - 2 * margin + 12)
    # Heading
    y = height - margin - 30
    c.setFillColor(INK)
    size = _fit(c, cert.city_name, BOLD, 24, inner)
    c.setFont(BOLD, size)
    c.drawCentredString(width / 2, y, cert.city_name)
    c.setFont(FONT, 10)
    for line in (cert.city_address, cert.city_phone):
        if line:
            y -= 15
            c.drawCentredString(width / 2, y, line)
    y -= 20
    c.line(margin + 40, y, width - margin - 40, y)
    y -= 48
    size = _fit(c, title, BOLD, 30, inner)
    c.setFont(BOLD, size)
    c.drawCentredString(width / 2, y, title)
    if cert.reprint:
        y -= 20
        c.setFont(BOLD, 12)
        c.setFillColor(colors.HexColor("#a00000"))
        c.drawCentredString(width / 2, y, says("REPRINT"))
        c.setFillColor(INK)
    if cert.voided:
        y -= 22
        voided = f"{says('VOID')}: {cert.voided}"
        c.setFont(BOLD, _fit(c, voided, BOLD, 14, inner))
        c.setFillColor(colors.HexColor("#a00000"))
        c.drawCentredString(width / 2, y, voided)
        c.setFillColor(INK)
    # Number and holder, large
    y -= 46
    c.setFillColor(colors.black)
    c.setFont(FONT, 11)
    c.drawCentredString(width / 2, y, says(cert.number_label))
    y -= 28
    c.setFont(BOLD, 26)
    c.drawCentredString(width / 2, y, cert.number)
    y -= 34
    c.setFont(FONT, 11)
    c.drawCentredString(width / 2, y, says(cert.holder_label))
    y -= 22
    size = _fit(c, cert.holder, BOLD, 18, inner - 20)
    c.setFont(BOLD, size)
    c.drawCentredString(width / 2, y, cert.holder)
    # Facts table
    y -= 40
    rows = [(says(label), value) for label, value in cert.facts if value]
    if cert.period:
        rows.append((says("Valid"), cert.period))
    rows.append((says("Receipt no."), cert.receipt_no))
    rows.append((says("Issued on"), cert.day(cert.issued_on)))
    label_x, value_x = margin + 40, margin + 230
    for label, value in rows:
        c.setFillColor(colors.HexColor("#555555"))
        c.setFont(FONT, _fit(c, label, FONT, 11, value_x - label_x - 8))
        c.drawString(label_x, y, label)
        c.setFillColor(colors.black)
        size = _fit(c, value, BOLD, 12, width - margin - 40 - value_x)
        c.setFont(BOLD, size)
        c.drawString(value_x, y, value)
        y -= 22
    c.setFont(ITALIC, 11)
    for notice in cert.notices:  # in "both": the English, then the Spanish
        y -= 16
        words, line = notice.split(), ""
        for word in words:
            trial = f"{line} {word}".strip()
            if c.stringWidth(trial, ITALIC, 11) > inner - 80:
                c.drawCentredString(width / 2, y, line)
                y -= 15
                line = word
            else:
                line = trial
        if line:
            c.drawCentredString(width / 2, y, line)
            y -= 15
    # Footer
    c.setFont(FONT, 8)
    c.setFillColor(colors.HexColor("#555555"))
    footer = f"{title} {cert.number} · {says('Receipt no.')} {cert.receipt_no} · {cert.city_name}"
    c.setFont(FONT, _fit(c, footer, FONT, 8, inner))
    c.drawCentredString(width / 2, margin + 6, footer)
    if cert.voided:  # across the page: no part of it can pass for a valid one
        c.saveState()
        c.setFillColor(colors.HexColor("#a00000"))
        mark = "ANULADO" if cert.language == "es" else "VOID"  # one word, the reader's
        c.setFont(BOLD, _fit(c, mark, BOLD, 150, 430))  # as wide as VOID: on the page
        c.translate(width / 2, height / 2)
        c.rotate(35)
        c.drawCentredString(0, -50, mark)
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()
