"""How every screen writes a date or a time: one place, in the signed-in user's language.

A date shown on screen is written as the services' messages write theirs (`domain/messages.py`,
its format a message id of resources/i18n/messages_<lang>.po): MM/DD/YYYY and 12-hour times in
English; in Spanish the month spelled ("30 nov 2026") and 24-hour times, so a reader used to
day-first dates cannot take 02/01 the wrong way round. A date the cashier types or edits stays
MM/DD/YYYY in every language (`entry_date_text`, `date_edit`): the services read it so. Money
needs nothing here: the counter is in the United States, and Spanish there writes $1,234.56 too.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from counterpos.domain.messages import CLOCK, DAY, day_text

DATE = "%m/%d/%Y"  # a date typed or edited, in every language
QT_DATE = "MM/dd/yyyy"  # the same format for QDateEdit's display
DATE_HINT = "MM/DD/YYYY"  # what a typed date field shows while empty


def date_text(value: date | datetime | None) -> str:
    """A date to read, in the language in use: 11/30/2026, 30 nov 2026."""
    return day_text(value, DAY) if value is not None else ""


def entry_date_text(value: date | None) -> str:
    """A date put into a field the cashier may edit: MM/DD/YYYY, as the services read it."""
    return value.strftime(DATE) if value is not None else ""


def time_text(value: datetime | None) -> str:
    """A time of day in the language in use: 9:05 AM, 9:05."""
    if value is None:
        return ""
    text = day_text(value, CLOCK)
    return text[1:] if text[:1] == "0" and text[1:2].isdigit() else text  # 9:05, not 09:05


def log_time_text(value: datetime) -> str:
    """A time to the second, as the log file stamps its lines (to find the one it points to)."""
    return value.strftime("%H:%M:%S")


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
