"""The receipt's text layout (domain/receipt_document.py): nothing cut off, wraps, REPRINT marks."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import (
    ReceiptLine,
    layout,
    render_text,
)
from tests.domain.samples import receipt


def test_long_customer_name_wraps_onto_its_own_lines():
    name = "María José Fernández de la Peña-Ibáñez Villaseñor"
    lines = render_text(receipt(customer=name), 32)
    i = lines.index("Customer")
    assert " ".join(t.strip() for t in lines[i + 1 : i + 3]) == name
    assert all(len(t) <= 32 for t in lines)


def test_long_description_keeps_its_amount_on_the_last_line():
    line = ReceiptLine("Business license renewal with late penalty for a restaurant", Money(45000))
    lines = render_text(receipt(lines=(line,)), 32)
    joined = " ".join(lines)
    assert "restaurant" in joined
    assert any(t.endswith("$450.00") and "restaurant" in t for t in lines)


def test_reprint_mark_and_time():
    lines = render_text(receipt(reprint_count=3, reprinted_at=datetime(2026, 11, 23, 9, 0)), 42)
    assert "REPRINT #3".center(42).rstrip() in lines
    assert "Reprinted Nov 23, 2026 09:00 AM".center(42).rstrip() in lines


def test_big_rows_fit_half_the_width():
    rows = layout(receipt(city_name="City of Rancho Santa Margarita del Valle Verde"), 32)
    assert all(len(r.text) <= 16 for r in rows if r.style == "big")
    assert rows[-1].style == "barcode" and rows[-1].text == "CH1-000123"


@given(st.text(min_size=1, max_size=120), st.integers(min_value=16, max_value=64))
def test_no_line_is_ever_wider_than_the_paper_and_no_word_is_lost(name, width):
    lines = render_text(receipt(customer=name, lines=(ReceiptLine(name, Money(100)),)), width)
    assert all(len(t) <= width for t in lines)
    squeezed = "".join("".join(lines).split())
    for word in name.split():
        assert word in squeezed or all(part in squeezed for part in word)


def test_a_spanish_receipt_says_everything_in_spanish_with_a_date_no_one_misreads():
    doc = receipt(language="es", when=datetime(2026, 2, 1, 14, 5))
    text = "\n".join(render_text(doc, 42))
    for expected in ("RECIBO", "Recibo", "Fecha", "01 feb 2026 14:05", "Cajero", "Subtotal"):
        assert expected in text, expected
    assert "02/01/2026" not in text and "Cashier" not in text
    both = "\n".join(render_text(receipt(language="both", when=datetime(2026, 2, 1, 9, 0)), 42))
    assert "Cashier / Cajero" in both and "Feb 01, 2026 09:00 AM" in both
