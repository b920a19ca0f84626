"""How every screen writes a date or a time: one place, so a later localisation changes one file.

For now every date on screen is MM/DD/YYYY (the receipts' and the forms' format) and times are
12-hour with AM/PM.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

DATE = "%m/%d/%Y"
TIME = "%I:%M %p"
QT_DATE = "MM/dd/yyyy"  # the same format for QDateEdit's display
DATE_HINT = "MM/DD/YYYY"  # what a typed date field shows while empty


def date_text(value: date | datetime | None) -> str:
    return value.strftime(DATE) if value is not None else ""


def time_text(value: datetime | None) -> str:
    return value.strftime(TIME).lstrip("0") if value is not None else ""


def datetime_text(value: datetime | None) -> str:
    return f"{date_text(value)} {time_text(value)}" if value is not None else ""


def date_edit(value: date | None = None, parent=None) -> QDateEdit:
    """A date field showing MM/DD/YYYY, with the calendar on its arrow."""
    edit = QDateEdit(parent)
    edit.setDisplayFormat(QT_DATE)
    edit.setCalendarPopup(True)
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def set_date_format(edit: QDateEdit) -> None:
    edit.setDisplayFormat(QT_DATE)
