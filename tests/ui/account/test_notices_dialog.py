"""Notices and letters (ui/account/notices_dialog.py): the run off the GUI thread, the letters
printed in a background job with a progress bar."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counterpos.ui.account.notices_dialog import NoticesDialog
from tests.conftest import login
from tests.ui.account.desk_city import billed_city

pytestmark = pytest.mark.gui


def test_run_then_print_with_progress(qtbot, station, tmp_path):
    billed_city(station, n=4, months=3)
    dlg = NoticesDialog(station, login(station, "sofia"))
    qtbot.addWidget(dlg)
    assert not dlg.print_button.isEnabled()
    qtbot.mouseClick(dlg.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.run_button.isEnabled(), timeout=20_000)
    assert "notices recorded" in dlg.message.text() and dlg.run_id
    seen = []
    dlg.bar.valueChanged.connect(seen.append)
    dlg.print_letters(tmp_path / "letters.pdf")
    qtbot.waitUntil(lambda: dlg.letters_path is not None, timeout=30_000)
    assert dlg.bar.value() == dlg.bar.maximum() > 0 and len(seen) >= 2
    assert len(PdfReader(dlg.letters_path).pages) >= 4
    assert "letters saved" in dlg.message.text()


def test_renewals_from_the_same_screen(qtbot, station):
    dlg = NoticesDialog(station, login(station, "sofia"))
    qtbot.addWidget(dlg)
    dlg.window_days.setValue(45)
    qtbot.mouseClick(dlg.renew_button, Qt.MouseButton.LeftButton)
    assert "Renewal notices recorded" in dlg.message.text() and dlg.print_button.isEnabled()
    dlg_cashier = NoticesDialog(station, login(station, "maria"))
    qtbot.addWidget(dlg_cashier)
    qtbot.mouseClick(dlg_cashier.renew_button, Qt.MouseButton.LeftButton)
    assert "may not send renewal notices" in dlg_cashier.message.text()
