"""A bill stub scanned into the till's lookup opens its utility payment; a bad scan is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from counterpos.domain.bill_stub import make_stub
from counterpos.domain.money import Money
from counterpos.services.clock import local_today

pytestmark = pytest.mark.gui

K = Qt.Key


def test_a_scanned_bill_stub_opens_the_payment_with_the_amount_due(
    qtbot, drive, till, station, owing
):
    stub = make_stub(owing["account_no"], Money(4_321), local_today() + timedelta(days=9))
    drive.type(till.lookup.box, stub)
    drive.press(till.lookup.box, K.Key_Return)  # the scanner's Enter
    qtbot.waitUntil(lambda: till.dialog is not None and till.dialog.isVisible())
    form = till.dialog
    assert form.service.code == "utility_payment"
    assert form.value("account_no") == owing["account_no"]
    assert form.value("amount") == "43.21"
    assert till.panel.panel.customer_id == owing["id"]
    drive.press(form.fields["amount"].editor, K.Key_Return)
    assert (
        till.total.text() == "$43.21" and till.state.cart.lines[0].account_no == owing["account_no"]
    )


def test_a_bad_scan_is_refused_plainly(qtbot, drive, till, owing):
    stub = make_stub(owing["account_no"], Money(4_321), local_today())
    bad = stub[:-1] + str((int(stub[-1]) + 1) % 10)
    drive.type(till.lookup.box, bad)
    drive.press(till.lookup.box, K.Key_Return)
    assert till.dialog is None and "scan it again" in till.message.text()
    assert till.lookup.box.hasFocus() and till.lookup.box.text() == ""
