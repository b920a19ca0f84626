"""Card-number guard: finds 13–19 digit Luhn-valid numbers in free text, to refuse or scrub them."""

from __future__ import annotations

import re

# Cheap first test: at least 13 digits in a row, single spaces or dashes allowed between them.
_THIRTEEN = re.compile(r"[0-9](?:[ -]?[0-9]){12}")
# A run of digits with single spaces or dashes between them.
_RUN = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9])*(?![0-9])")

REFUSAL = (
    "{label} looks like a card number. Never type card numbers into CounterPOS: "
    "run the card on the terminal instead."
)
MASK = "[card number removed]"


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check."""
    if not digits.isdigit():
        return False
    total = 0
    for pos, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if pos % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _card_spans(text: str) -> list[tuple[int, int]]:
    """Spans of `text` holding a 13–19 digit Luhn-valid number (spaces or dashes allowed).

    A run of digit groups ("4111 1111 1111 1111 1225") is tried as every stretch of whole
    groups that holds 13 to 19 digits, so a card number followed by an expiry is still found.
    """
    spans: list[tuple[int, int]] = []
    for run in _RUN.finditer(text):
        groups = [
            (m.start() + run.start(), m.end() + run.start(), m.group())
            for m in re.finditer(r"[0-9]+", run.group())
        ]
        best: tuple[int, int] | None = None
        for i in range(len(groups)):
            digits = ""
            for j in range(i, len(groups)):
                digits += groups[j][2]
                if len(digits) > 19:
                    break
                if len(digits) >= 13 and luhn_ok(digits):
                    span = (groups[i][0], groups[j][1])
                    if best is None or span[1] - span[0] > best[1] - best[0]:
                        best = span
        if best is not None:
            spans.append(best)
    return spans


def contains_card_number(text: str) -> bool:
    """True when the text holds something that could be a full card number."""
    if not text or not _THIRTEEN.search(text):
        return False
    return bool(_card_spans(text))


def scrub(text: str, mask: str = MASK) -> str:
    """The text with every possible card number replaced by `mask`."""
    if not text or not _THIRTEEN.search(text):
        return text
    spans = _card_spans(text)
    if not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append(mask)
        last = b
    out.append(text[last:])
    return "".join(out)


def refusal(label: str) -> str:
    """The message a cashier sees when a field holds a card number."""
    return REFUSAL.format(label=label or "This field")
