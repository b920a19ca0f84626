"""The till window is the host its parts see: dialogs opened over it, lines said on it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from counterpos.services.sale import catalog
from counterpos.ui.till.host import TillHost

pytestmark = pytest.mark.gui


def test_the_till_window_is_a_till_host(till):
    assert isinstance(till, TillHost)
    assert till.window() is till


def test_a_dialog_is_the_tills_until_it_closes_then_finished_hears_its_result(qtbot, till):
    results: list[int] = []
    dialog = QDialog(till)
    till.show_dialog(dialog, results.append)
    qtbot.waitUntil(dialog.isVisible)
    assert till.dialog is dialog and results == []
    dialog.accept()
    assert till.dialog is None and results == [QDialog.DialogCode.Accepted]
    assert till.picker.hasFocus()


def test_a_line_dialogs_accepted_lines_go_into_the_cart(qtbot, till, station):
    dialog = QDialog(till)
    dialog.lines = [catalog.price_line(station, "passport_photo", quantity=2)]
    till.tell("Saved receipt T1-1.")
    till.open_line_dialog(dialog)
    dialog.accept()
    assert till.state.cart.lines == dialog.lines and till.total.text() == "$30.00"
    assert till.notice.text() == ""


def test_an_account_dialog_says_it_is_done_only_when_accepted(qtbot, till):
    rejected = QDialog(till)
    till.open_account_dialog(rejected, "Service stopped.")
    rejected.reject()
    assert till.dialog is None and till.notice.text() == ""
    accepted = QDialog(till)
    till.open_account_dialog(accepted, "Service stopped.")
    accepted.accept()
    assert till.notice.text() == "Service stopped."


def test_say_tell_and_flash_put_text_where_the_cashier_looks(till):
    till.say("Find the customer first.")
    till.tell("Voided T1-4.")
    till.flash("Receipt printed.")
    assert till.message.text() == "Find the customer first."
    assert till.notice.text() == "Voided T1-4."
    assert till.statusBar().currentMessage() == "Receipt printed."
    till.say("")
    assert till.message.text() == ""
