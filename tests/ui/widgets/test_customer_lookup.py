"""Type-ahead lookup: one search per pause in typing, arrows move, Enter picks, Esc clears."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.services.sale import customers
from counterpos.ui.widgets.customer_lookup import ACCOUNT, DEBOUNCE_MS, CustomerLookup
from tests.ui.conftest import found_ids

pytestmark = pytest.mark.gui
K = Qt.Key


@pytest.fixture
def lookup(qtbot, station):
    searches: list[str] = []

    def search(text):
        searches.append(text)
        return customers.search(station, text)

    widget = CustomerLookup(search)
    qtbot.addWidget(widget)
    widget.show()
    widget.searches = searches
    return widget


def test_typing_searches_once_after_a_pause(qtbot, drive, lookup, owing):
    drive.type(lookup.box, owing["last_name"][:4])
    assert lookup.searches == []  # keys typed faster than the debounce: nothing yet
    qtbot.waitUntil(lambda: lookup.results.rowCount() > 0, timeout=DEBOUNCE_MS * 20)
    assert lookup.searches == [owing["last_name"][:4]]
    assert "found" in lookup.hint.text()


def test_arrows_move_and_enter_chooses(qtbot, drive, lookup, owing):
    drive.type(lookup.box, owing["last_name"])
    drive.press(lookup.box, K.Key_Down)  # runs the pending search at once, then moves
    found = found_ids(lookup)
    assert owing["id"] in found
    assert lookup.results.currentRow() == min(1, len(found) - 1)
    drive.press(lookup.box, K.Key_Up)
    assert lookup.results.currentRow() == 0
    for _ in range(found.index(owing["id"])):
        drive.press(lookup.box, K.Key_Down)
    with qtbot.waitSignal(lookup.chosen) as chosen:
        drive.press(lookup.box, K.Key_Return)
    assert chosen.args == [owing["id"]]


def test_an_account_number_finds_its_owner(qtbot, drive, lookup, owing):
    drive.type(lookup.box, owing["account_no"])
    with qtbot.waitSignal(lookup.chosen) as chosen:
        drive.press(lookup.box, K.Key_Return)  # Enter before the pause: search now, take the first
    assert chosen.args == [owing["id"]]


def test_no_match_says_so_and_esc_clears(qtbot, drive, lookup):
    drive.type(lookup.box, "Zzyzx Qqq")
    qtbot.waitUntil(lambda: "No customer" in lookup.hint.text(), timeout=DEBOUNCE_MS * 20)
    assert lookup.results.rowCount() == 0
    drive.press(lookup.box, K.Key_Escape)
    assert lookup.box.text() == "" and lookup.hint.text().strip() == ""


def test_a_full_page_of_matches_says_there_may_be_more(qtbot):
    from counterpos.services.sale.customers import CustomerHit
    from counterpos.ui.widgets.customer_lookup import SHOWN, CustomerLookup

    hit = CustomerHit("id", "Ana Garcia", "1 Main St", "", "")
    lookup = CustomerLookup(lambda text: [hit] * (SHOWN if text == "gar" else 3))
    qtbot.addWidget(lookup)
    lookup.box.setText("gar")
    lookup.run_search()
    assert lookup.hint.text().startswith(f"First {SHOWN} shown")
    lookup.box.setText("garcia ana")
    lookup.run_search()
    assert lookup.hint.text().startswith("3 found")


def test_a_number_shows_the_account_column_and_nothing_moves(qtbot, drive, styled, lookup, owing):
    hint_height, box_top = lookup.hint.height(), lookup.results.geometry().top()
    assert lookup.results.isColumnHidden(ACCOUNT)
    drive.type(lookup.box, owing["account_no"])
    qtbot.waitUntil(lambda: lookup.results.rowCount() > 0, timeout=DEBOUNCE_MS * 20)
    assert not lookup.results.isColumnHidden(ACCOUNT)
    row = found_ids(lookup).index(owing["id"])
    assert owing["account_no"] in lookup.results.item(row, ACCOUNT).text()
    # The hint line kept its height and the results did not move.
    assert lookup.hint.height() == hint_height
    assert lookup.results.geometry().top() == box_top
    lookup.clear()
    drive.type(lookup.box, owing["last_name"])
    qtbot.waitUntil(lambda: lookup.results.rowCount() > 0, timeout=DEBOUNCE_MS * 20)
    assert lookup.results.isColumnHidden(ACCOUNT)  # a name shows no account column


def test_each_search_shows_only_its_own_customers_in_the_rewritten_rows(
    qtbot, drive, lookup, station, owing
):
    """The rows' cells are rewritten in place from one search to the next: nothing of the
    last search (a name, its tooltip, the customer behind the row) stays in them."""

    def shown():
        table = lookup.results
        return [
            tuple(table.item(r, c).text() for c in range(2))
            + tuple(table.item(r, c).toolTip() for c in range(2))
            for r in range(table.rowCount())
        ]

    for text in ("a", owing["last_name"], "e", owing["last_name"][:3]):
        lookup.box.setText(text)
        lookup.run_search()
        hits = customers.search(station, text)
        assert found_ids(lookup) == [h.customer_id for h in hits], text
        assert shown() == [(h.name, h.address, h.name, h.address) for h in hits], text
    assert owing["id"] in found_ids(lookup)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_hint_is_read_in_full_and_three_results_stay_in_view(qtbot, styled, language):
    """At 1366x768 the till's lookup column is about 470 px wide: "First 20 shown — type more to
    narrow; ↓ ↑ to move, Enter to choose" was cut after "Enter" (in Spanish, sooner), and the
    results showed less than two customers under the panel."""
    from counterpos.services.sale.customers import CustomerHit
    from counterpos.ui import i18n
    from counterpos.ui.widgets.customer_lookup import SHOWN, CustomerLookup

    i18n.install(None, language)
    hit = CustomerHit("id", "Ana Garcia", "1 Main St", "", "")
    lookup = CustomerLookup(lambda _text: [hit] * SHOWN)
    qtbot.addWidget(lookup)
    lookup.resize(470, 400)
    lookup.show()
    qtbot.waitExposed(lookup)
    lookup.box.setText("gar")
    lookup.run_search()
    hint = lookup.hint
    needed = hint.heightForWidth(hint.width())
    assert hint.wordWrap() and 0 < needed <= hint.height(), (hint.text(), needed, hint.height())
    rows = lookup.results.verticalHeader().defaultSectionSize()
    header = lookup.results.horizontalHeader().height()
    assert lookup.results.minimumHeight() >= header + 3 * rows
    # It asks for no more than that, so the customer's panel below gets its room first.
    assert lookup.results.sizeHint().height() == lookup.results.minimumHeight()
