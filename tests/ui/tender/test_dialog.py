"""GUI: the receipt the tender dialog shows is the one it hands on for printing, read back once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.cart import Cart
from counterpos.domain.receipt_document import render_text
from counterpos.services.sale import catalog, receipts
from counterpos.ui.tender.dialog import TenderDialog

pytestmark = pytest.mark.gui


def test_the_receipt_on_screen_is_the_one_handed_on(qtbot, drive, styled, station, cashier, drawer):
    cart = Cart()
    cart.add(catalog.price_line(station, "passport_photo", quantity=3))  # 3 x $15.00
    dialog = TenderDialog(station, cashier, drawer.session_id, cart)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    handed = []
    dialog.sale_saved.connect(handed.append)
    dialog.payment_page.amount.editor.clear()
    drive.type(dialog.payment_page.amount.editor, "50.00")
    drive.press(dialog.payment_page.amount.editor, Qt.Key.Key_Return)
    [done] = handed
    assert done is dialog.completed and done.receipt is not None
    assert dialog.receipt_lines == render_text(done.receipt)
    assert render_text(done.receipt) == render_text(
        receipts.receipt_document(station, done.receipt_no)
    )
    assert any("$5.00" in line for line in dialog.receipt_lines)  # the change
