"""The receipt as a printer-independent document, and its plain-text rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from counterpos.domain.money import Money


@dataclass(frozen=True, slots=True)
class ReceiptLine:
    description: str
    amount: Money
    quantity: int = 1
    details: tuple[str, ...] = ()  # "Account 100234", "Permit YS-CH1-000012", "Tag 2026-0456"


@dataclass(frozen=True, slots=True)
class ReceiptTender:
    label: str  # "Cash", "Check", "Money order", "Card"
    amount: Money  # applied to the sale
    detail: str = ""  # "No. 1043, Jane Smith" or "VISA ****4242 auth 123456"
    tendered: Money | None = None  # cash handed over
    change: Money | None = None


@dataclass(frozen=True, slots=True)
class ReceiptDocument:
    city_name: str
    city_address: str
    city_phone: str
    station_code: str
    station_name: str
    cashier: str
    when: datetime  # local time
    receipt_no: str
    lines: tuple[ReceiptLine, ...]
    tenders: tuple[ReceiptTender, ...]
    customer: str = ""
    customer_no: str = ""
    balances: tuple[tuple[str, Money], ...] = ()  # (account no, balance after this payment)
    footer: tuple[str, ...] = ()
    title: str = "RECEIPT"
    reprint_count: int = 0  # 0: the original; n: the n-th reprint
    documents: tuple[str, ...] = ()  # permits, tags, licenses issued with the sale
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def subtotal(self) -> Money:
        return Money(sum(line.amount.cents for line in self.lines))

    @property
    def total(self) -> Money:
        return self.subtotal

    @property
    def change(self) -> Money:
        return Money(sum((t.change or Money(0)).cents for t in self.tenders))

    @property
    def barcode(self) -> str:
        return self.receipt_no


def _pair(left: str, right: str, width: int) -> str:
    room = width - len(right) - 1
    if len(left) > room:
        left = left[: max(room, 0)]
    return f"{left}{' ' * (width - len(left) - len(right))}{right}"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    words, lines, cur = text.split(), [], ""
    for word in words:
        candidate = f"{cur} {word}".strip()
        if len(indent + candidate) <= width:
            cur = candidate
        else:
            if cur:
                lines.append(indent + cur)
            cur = word[: width - len(indent)]
    if cur:
        lines.append(indent + cur)
    return lines


def render_text(doc: ReceiptDocument, width: int = 42) -> list[str]:
    """The receipt as lines of at most `width` characters (the printer's or the preview's)."""
    rule = "-" * width
    out: list[str] = []
    for text in (doc.city_name, doc.city_address, doc.city_phone):
        if text:
            out.extend(t.center(width).rstrip() for t in _wrap(text, width))
    out.append("")
    title = doc.title
    if doc.reprint_count:
        title = f"{title} - REPRINT #{doc.reprint_count}"
    out.append(title.center(width).rstrip())
    out.append(_pair("Receipt", doc.receipt_no, width))
    out.append(_pair("Date", doc.when.strftime("%m/%d/%Y %I:%M %p"), width))
    out.append(_pair("Station", doc.station_code, width))
    out.append(_pair("Cashier", doc.cashier, width))
    if doc.customer:
        out.append(_pair("Customer", doc.customer, width))
    if doc.customer_no:
        out.append(_pair("Customer no.", doc.customer_no, width))
    out.append(rule)
    for line in doc.lines:
        desc = line.description if line.quantity == 1 else f"{line.quantity} x {line.description}"
        wrapped = _wrap(desc, width - 12) or [""]
        out.append(_pair(wrapped[0], line.amount.format(), width))
        out.extend(wrapped[1:])
        for detail in line.details:
            out.extend(_wrap(detail, width, "  "))
    out.append(rule)
    out.append(_pair("Subtotal", doc.subtotal.format(), width))
    out.append(_pair("TOTAL", doc.total.format(), width))
    out.append("")
    for tender in doc.tenders:
        if tender.tendered is not None and tender.tendered != tender.amount:
            out.append(_pair(f"{tender.label} tendered", tender.tendered.format(), width))
        else:
            out.append(_pair(tender.label, tender.amount.format(), width))
        if tender.detail:
            out.extend(_wrap(tender.detail, width, "  "))
    if doc.change:
        out.append(_pair("Change", doc.change.format(), width))
    if doc.balances:
        out.append(rule)
        for account_no, balance in doc.balances:
            label = "Credit" if balance.cents < 0 else "Balance due"
            out.append(_pair(f"{label} {account_no}", Money(abs(balance.cents)).format(), width))
    if doc.documents:
        out.append(rule)
        for d in doc.documents:
            out.extend(_wrap(f"Issued: {d}", width))
    for note in doc.notes:
        out.extend(_wrap(note, width))
    if doc.footer:
        out.append(rule)
        for text in doc.footer:
            out.extend(t.center(width).rstrip() for t in _wrap(text, width))
    out.append("")
    out.append(f"*{doc.receipt_no}*".center(width).rstrip())
    return out
