"""The words and dates of customer documents (receipts, VOID and refund slips) per language.

A document is in "en", "es" or "both" (English / Spanish on each label). Dates on customer
documents spell the month, so no reader takes 01/02 the wrong way round: "Feb 01, 2026" in
English, "01 feb 2026" in Spanish.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("en", "es", "both")

SPANISH: dict[str, str] = {
    "RECEIPT": "RECIBO",
    "VOID": "ANULACIÓN",
    "REFUND": "REEMBOLSO",
    "REPRINT": "REIMPRESIÓN",
    "Reprinted": "Reimpreso",
    "Receipt": "Recibo",
    "Date": "Fecha",
    "Station": "Estación",
    "Cashier": "Cajero",
    "Customer": "Cliente",
    "Customer no.": "N.º de cliente",
    "Subtotal": "Subtotal",
    "TOTAL": "TOTAL",
    "tendered": "entregado",
    "Change": "Cambio",
    "Credit": "Crédito",
    "Balance due": "Saldo pendiente",
    "Issued": "Emitido",
    "Cash": "Efectivo",
    "Check": "Cheque",
    "Money order": "Giro postal",
    "Card": "Tarjeta",
    "Account": "Cuenta",
    "nothing on this receipt is paid or valid.": "nada de este recibo está pagado ni es válido.",
}

_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"),
}


def label(text: str, language: str) -> str:
    """A document's label in `language`; "both" gives "Receipt / Recibo"."""
    spanish = SPANISH.get(text, text)
    if language == "es":
        return spanish
    if language == "both" and spanish != text:
        return f"{text} / {spanish}"
    return text


def either(english: str, spanish: str, language: str) -> str:
    """A text given in both languages (a service's name), as `language` wants it."""
    spanish = spanish or english
    if language == "es":
        return spanish
    if language == "both" and spanish != english:
        return f"{english} / {spanish}"
    return english


def date_text(day: date, language: str) -> str:
    """ "Feb 01, 2026" (English, both) or "01 feb 2026" (Spanish): never 02/01/2026."""
    if language == "es":
        return f"{day.day:02d} {_MONTHS['es'][day.month - 1]} {day.year}"
    return f"{_MONTHS['en'][day.month - 1]} {day.day:02d}, {day.year}"


def datetime_text(when: datetime, language: str) -> str:
    """The date as `date_text`, then the time: 2:05 PM in English, 14:05 in Spanish."""
    if language == "es":
        return f"{date_text(when, language)} {when:%H:%M}"
    return f"{date_text(when, language)} {when:%I:%M %p}"
