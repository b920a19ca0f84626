"""A completed sale carries its receipt, read back from the store once (services/sale/receipts.py)."""

from __future__ import annotations

from counterpos.domain.receipt_document import render_text
from counterpos.services.sale import receipts
from tests.printing_support import five_line_sale


def test_with_receipt_reads_back_the_saved_receipt(station, cashier, drawer):
    sale = five_line_sale(station, cashier, drawer)
    done = receipts.with_receipt(station, sale)
    assert (done.sale_id, done.receipt_no, done.total, done.change) == (
        sale.sale_id,
        sale.receipt_no,
        sale.total,
        sale.change,
    )
    assert done.receipt is not None and done.receipt.receipt_no == sale.receipt_no
    assert done.receipt.total == sale.total and done.receipt.change == sale.change
    assert render_text(done.receipt) == render_text(
        receipts.receipt_document(station, sale.receipt_no)
    )
    assert receipts.with_receipt(station, done) is done  # already read back: not read again
