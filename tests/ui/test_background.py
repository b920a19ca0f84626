"""Work off the GUI thread: after a sale, the drawer and the receipt go to a worker."""

from __future__ import annotations

import pytest

from counterpos.ui.background import print_after_sale
from tests.printing_support import LoopbackPrinter, five_line_sale, set_setting

pytestmark = pytest.mark.gui


def test_print_after_sale_runs_off_the_gui_thread(qtbot, station, cashier, drawer):
    printer = LoopbackPrinter()
    results = []
    try:
        set_setting(station, "printer.url", printer.url)
        sale = five_line_sale(station, cashier, drawer)
        print_after_sale(station, cashier, sale, results.append)
        qtbot.waitUntil(lambda: bool(results), timeout=10000)
        assert printer.wait_job()
    finally:
        printer.close()
    [result] = results
    assert result.printed and result.ok and result.receipt_no == sale.receipt_no
