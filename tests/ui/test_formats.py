"""Every date on screen is MM/DD/YYYY, from one helper."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from counterpos.ui import formats

pytestmark = pytest.mark.gui
UI = Path(formats.__file__).parent


def test_dates_and_times_in_one_format(qapp):
    assert formats.date_text(date(2026, 11, 30)) == "11/30/2026"
    assert formats.datetime_text(datetime(2026, 11, 30, 9, 5)) == "11/30/2026 9:05 AM"
    assert formats.time_text(datetime(2026, 11, 30, 17, 45)) == "5:45 PM"
    assert formats.date_text(None) == ""
    edit = formats.date_edit(date(2026, 11, 30))
    assert edit.displayFormat() == "MM/dd/yyyy" and edit.text() == "11/30/2026"


def test_no_screen_formats_a_date_by_itself():
    for path in UI.rglob("*.py"):
        if path.name == "formats.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert "strftime(" not in source, path
        assert 'setDisplayFormat("' not in source, path


def test_dates_and_times_follow_the_users_language(qapp):
    from counterpos.ui import i18n

    noon, night = datetime(2026, 2, 1, 14, 5), datetime(2026, 2, 1, 0, 30)
    i18n.install(qapp, "es")
    try:
        # Spanish spells the month: 01 feb is never read as January 2nd
        assert formats.date_text(date(2026, 2, 1)) == "01 feb 2026"
        assert formats.datetime_text(noon) == "01 feb 2026 14:05"
        assert formats.time_text(night) == "0:30"
        assert formats.date_text(date(2026, 5, 9)) == "09 may 2026"
        # what the cashier types or edits stays as the services read it
        assert formats.entry_date_text(date(2026, 2, 1)) == "02/01/2026"
        assert formats.date_edit(date(2026, 2, 1)).text() == "02/01/2026"
    finally:
        i18n.install(qapp, "en")
    assert formats.date_text(date(2026, 2, 1)) == "02/01/2026"
    assert formats.datetime_text(noon) == "02/01/2026 2:05 PM"
    assert formats.time_text(night) == "12:30 AM"
    assert formats.entry_date_text(None) == ""
