"""The receipt's text layout: nothing cut off, long names and words wrap, REPRINT marks."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import (
    ReceiptDocument,
    ReceiptLine,
    ReceiptTender,
    layout,
    render_text,
)


def doc(**kw) -> ReceiptDocument:
    base = dict(
        city_name="City of Mission Vista",
        city_address="100 Civic Center Plaza",
        city_phone="(555) 010-4400",
        station_code="CH1",
        station_name="Counter 1",
        cashier="Maria Lopez",
        when=datetime(2026, 11, 22, 14, 5),
        receipt_no="CH1-000123",
        lines=(ReceiptLine("Utility bill payment", Money(8425), 1, ("Account 10000000",)),),
        tenders=(ReceiptTender("Cash", Money(8425), "", Money(10000), Money(1575)),),
        footer=("Thank you.", "Gracias."),
    )
    base.update(kw)
    return ReceiptDocument(**base)


def test_long_customer_name_wraps_onto_its_own_lines():
    name = "María José Fernández de la Peña-Ibáñez Villaseñor"
    lines = render_text(doc(customer=name), 32)
    i = lines.index("Customer")
    assert " ".join(t.strip() for t in lines[i + 1 : i + 3]) == name
    assert all(len(t) <= 32 for t in lines)


def test_long_description_keeps_its_amount_on_the_last_line():
    line = ReceiptLine("Business license renewal with late penalty for a restaurant", Money(45000))
    lines = render_text(doc(lines=(line,)), 32)
    joined = " ".join(lines)
    assert "restaurant" in joined
    assert any(t.endswith("$450.00") and "restaurant" in t for t in lines)


def test_reprint_mark_and_time():
    lines = render_text(doc(reprint_count=3, reprinted_at=datetime(2026, 11, 23, 9, 0)), 42)
    assert "REPRINT #3".center(42).rstrip() in lines
    assert "Reprinted 11/23/2026 09:00 AM".center(42).rstrip() in lines


def test_big_rows_fit_half_the_width():
    rows = layout(doc(city_name="City of Rancho Santa Margarita del Valle Verde"), 32)
    assert all(len(r.text) <= 16 for r in rows if r.style == "big")
    assert rows[-1].style == "barcode" and rows[-1].text == "CH1-000123"


@given(st.text(min_size=1, max_size=120), st.integers(min_value=16, max_value=64))
def test_no_line_is_ever_wider_than_the_paper_and_no_word_is_lost(name, width):
    lines = render_text(doc(customer=name, lines=(ReceiptLine(name, Money(100)),)), width)
    assert all(len(t) <= width for t in lines)
    squeezed = "".join("".join(lines).split())
    for word in name.split():
        assert word in squeezed or all(part in squeezed for part in word)
