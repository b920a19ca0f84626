"""The receipt as a PDF (reportlab), from the same document the printer gets: 80 mm paper."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from counterpos.documents.fonts import BOLD, FONT, register
from counterpos.domain.document_language import datetime_text
from counterpos.domain.money import Money
from counterpos.domain.receipt_document import TRAINING_MARK, TRAINING_NOTE, ReceiptDocument

PAGE_W = 80 * mm
MARGIN = 5 * mm
BODY = 8
SMALL = 7


class _Flow:
    """Collects draw operations top-down, so the page height can fit the receipt."""

    def __init__(self) -> None:
        self.ops: list[tuple] = []
        self.y = 0.0  # distance from the top, growing downwards

    def text(self, s: str, size=BODY, font=FONT, align="left", indent=0.0) -> None:
        width = PAGE_W - 2 * MARGIN - indent
        for part in simpleSplit(s, font, size, width) or [""]:
            self.y += size * 1.3
            self.ops.append(("text", part, size, font, align, indent, self.y))

    def pair(self, left: str, right: str, size=BODY, font=FONT, indent=0.0) -> None:
        room = PAGE_W - 2 * MARGIN - indent - (len(right) * size * 0.6) - 4
        parts = simpleSplit(left, font, size, room) or [""]
        for part in parts[:-1]:
            self.y += size * 1.3
            self.ops.append(("text", part, size, font, "left", indent, self.y))
        self.y += size * 1.3
        self.ops.append(("text", parts[-1], size, font, "left", indent, self.y))
        self.ops.append(("text", right, size, font, "right", 0.0, self.y))

    def rule(self) -> None:
        self.y += 4
        self.ops.append(("rule", self.y))
        self.y += 1

    def gap(self, h: float = 4) -> None:
        self.y += h

    def barcode(self, value: str) -> None:
        code = Code128(value, barHeight=10 * mm, barWidth=0.9, humanReadable=False)
        self.y += 4
        self.ops.append(("barcode", code, self.y))
        self.y += code.height
        self.text(value, SMALL, align="center")


def _flow(doc: ReceiptDocument, logo: Path | None) -> _Flow:
    f = _Flow()
    if logo is not None and doc.logo and logo.is_file():
        f.y += 18 * mm
        f.ops.append(("image", str(logo), f.y))
    if doc.city_name:
        f.text(doc.city_name, 11, BOLD, "center")
    for s in (doc.city_address, doc.city_phone):
        if s:
            f.text(s, SMALL, align="center")
    f.gap()
    if doc.training:
        f.text(TRAINING_MARK, 18, BOLD, "center")
    f.text(doc.says(doc.title), 11, BOLD, "center")
    if doc.voided:
        f.text(f"*** {doc.says('VOID')} ***", 14, BOLD, "center")
        f.text(doc.voided, SMALL, align="center")
    if doc.reprint_count:
        f.text(doc.reprint_mark, 11, BOLD, "center")
        if doc.reprinted_at:
            when = datetime_text(doc.reprinted_at, doc.language)
            f.text(f"{doc.says('Reprinted')} {when}", SMALL, align="center")
    f.gap(2)
    f.pair(doc.says("Receipt"), doc.receipt_no)
    f.pair(doc.says("Date"), datetime_text(doc.when, doc.language))
    f.pair(
        doc.says("Station"),
        doc.station_code + (f" – {doc.station_name}" if doc.station_name else ""),
    )
    f.pair(doc.says("Cashier"), doc.cashier)
    if doc.customer:
        f.text(doc.says("Customer"))
        f.text(doc.customer, indent=8)
    if doc.customer_no:
        f.pair(doc.says("Customer no."), doc.customer_no)
    f.rule()
    for line in doc.lines:
        desc = line.description if line.quantity == 1 else f"{line.quantity} x {line.description}"
        f.pair(desc, line.amount.format())
        for detail in line.details:
            f.text(detail, SMALL, indent=8)
    f.rule()
    f.pair(doc.says("Subtotal"), doc.subtotal.format())
    f.pair(doc.says("TOTAL"), doc.total.format(), 10, BOLD)
    f.gap()
    for t in doc.tenders:
        if t.tendered is not None and t.tendered != t.amount:
            f.pair(f"{doc.says(t.label)} ({doc.says('tendered')})", t.tendered.format())
        else:
            f.pair(doc.says(t.label), t.amount.format())
        if t.detail:
            f.text(t.detail, SMALL, indent=8)
    if doc.change:
        f.pair(doc.says("Change"), doc.change.format())
    if doc.balances:
        f.rule()
        for account_no, bal in doc.balances:
            what = doc.says("Credit" if bal.cents < 0 else "Balance due")
            f.pair(f"{what} {account_no}", Money(abs(bal.cents)).format())
    if doc.documents:
        f.rule()
        for d in doc.documents:
            f.text(f"{doc.says('Issued')}: {d}")
    for note in doc.notes:
        f.text(note, SMALL)
    if doc.footer:
        f.rule()
        for s in doc.footer:
            f.text(s, SMALL, align="center")
    if doc.training:
        f.gap()
        f.text(TRAINING_MARK, 18, BOLD, "center")
        f.text(TRAINING_NOTE, SMALL, align="center")
    f.barcode(doc.barcode)
    return f


def render_pdf(doc: ReceiptDocument, logo: Path | None = None) -> bytes:
    """One page as tall as the receipt, 80 mm wide; text stays text (searchable, extractable)."""
    register()
    f = _flow(doc, logo)
    height = f.y + 2 * MARGIN
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, height), invariant=1, initialFontName=FONT)  # type: ignore[arg-type]  # the stubs say float
    c.setTitle(f"Receipt {doc.receipt_no}" + (f" {doc.reprint_mark}" if doc.reprint_count else ""))
    c.setAuthor(doc.city_name)
    top = height - MARGIN
    for op in f.ops:
        kind = op[0]
        if kind == "text":
            _, s, size, font, align, indent, y = op
            c.setFont(font, size)
            base = top - y + size * 0.3
            if align == "center":
                c.drawCentredString(PAGE_W / 2, base, s)
            elif align == "right":
                c.drawRightString(PAGE_W - MARGIN, base, s)
            else:
                c.drawString(MARGIN + indent, base, s)
        elif kind == "rule":
            c.setLineWidth(0.5)
            c.setDash(1, 2)
            c.line(MARGIN, top - op[1], PAGE_W - MARGIN, top - op[1])
            c.setDash()
        elif kind == "barcode":
            code, y = op[1], op[2]
            code.drawOn(c, (PAGE_W - code.width) / 2, top - y - code.height)
        elif kind == "image":
            c.drawImage(
                op[1],
                MARGIN,
                top - op[2],
                PAGE_W - 2 * MARGIN,
                16 * mm,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
    c.showPage()
    c.save()
    return buf.getvalue()
