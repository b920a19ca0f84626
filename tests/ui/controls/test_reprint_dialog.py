"""The Reprint screen driven offscreen with pytest-qt: find, preview, print, PDF, faults."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counterpos.ui.controls.reprint_dialog import ReprintDialog
from tests.printing_support import closed_port, five_line_sale, set_setting

pytestmark = pytest.mark.gui


@pytest.fixture
def sale(station, cashier, drawer):
    set_setting(station, "printer.url", "preview:")
    return five_line_sale(station, cashier, drawer)


@pytest.fixture
def dialog(qtbot, station, cashier):
    d = ReprintDialog(station, cashier)
    qtbot.addWidget(d)
    d.show()
    return d


def test_scan_a_number_preview_and_print(qtbot, dialog, station, sale):
    qtbot.keyClicks(dialog.number, sale.receipt_no)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)  # what a barcode scanner sends
    assert dialog.results.rowCount() == 1
    assert dialog.selected_receipt() == sale.receipt_no
    assert "REPRINT #1" in dialog.preview.toPlainText()
    assert "Peñita" in dialog.preview.toPlainText()
    with qtbot.waitSignal(dialog.job_finished, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True, f"Receipt {sale.receipt_no} reprinted (REPRINT #1)."]
    assert dialog.status.text() == blocker.args[1]
    assert "REPRINT #2" in dialog.preview.toPlainText()  # the next copy
    assert (station.home / "preview" / f"{sale.receipt_no}-reprint-1.png").exists()


def test_find_by_customer_and_amount_then_save_pdf(qtbot, dialog, sale, tmp_path):
    dialog.customer.setText("Villaseñor")  # QTest.keyClicks takes ASCII only
    qtbot.keyClicks(dialog.amount, "186.25")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.results.rowCount() == 1
    assert dialog.results.item(0, 3).text() == "$186.25"
    out = tmp_path / "copy.pdf"
    with qtbot.waitSignal(dialog.job_finished, timeout=10000) as blocker:
        dialog.save_pdf_to(out)
    assert blocker.args[0] is True
    assert "REPRINT #1" in PdfReader(str(out)).pages[0].extract_text()


def test_bad_amount_and_no_match_are_plain_messages(qtbot, dialog, sale):
    qtbot.keyClicks(dialog.amount, "12.345")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert "at most two decimals" in dialog.status.text()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.number, "CH9-999999")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.results.rowCount() == 0
    assert dialog.status.text() == "No receipt matches."
    assert not dialog.print_button.isEnabled()


def test_printer_fault_shows_the_message_and_unlocks(qtbot, dialog, station, sale):
    port = closed_port()
    set_setting(station, "printer.url", f"tcp://127.0.0.1:{port}")
    qtbot.keyClicks(dialog.number, sale.receipt_no)
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.job_finished, timeout=10000) as blocker:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    ok, message = blocker.args
    assert not ok
    assert message == (
        f"Receipt {sale.receipt_no} was not reprinted. The printer at 127.0.0.1:{port} "
        "refused the connection. Fix it and try again."
    )
    assert dialog.status.text() == message and dialog.print_button.isEnabled()
