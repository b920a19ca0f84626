"""A certificate, permit or license as a printer-independent document, and its receipt-printer text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Certificate:
    title: str  # "DOG LICENSE", "YARD SALE PERMIT", "BUSINESS LICENSE"
    number_label: str  # "License no.", "Permit no."
    number: str
    holder_label: str  # "Owner", "Address", "Business"
    holder: str
    facts: tuple[tuple[str, str], ...]  # (label, value) in reading order
    valid_from: date | None
    valid_to: date | None
    receipt_no: str
    issued_on: date
    city_name: str
    city_address: str = ""
    city_phone: str = ""
    notice: str = ""  # "Post this permit where it can be seen from the street."
    reprint: bool = False
    # Voided since it was issued: "Voided by CH1-V000123 on 11/30/2026"; every print says VOID.
    voided: str = ""

    @property
    def period(self) -> str:
        if self.valid_from and self.valid_to:
            if self.valid_from == self.valid_to:
                return f"{self.valid_from:%m/%d/%Y}"
            return f"{self.valid_from:%m/%d/%Y} to {self.valid_to:%m/%d/%Y}"
        if self.valid_to:
            return f"until {self.valid_to:%m/%d/%Y}"
        return ""


def render_text(cert: Certificate, width: int = 42) -> list[str]:
    """The short form for the receipt printer (handed over with the tag or posted)."""

    def pair(left: str, right: str) -> list[str]:
        if len(left) + len(right) + 1 <= width:
            return [f"{left}{' ' * (width - len(left) - len(right))}{right}"]
        return [left, *(part.rjust(width) for part in wrap(right, width))]

    out = [cert.city_name.center(width).rstrip(), ""]
    title = cert.title + (" (REPRINT)" if cert.reprint else "")
    out.append(title.center(width).rstrip())
    if cert.voided:
        out.append("*** VOID ***".center(width).rstrip())
        out += [part.center(width).rstrip() for part in wrap(cert.voided, width)]
    out.append("=" * width)
    out += pair(cert.number_label, cert.number)
    out += pair(cert.holder_label, cert.holder)
    for label, value in cert.facts:
        if value:
            out += pair(label, value)
    if cert.period:
        out += pair("Valid", cert.period)
    out += pair("Receipt", cert.receipt_no)
    out += pair("Issued", f"{cert.issued_on:%m/%d/%Y}")
    if cert.notice:
        out.append("-" * width)
        out += wrap(cert.notice, width)
    if cert.voided:
        out.append("=" * width)
        out.append("*** VOID: NOT VALID ***".center(width).rstrip())
    return out


def wrap(text: str, width: int) -> list[str]:
    """Word-wrap to `width`; a word longer than the line is split, never cut off."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return lines
