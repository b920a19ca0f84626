"""The receipt as a printer-independent document, and its plain-text rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from counterpos.domain.document_language import datetime_text, label
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
    logo: bool = False  # print the city's logo where the printer can print images
    reprinted_at: datetime | None = None  # local time of this reprint, when it is one
    language: str = "en"  # "en", "es" or "both" (domain/document_language.py)
    training: bool = False  # printed by a training store: TRAINING, not a real record
    # A sale voided since: "Voided by CH1-V000123 on Nov 30, 2026"; every print of it says VOID.
    voided: str = ""

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
        """What the barcode / QR code holds: the receipt number, so a scan brings it back."""
        return self.receipt_no

    @property
    def reprint_mark(self) -> str:
        if not self.reprint_count:
            return ""
        return f"{label('REPRINT', self.language)} #{self.reprint_count}"

    def says(self, text: str) -> str:
        """One of the document's labels in its language."""
        return label(text, self.language)


TRAINING_MARK = "TRAINING"
TRAINING_NOTE = "Training only: no money was taken and nothing was recorded."
VOID_NOTE = "nothing on this receipt is paid or valid."


# Row styles: "text" plain, "center", "bold" (emphasised), "big" (centered, double
# width and height: half as many characters fit), "rule", "barcode" (text is the code's value),
# "blank".
@dataclass(frozen=True, slots=True)
class Row:
    text: str
    style: str = "text"


def _pair(left: str, right: str, width: int) -> list[str]:
    """Left text and a right-aligned value on one line; a left text too long wraps above."""
    room = width - len(right) - 1
    if len(left) <= room:
        return [f"{left}{' ' * (width - len(left) - len(right))}{right}"]
    words = _wrap(left, max(room, 1))
    if len(words[-1]) <= room and len(words) > 1:
        last = words[-1]
        return words[:-1] + [f"{last}{' ' * (width - len(last) - len(right))}{right}"]
    return _wrap(left, width) + [right.rjust(width)]


def _labelled(label: str, value: str, width: int) -> list[str]:
    """`Label      value`; a value too long for the line goes on its own lines below the label."""
    if len(label) + 1 + len(value) <= width:
        return [f"{label}{' ' * (width - len(label) - len(value))}{value}"]
    return [label] + _wrap(value, width, "  ")


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    """Word-wrap; a word longer than the line is split, never cut off."""
    room = max(width - len(indent), 1)
    lines: list[str] = []
    cur = ""
    for word in text.split():
        while len(word) > room:
            if cur:
                lines.append(indent + cur)
                cur = ""
            lines.append(indent + word[:room])
            word = word[room:]
        candidate = f"{cur} {word}" if cur else word
        if len(candidate) <= room:
            cur = candidate
        else:
            lines.append(indent + cur)
            cur = word
    if cur:
        lines.append(indent + cur)
    return lines


def wrap_text(text: str, width: int, indent: str = "") -> list[str]:
    """Word-wrap `text` to `width` characters (public form of the layout's wrapper)."""
    return _wrap(text, width, indent)


def layout(doc: ReceiptDocument, width: int = 42) -> list[Row]:
    """The receipt as styled rows for a `width`-character printer (ESC/POS, preview, text)."""
    out: list[Row] = []

    def add(texts: list[str], style: str = "text") -> None:
        out.extend(Row(t, style) for t in texts)

    half = max(width // 2, 1)
    if doc.city_name:
        add(_wrap(doc.city_name, half), "big")
    for text in (doc.city_address, doc.city_phone):
        if text:
            add(_wrap(text, width), "center")
    out.append(Row("", "blank"))
    if doc.training:
        add([TRAINING_MARK], "big")
    add(_wrap(doc.says(doc.title), half), "big")
    if doc.voided:
        add([f"*** {doc.says('VOID')} ***"], "big")
        add(_wrap(doc.voided, width), "center")
    if doc.reprint_count:
        add(_wrap(doc.reprint_mark, half), "big")
        if doc.reprinted_at:
            when = datetime_text(doc.reprinted_at, doc.language)
            add(_wrap(f"{doc.says('Reprinted')} {when}", width), "center")
    add(_labelled(doc.says("Receipt"), doc.receipt_no, width))
    add(_labelled(doc.says("Date"), datetime_text(doc.when, doc.language), width))
    add(_labelled(doc.says("Station"), doc.station_code, width))
    add(_labelled(doc.says("Cashier"), doc.cashier, width))
    if doc.customer:
        add(_labelled(doc.says("Customer"), doc.customer, width))
    if doc.customer_no:
        add(_labelled(doc.says("Customer no."), doc.customer_no, width))
    out.append(Row("-" * width, "rule"))
    for line in doc.lines:
        desc = line.description if line.quantity == 1 else f"{line.quantity} x {line.description}"
        add(_pair(desc, line.amount.format(), width))
        for detail in line.details:
            add(_wrap(detail, width, "  "))
    out.append(Row("-" * width, "rule"))
    add(_pair(doc.says("Subtotal"), doc.subtotal.format(), width))
    add(_pair(doc.says("TOTAL"), doc.total.format(), width), "bold")
    out.append(Row("", "blank"))
    for tender in doc.tenders:
        if tender.tendered is not None and tender.tendered != tender.amount:
            what = f"{doc.says(tender.label)} ({doc.says('tendered')})"
            add(_pair(what, tender.tendered.format(), width))
        else:
            add(_pair(doc.says(tender.label), tender.amount.format(), width))
        if tender.detail:
            add(_wrap(tender.detail, width, "  "))
    if doc.change:
        add(_pair(doc.says("Change"), doc.change.format(), width))
    if doc.balances:
        out.append(Row("-" * width, "rule"))
        for account_no, balance in doc.balances:
            what = doc.says("Credit" if balance.cents < 0 else "Balance due")
            add(_pair(f"{what} {account_no}", Money(abs(balance.cents)).format(), width))
    if doc.documents:
        out.append(Row("-" * width, "rule"))
        for d in doc.documents:
            add(_wrap(f"{doc.says('Issued')}: {d}", width))
    for note in doc.notes:
        add(_wrap(note, width))
    if doc.footer:
        out.append(Row("-" * width, "rule"))
        for text in doc.footer:
            add(_wrap(text, width), "center")
    if doc.voided:
        out.append(Row("", "blank"))
        add([f"*** {doc.says('VOID')} ***"], "big")
        add(_wrap(f"{doc.voided}: {doc.says(VOID_NOTE)}", width), "center")
    if doc.training:
        out.append(Row("", "blank"))
        add([TRAINING_MARK], "big")
        add(_wrap(TRAINING_NOTE, width), "center")
    out.append(Row("", "blank"))
    out.append(Row(doc.barcode, "barcode"))
    return out


def render_text(doc: ReceiptDocument, width: int = 42) -> list[str]:
    """The receipt as lines of at most `width` characters (the printer's or the preview's)."""
    lines: list[str] = []
    for row in layout(doc, width):
        if row.style in ("center", "big"):
            lines.append(row.text.center(width).rstrip())
        elif row.style == "barcode":
            lines.append(f"*{row.text}*".center(width).rstrip())
        else:
            lines.append(row.text)
    return lines
