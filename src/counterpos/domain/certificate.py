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
        return [left, right.rjust(width)[-width:]]

    out = [cert.city_name.center(width).rstrip(), ""]
    title = cert.title + (" (REPRINT)" if cert.reprint else "")
    out.append(title.center(width).rstrip())
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
        words, line = cert.notice.split(), ""
        for word in words:
            if len(line) + len(word) + 1 > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        if line:
            out.append(line)
    return out
