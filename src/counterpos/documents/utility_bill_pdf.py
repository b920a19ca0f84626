"""The water and sewer bill as a one-page PDF: charges, reads, a year of use, and the stub."""

from __future__ import annotations

import io

from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas

from counterpos.documents.fonts import BOLD, FONT, ITALIC, register
from counterpos.domain.document_language import date_text, label
from counterpos.domain.money import Money
from counterpos.domain.utility.documents import BillDocument

INK = colors.HexColor("#1f3a5f")
GREY = colors.HexColor("#555555")
M = 0.6 * inch


def _money(cents: int) -> str:
    return Money(cents).format()


def _draw_bill(c: canvas.Canvas, b: BillDocument) -> None:
    def says(text: str) -> str:
        return label(text, b.language)

    def day(value) -> str:
        return date_text(value, b.language)

    width, height = letter
    y = height - M
    c.setFillColor(INK)
    c.setFont(BOLD, 16)
    c.drawString(M, y - 4, b.city.name)
    c.setFont(FONT, 9)
    for line in (b.city.address, b.city.phone):
        if line:
            y -= 12
            c.drawString(M, y - 4, line)
    c.setFont(BOLD, 13)
    title = says("WATER AND SEWER BILL" if not b.reversal_of else "BILL REVERSAL")
    size = 13.0
    while size > 8 and c.stringWidth(title, BOLD, size) > 3.6 * inch:  # Spanish is longer
        size -= 0.5
    c.setFont(BOLD, size)
    c.drawRightString(width - M, height - M - 4, title)
    if b.reprint:
        c.setFillColor(colors.HexColor("#a00000"))
        c.drawRightString(width - M, height - M - 20, says("COPY"))
        c.setFillColor(INK)
    # summary box
    box_x, box_w, box_top = width - M - 2.9 * inch, 2.9 * inch, height - M - 30
    rows = [
        ("Account", b.account_no),
        ("Bill", b.bill_no),
        ("Bill date", day(b.bill_date)),
        ("Due date", day(b.due_date)),
        ("Amount due", _money(b.total_due_cents)),
    ]
    c.setStrokeColor(INK)
    c.setLineWidth(0.8)
    c.rect(box_x, box_top - 16 * len(rows) - 6, box_w, 16 * len(rows) + 6)
    yy = box_top - 14
    for name, value in rows:
        bold = name == "Amount due"
        c.setFillColor(GREY)
        c.setFont(FONT, 9)
        c.drawString(box_x + 8, yy, says(name))
        c.setFillColor(colors.black)
        c.setFont(BOLD if bold else FONT, 11 if bold else 9)
        c.drawRightString(box_x + box_w - 8, yy, value)
        yy -= 16
    # mailing block (window envelope)
    y = height - M - 1.25 * inch
    c.setFillColor(colors.black)
    c.setFont(BOLD, 10)
    c.drawString(M + 0.3 * inch, y, b.addressee[:60])
    c.setFont(FONT, 10)
    for part in [p.strip() for p in b.mail_to.split(",", 1)]:
        y -= 13
        c.drawString(M + 0.3 * inch, y, part[:70])
    # service
    y = height - M - 2.35 * inch
    c.setFillColor(INK)
    c.setFont(BOLD, 11)
    c.drawString(M, y, says("Service"))
    c.setFillColor(colors.black)
    c.setFont(FONT, 9)
    period = (
        f"{day(b.period_from)} – {day(b.period_to)}"
        if b.period_from and b.period_to
        else (f"– {day(b.period_to)}" if b.period_to else "")
    )
    estimated = f"  ({says('ESTIMATED READ')})" if b.estimated else ""
    facts = [
        ("Service address", b.service_address),
        ("Meter", f'{b.meter_serial} ({b.meter_size}")' if b.meter_serial else f'{b.meter_size}"'),
        ("Period", period),
        ("Water used", f"{b.consumption} {b.unit}{estimated}"),
    ]
    gap = 1.2 * inch if b.language == "en" else 1.55 * inch  # Spanish labels are longer
    for name, value in facts:
        y -= 13
        c.setFillColor(GREY)
        c.drawString(M, y, says(name))
        c.setFillColor(colors.black)
        c.drawString(M + gap, y, value[:60])
    ry = height - M - 2.35 * inch
    c.setFont(BOLD, 9)
    c.drawString(width / 2 + 0.2 * inch, ry, says("Reads"))
    c.setFont(FONT, 9)
    for on, value, kind in b.reads:
        ry -= 13
        c.drawString(width / 2 + 0.2 * inch, ry, on)
        c.drawRightString(width / 2 + 1.8 * inch, ry, value)
        c.setFillColor(GREY)
        c.drawString(width / 2 + 2.0 * inch, ry, kind)
        c.setFillColor(colors.black)
    # charges
    y -= 26
    c.setFillColor(INK)
    c.setFont(BOLD, 11)
    c.drawString(M, y, says("Charges"))
    y -= 4
    c.setLineWidth(0.4)
    c.line(M, y, width - M, y)
    c.setFillColor(colors.black)
    col_q, col_r, col_a = width - M - 2.6 * inch, width - M - 1.4 * inch, width - M
    for name, qty, rate, cents in b.lines:
        y -= 14
        c.setFont(FONT, 9)
        c.drawString(M, y, name[:70])
        c.drawRightString(col_q, y, qty)
        c.drawRightString(col_r, y, f"${rate}" if rate else "")
        c.drawRightString(col_a, y, _money(cents))
    y -= 6
    c.line(col_q - 40, y, width - M, y)
    for name, cents, bold in (
        ("Current charges", b.current_cents, False),
        ("Balance before this bill", b.previous_balance_cents, False),
        ("Total amount due", b.total_due_cents, True),
    ):
        y -= 14
        c.setFont(BOLD if bold else FONT, 10 if bold else 9)
        c.drawRightString(col_r, y, says(name))
        c.drawRightString(col_a, y, _money(cents))
    if b.note:
        y -= 18
        c.setFont(ITALIC, 9)
        c.drawString(M, y, b.note[:110])
    # a year of use
    _history(c, b, M, 2.9 * inch, width - 2 * M, 1.3 * inch)
    # stub
    cut = 2.05 * inch
    c.setDash(3, 3)
    c.setStrokeColor(GREY)
    c.line(M, cut, width - M, cut)
    c.setDash()
    c.setFont(FONT, 7)
    c.setFillColor(GREY)
    c.drawCentredString(width / 2, cut + 4, says("Detach and return this part with your payment"))
    c.setFillColor(colors.black)
    sy = cut - 22
    c.setFont(BOLD, 11)
    c.drawString(M, sy, b.city.name)
    c.setFont(FONT, 9)
    for name, value in (
        ("Account", b.account_no),
        ("Service address", b.service_address),
        ("Due date", day(b.due_date)),
        ("Amount due", _money(b.total_due_cents)),
        ("Amount paid", "$________________"),
    ):
        sy -= 13
        c.setFillColor(GREY)
        c.drawString(M, sy, says(name))
        c.setFillColor(colors.black)
        c.drawString(M + gap, sy, value[:48])
    if b.stub:
        bar = code128.Code128(b.stub, barHeight=0.55 * inch, barWidth=0.9)
        bar.drawOn(c, width - M - bar.width, cut - 0.95 * inch)
        c.setFont("Courier", 8)
        c.drawRightString(width - M, cut - 1.1 * inch, b.stub)


def _history(c: canvas.Canvas, b: BillDocument, x: float, y: float, w: float, h: float) -> None:
    if not b.history:
        return
    c.setFillColor(INK)
    c.setFont(BOLD, 10)
    heading = label("Your water use, last {n} bills ({unit})", b.language)
    c.drawString(x, y + h + 6, heading.format(n=len(b.history), unit=b.unit))
    top = max(units for _, units in b.history) or 1
    slot = w / max(len(b.history), 1)
    for i, (cycle, units) in enumerate(b.history):
        bar_h = (h - 22) * units / top
        bx = x + i * slot + slot * 0.15
        c.setFillColor(INK if i == len(b.history) - 1 else colors.HexColor("#9db3cf"))
        c.rect(bx, y + 12, slot * 0.7, bar_h, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont(FONT, 7)
        c.drawCentredString(bx + slot * 0.35, y + 14 + bar_h, str(units))
        c.drawCentredString(bx + slot * 0.35, y + 2, cycle[2:])


def render_bill(bill: BillDocument) -> bytes:
    buf = io.BytesIO()
    render_bills([bill], buf)
    return buf.getvalue()


def render_bills(bills, target, progress=None) -> int:
    """Bills one to a page into `target` (a path or a binary file); progress(done, total).
    In DejaVu Sans (documents/fonts.py): any name and every Spanish letter prints."""
    register()
    c = canvas.Canvas(target, pagesize=letter, invariant=1, initialFontName=FONT)  # type: ignore[arg-type]  # the stubs say float
    c.setTitle("Water and sewer bills" if len(bills) != 1 else f"Bill {bills[0].bill_no}")
    total = len(bills)
    for i, b in enumerate(bills, 1):
        _draw_bill(c, b)
        c.showPage()
        if progress is not None:
            progress(i, total)
    c.save()
    return total
