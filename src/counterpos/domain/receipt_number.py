"""Receipt numbers: `<station code>-<6-digit sequence>`, per station and gap-free."""

from __future__ import annotations

import re

from counterpos.domain.messages import Explained

_STATION = re.compile(r"^[A-Z0-9]{1,12}$")
_RECEIPT = re.compile(r"^([A-Z0-9]{1,12})-([0-9]{6,})$")


class ReceiptNumberError(Explained, ValueError):
    """Text that is not a receipt number."""


def check_station_code(code: str) -> str:
    code = code.strip().upper()
    if not _STATION.match(code):
        raise ReceiptNumberError("A station code is 1 to 12 letters or digits, like CH1.")
    return code


def format_receipt_no(station_code: str, sequence: int) -> str:
    if sequence < 1:
        raise ReceiptNumberError("Receipt sequences start at 1.")
    return f"{station_code}-{sequence:06d}"


def parse_receipt_no(text: str) -> tuple[str, int]:
    match = _RECEIPT.match(text.strip().upper())
    if not match:
        raise ReceiptNumberError(
            "“{text}” is not a receipt number (like CH1-000123).", text=text.strip()
        )
    return match.group(1), int(match.group(2))
