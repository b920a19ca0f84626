"""The till's cart table: one row per line, rewritten in place as lines come and go."""

from __future__ import annotations

import pytest

from counterpos.domain.cart import Cart
from counterpos.services.sale import catalog
from counterpos.ui.widgets.cart_table import CartTable

pytestmark = pytest.mark.gui


def cells(table: CartTable) -> list[tuple[str, ...]]:
    return [tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())]


def test_rows_follow_the_cart_as_lines_come_and_go(qtbot, station):
    """A line removed from the middle: the rows after it move up and are renumbered; nothing
    of the removed line stays in a cell or its tooltip."""
    table = CartTable()
    qtbot.addWidget(table)
    cart = Cart()
    for n in (1, 2, 3):
        cart.add(catalog.price_line(station, "passport_photo", quantity=n))
        table.show_cart(cart)
    assert [row[0] for row in cells(table)] == ["1", "2", "3"]
    assert [row[3] for row in cells(table)] == ["$15.00", "$30.00", "$45.00"]
    assert table.currentRow() == 2
    cart.remove(1)
    table.show_cart(cart)
    assert [(row[0], row[3]) for row in cells(table)] == [("1", "$15.00"), ("2", "$45.00")]
    assert cells(table)[1][1].startswith("3 × ")
    for r in range(table.rowCount()):
        for c in range(4):
            assert table.item(r, c).toolTip() == table.item(r, c).text()
    table.show_cart(Cart())
    assert table.rowCount() == 0


def test_a_long_service_name_leaves_every_amount_in_full_view(qtbot, styled, station):
    """A business license brings "State disability-access fee (state 10%)": sized to its text,
    the service column pushed the amounts past the edge of the till's sale column (470 px
    wide at 1366x768), "$0.4" for $0.40 and the details gone."""
    from counterpos.domain.cart import CartLine
    from counterpos.domain.money import Money

    table = CartTable()
    qtbot.addWidget(table)
    table.resize(470, 300)
    table.show()
    qtbot.waitExposed(table)
    cart = Cart()
    cart.add(catalog.price_line(station, "passport_photo", quantity=1))
    long_name = "State disability-access fee (state 10%) for a business at a long address"
    cart.add(CartLine("disability_access_state", long_name, Money(1_234_00), "2410"))
    table.show_cart(cart)
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(4))
    assert used <= table.viewport().width()
    metrics = table.fontMetrics()
    for row in range(table.rowCount()):
        amount = table.item(row, 3).text()
        assert metrics.horizontalAdvance(amount) < header.sectionSize(3)
    assert header.sectionSize(2) > 0 and header.sectionSize(1) > 0


def test_on_spanish_screens_a_line_names_its_service_in_spanish(qtbot, station):
    """The sale's lines read "Utility bill paym…" on Spanish screens, under Spanish headings."""
    from counterpos.services.sale.catalog import names_by_code
    from counterpos.ui import i18n

    i18n.install(None, "es")
    table = CartTable()
    qtbot.addWidget(table)
    cart = Cart()
    cart.add(catalog.price_line(station, "passport_photo", quantity=2))
    table.show_cart(cart)
    spanish = names_by_code()["passport_photo"][1]
    assert spanish and table.item(0, 1).text() == f"2 × {spanish}"


def test_a_misc_receipt_with_its_memo_reads_in_spanish_too(qtbot, station):
    from counterpos.services.sale.catalog import line_name
    from counterpos.ui import i18n

    line = catalog.price_line(
        station,
        "misc_receipt",
        details={"gl_account": "4830", "memo": "Copies of minutes"},
        amount_text="12.50",
    )
    assert line.description == "Miscellaneous receipt – Copies of minutes"
    i18n.install(None, "es")
    table = CartTable()
    qtbot.addWidget(table)
    cart = Cart()
    cart.add(line)
    table.show_cart(cart)
    assert table.item(0, 1).text() == "Recibo varios – Copies of minutes"
    both = line_name("misc_receipt", line.description, "both")
    assert both == "Miscellaneous receipt / Recibo varios – Copies of minutes"
    assert line_name("misc_receipt", line.description, "en") == line.description
