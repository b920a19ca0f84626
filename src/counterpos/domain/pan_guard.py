"""Card-number guard: finds 13–19 digit card numbers in free text, however they are written.

What it finds, in any text:

- a run of 13 to 19 digits, written plainly or in groups split by single spaces or dashes,
  that passes the Luhn check (as before: any such number, whatever its first digits);
- a card number hidden in any other way: digits of any script (full-width, Arabic-Indic, ...),
  split by any separators (no-break and other spaces, tabs, newlines, several spaces, dots,
  slashes, other dashes, invisible format characters) or inside a longer run of digits. Such a
  stretch is a card number when it starts with a card network's issuer number (IIN), has that
  network's length and passes the Luhn check.

A field that legitimately holds long digit runs (a transit card number, a parcel tracking
number, a check's MICR line) is declared with its own format (`declared_ok`): a value proving
that format is accepted; anything else is scanned like free text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

REFUSAL = (
    "{label} looks like a card number. Never type card numbers into CounterPOS: "
    "run the card on the terminal instead."
)
MASK = "[card number removed]"

# Quick first test on ASCII text: 13 digits somewhere, whatever lies between them.
_THIRTEEN = re.compile(r"(?:[^0-9]*[0-9]){13}")
# After normalising (see _normalise): digits, the classic separators (one space, one dash) and
# other separators (marked "~"); anything else ends a run.
_RUN = re.compile(r"[0-9](?:[ \-~]*[0-9])*")
_GROUP = re.compile(r"[0-9]+")
# ASCII separators beyond one space or dash: whitespace, dots, slashes, underscores.
_OTHER_SEPARATORS = "\t\n\r\v\f./\\_"
_ASCII_MAP = str.maketrans({c: "~" for c in _OTHER_SEPARATORS})
# The second quick test on ASCII text: a run (as _RUN finds it after _normalise) of at least 13
# digits, the shortest a card number has. Text without one holds no card number.
_LONG_ASCII_RUN = re.compile(r"[0-9](?:[ \-~\t\n\r\v\f./\\_]*[0-9]){12}")
_SEPARATOR_CATEGORIES = ("Zs", "Zl", "Zp", "Cf", "Cc", "Pd")
# A UUID (the ids of every row; 8-4-4-4-12 hex digits) is never a card number, though its groups
# are sometimes all digits.
_UUID = re.compile(
    r"(?<![0-9A-Za-z])[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}(?![0-9A-Za-z])"
)
_SEPARATOR_EXTRA = "．。｡／＼＿・·•"


class CardNumberFound(ValueError):
    """A value holds a card number; the message says so plainly and names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# The class raised by `refuse` (services/errors.py registers one the till and CLI show plainly).
_error_class: type[CardNumberFound] = CardNumberFound


def use_error_class(cls: type[CardNumberFound]) -> None:
    """Raise `cls` (a subclass of CardNumberFound) when a value is refused."""
    global _error_class
    _error_class = cls


def refuse(label: str, field: str | None = None) -> CardNumberFound:
    """The error to raise for a card number found in the field `label` describes."""
    return _error_class(refusal(label), field)


# Each digit doubled, less 9 when over 9: still one digit, so a translation does the work.
_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn_ok(digits: str) -> bool:
    """True when the digit string passes the Luhn check."""
    if not digits.isascii() or not digits.isdigit():
        return False
    rev = digits[::-1]
    total = sum(map(int, rev[0::2])) + sum(map(int, rev[1::2].translate(_DOUBLED)))
    return total % 10 == 0


@lru_cache(maxsize=8192)
def network_lengths(digits: str) -> tuple[int, ...]:
    """The lengths a card number starting with `digits` (at least 6 of them) has, when those
    first digits are a card network's issuer number (IIN); () when they are none."""
    p1 = digits[0]
    p2, p3, p4, p6 = int(digits[:2]), int(digits[:3]), int(digits[:4]), int(digits[:6])
    out: set[int] = set()
    if p1 == "4":  # Visa, Visa Electron
        out |= {13, 16, 19}
    if 51 <= p2 <= 55 or 2221 <= p4 <= 2720:  # Mastercard
        out.add(16)
    if p2 in (34, 37):  # American Express
        out.add(15)
    if p4 == 6011 or 644 <= p3 <= 649 or p2 == 65:  # Discover
        out |= {16, 17, 18, 19}
    if p2 == 62 or 3528 <= p4 <= 3589 or 2200 <= p4 <= 2204:  # UnionPay, JCB, Mir
        out |= {16, 17, 18, 19}
    if 300 <= p3 <= 305 or p4 == 3095 or p2 in (36, 38, 39):  # Diners Club
        out |= {14, 15, 16, 17, 18, 19}
    if p4 in (5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763):  # Maestro
        out |= set(range(13, 20))
    if p2 in (60, 81, 82) or p3 == 508 or p4 == 9792:  # RuPay, Troy
        out.add(16)
    if 506099 <= p6 <= 506198 or 650002 <= p6 <= 650027:  # Verve
        out |= {16, 18, 19}
    return tuple(sorted(out))


def is_payment_card(digits: str) -> bool:
    """True when the whole digit string is a card number: a network's IIN, its length, Luhn."""
    return 13 <= len(digits) <= 19 and len(digits) in network_lengths(digits) and luhn_ok(digits)


def _normalise(text: str) -> str:
    """The text with every digit of any script as an ASCII digit and every separator other than
    one space or one dash as "~", character for character (positions are kept)."""
    if text.isascii():
        return text.translate(_ASCII_MAP)
    out = []
    for ch in text:
        if ch.isascii():
            out.append("~" if ch in _OTHER_SEPARATORS else ch)
            continue
        d = unicodedata.digit(ch, None)
        if d is not None:
            out.append(chr(48 + d))
        elif (
            ch.isspace()
            or ch in _SEPARATOR_EXTRA
            or unicodedata.category(ch) in _SEPARATOR_CATEGORIES
        ):
            out.append("~")
        else:
            out.append("x")
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Run:
    digits: str
    # per group of digits: (first digit index, end digit index, where it starts in the text)
    groups: tuple[tuple[int, int, int], ...]
    # per group: plain ASCII digits, joined to the next group by one space or one dash
    plain: tuple[bool, ...]
    joined: tuple[bool, ...]

    def position(self, k: int) -> int:
        """Where the run's k-th digit stands in the text."""
        for first, end, start in self.groups:
            if first <= k < end:
                return start + k - first
        raise IndexError(k)


def _runs(text: str) -> Iterator[_Run]:
    norm = _normalise(text)
    if "-" in norm:
        norm = _UUID.sub(lambda m: "x" * len(m.group()), norm)
    for m in _RUN.finditer(norm):
        chunk = m.group()
        digits = "".join(_GROUP.findall(chunk))
        if len(digits) < 13:
            continue
        groups: list[tuple[int, int, int]] = []
        plain: list[bool] = []
        joined: list[bool] = []
        n = prev_end = 0
        for g in _GROUP.finditer(chunk):
            a, b = m.start() + g.start(), m.start() + g.end()
            if groups:
                joined.append(a - prev_end == 1 and text[prev_end] in " -")
            groups.append((n, n + b - a, a))
            plain.append(text[a:b].isascii())
            n += b - a
            prev_end = b
        joined.append(False)
        yield _Run(digits, tuple(groups), tuple(plain), tuple(joined))


def _spans_in_run(run: _Run) -> Iterator[tuple[int, int]]:
    """Digit-index spans [a, b) of the run that are card numbers."""
    digits = run.digits
    gs = run.groups
    # As ever: any Luhn-valid stretch of whole groups of 13 to 19 plain digits, written plainly
    # or split by single spaces or dashes.
    for i in range(len(gs)):
        for j in range(i, len(gs)):
            if not run.plain[j] or (j > i and not run.joined[j - 1]):
                break
            a, b = gs[i][0], gs[j][1]
            if b - a > 19:
                break
            if b - a >= 13 and luhn_ok(digits[a:b]):
                yield a, b
    # Anywhere in the run, however written: a network's number of its own length.
    n = len(digits)
    for a in range(n - 12):
        for length in network_lengths(digits[a : a + 6]):
            b = a + length
            if b <= n and luhn_ok(digits[a:b]):
                yield a, b


def may_hold_card_number(text: str) -> bool:
    """The cheap first test: does the text hold at least 13 digits (of any script)?"""
    if len(text) < 13:
        return False
    if text.isascii():
        return _THIRTEEN.match(text) is not None
    return sum(map(str.isdigit, text)) >= 13


def card_spans(text: str) -> list[tuple[int, int]]:
    """Character spans [start, end) of `text` holding a card number, in order: each is the
    whole run of digits the number was found in (what is left of a run cut in two could read
    as a number again; an expiry written next to the number goes with it)."""
    if not text or not may_hold_card_number(text):
        return []
    spans = []
    for run in _runs(text):
        if next(_spans_in_run(run), None) is not None:
            spans.append((run.position(0), run.position(len(run.digits) - 1) + 1))
    return spans


def contains_card_number(text: str) -> bool:
    """True when the text holds something that could be a full card number."""
    if not text or not may_hold_card_number(text):
        return False
    if text.isascii() and _LONG_ASCII_RUN.search(text) is None:
        return False  # 13 digits, but never 13 in one run: a memo's amounts and numbers
    return any(next(_spans_in_run(run), None) for run in _runs(text))


def scrub(text: str, mask: str = MASK) -> str:
    """The text with every possible card number replaced by `mask`."""
    spans = card_spans(text)
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


# -- fields that legitimately hold long digit runs -------------------------------------------


def digits_only(text: str) -> str:
    """The text's digits (any script, as ASCII), everything else dropped."""
    norm = _normalise(text)
    return "".join(ch for ch in norm if "0" <= ch <= "9")


def _compact(text: str) -> str:
    return re.sub(r"[ \-~]", "", _normalise(text.strip())).upper()


def _usps_ok(digits: str) -> bool:
    """USPS barcode (IMpb / GS1-128): mod 10 check digit, weights 3 and 1 from the right."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _s10_ok(code: str) -> bool:
    """UPU S10 international item (two letters, 8 digits, a check digit, country)."""
    body, check = code[2:10], int(code[10])
    total = sum(int(d) * w for d, w in zip(body, (8, 6, 4, 2, 3, 5, 9, 7), strict=True))
    c = 11 - total % 11
    return check == {10: 0, 11: 5}.get(c, c)


def _ups_ok(code: str) -> bool:
    """UPS 1Z numbers: letters count as (ord - 63) % 10; the last character checks the rest."""
    body, check = code[2:-1], code[-1]
    if not check.isdigit():
        return False
    values = [int(c) if c.isdigit() else (ord(c) - 63) % 10 for c in body]
    total = sum(v * (2 if i % 2 else 1) for i, v in enumerate(values))
    return (10 - total % 10) % 10 == int(check)


def tracking_number_ok(text: str) -> bool:
    """A parcel tracking number of a carrier's own format, its check digit right: USPS (20 or
    22 digits, or 26 to 34 with the ZIP routing prefix 420), UPU S10 (international post), UPS
    (1Z...), FedEx (12 or 15 digits that are not a card number)."""
    code = _compact(text)
    if re.fullmatch(r"[0-9]{20}|9[0-9]{21}", code):
        return _usps_ok(code)
    m = re.fullmatch(r"420([0-9]{5}|[0-9]{9})([0-9]{20,22})", code)
    if m:
        return _usps_ok(m.group(2))
    if re.fullmatch(r"[A-Z]{2}[0-9]{9}[A-Z]{2}", code):
        return _s10_ok(code)
    if re.fullmatch(r"1Z[0-9A-Z]{16}", code):
        return _ups_ok(code)
    if re.fullmatch(r"[0-9]{12}|[0-9]{15}", code):
        return not is_payment_card(code)
    return False


def transit_card_ok(text: str) -> bool:
    """A transit card number: 8 to 16 digits, numbered per ISO/IEC 7812 by its agency, so it
    is refused only when its first digits are a payment card network's (and it is of that
    network's length and passes Luhn)."""
    code = _compact(text)
    return re.fullmatch(r"[0-9]{8,16}", code) is not None and not is_payment_card(code)


def _aba_ok(routing: str) -> bool:
    d = [int(c) for c in routing]
    return sum(x * w for x, w in zip(d, (3, 7, 1) * 3, strict=True)) % 10 == 0


def micr_line_ok(text: str) -> bool:
    """A check's MICR line: the transit field (9-digit routing number, ABA check digit, between
    transit symbols ⑆ or 'T'), then the on-us field (account and check number, with on-us
    symbols ⑈ or 'O' and dashes ⑉); the account may not be a card number."""
    line = text.strip().upper().replace("⑆", "T").replace("⑈", "O").replace("⑉", "-")
    m = re.fullmatch(
        r"T?([0-9]{9})T\s*([0-9 \-]{1,20})O\s*([0-9]{1,10})?\s*(?:O\s*[0-9]{1,10})?", line
    )
    if m is None:
        m = re.fullmatch(r"(?:O?([0-9]{1,10})O\s*)?T([0-9]{9})T\s*([0-9 \-]{1,20})O?", line)
        if m is None:
            return False
        routing, account = m.group(2), m.group(3)
    else:
        routing, account = m.group(1), m.group(2)
    account_digits = re.sub(r"[ \-]", "", account)
    return _aba_ok(routing) and not is_payment_card(account_digits)


FORMATS = {
    "transit_card": transit_card_ok,
    "tracking_number": tracking_number_ok,
    "micr_line": micr_line_ok,
}


def declared_ok(kind: str, text: str) -> bool:
    """True when a value of a field declared as `kind` may be kept: it proves its own format,
    or, failing that, holds no card number at all."""
    return FORMATS[kind](text) or not contains_card_number(text)
