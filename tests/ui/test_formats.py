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
