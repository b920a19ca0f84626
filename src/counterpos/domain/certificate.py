"""A certificate, permit or license as a printer-independent document, and its receipt-printer text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from counterpos.domain.document_language import date_text, label


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
    # "Post this permit where it can be seen from the street."; in "both", the English, a line
    # break, then the Spanish.
    notice: str = ""
    reprint: bool = False
    # Voided since it was issued: "Voided by CH1-V000123 on Nov 30, 2026"; every print says VOID.
    voided: str = ""
    # "en", "es" or "both" (domain/document_language.py): the labels and the dates. The caller
    # gives title, labels and facts in English; they are said in this language when printed.
    language: str = "en"

    def says(self, text: str) -> str:
        return label(text, self.language)

    def day(self, day: date) -> str:
        """A date no reader takes the wrong way round: "Feb 01, 2026" / "01 feb 2026"."""
        return date_text(day, self.language)

    @property
    def period(self) -> str:
        if self.valid_from and self.valid_to:
            if self.valid_from == self.valid_to:
                return self.day(self.valid_from)
            return f"{self.day(self.valid_from)} – {self.day(self.valid_to)}"
        if self.valid_to:
            return f"{self.says('until')} {self.day(self.valid_to)}"
        return ""

    @property
    def notices(self) -> list[str]:
        return [p for p in self.notice.split("\n") if p.strip()]


def render_text(cert: Certificate, width: int = 42) -> list[str]:
    """The short form for the receipt printer (handed over with the tag or posted)."""

    def pair(left: str, right: str) -> list[str]:
        if len(left) + len(right) + 1 <= width:
            return [f"{left}{' ' * (width - len(left) - len(right))}{right}"]
        return [left, *(part.rjust(width) for part in wrap(right, width))]

    says = cert.says
    out = [cert.city_name.center(width).rstrip(), ""]
    title = says(cert.title) + (f" ({says('REPRINT')})" if cert.reprint else "")
    out += [part.center(width).rstrip() for part in wrap(title, width)]
    if cert.voided:
        out.append(f"*** {says('VOID')} ***".center(width).rstrip())
        out += [part.center(width).rstrip() for part in wrap(cert.voided, width)]
    out.append("=" * width)
    out += pair(says(cert.number_label), cert.number)
    out += pair(says(cert.holder_label), cert.holder)
    for name, value in cert.facts:
        if value:
            out += pair(says(name), value)
    if cert.period:
        out += pair(says("Valid"), cert.period)
    out += pair(says("Receipt"), cert.receipt_no)
    out += pair(says("Issued"), cert.day(cert.issued_on))
    if cert.notices:
        out.append("-" * width)
        for paragraph in cert.notices:
            out += wrap(paragraph, width)
    if cert.voided:
        out.append("=" * width)
        out += [
            part.center(width).rstrip()
            for part in wrap(f"*** {says('VOID')}: {says('NOT VALID')} ***", width)
        ]
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
