"""GUI: the office's bank page against a real centre: a malformed statement refused with its
line and nothing posted; a statement imported, matched, both sides listed with their age; a
second import posts nothing; a match by hand of unequal amounts refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.office import deposits
from tests.conftest import login
from tests.sale_helpers import card, cash, check, ring
from tests.services.office.bank_files import bai2_statement
from tests.services.office.conftest import boss, centre, clerk, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import close_exactly, open_drawer, push
from tests.ui.back_office.office_ui_support import window

pytestmark = [pytest.mark.gui, pytest.mark.pg]


@pytest.fixture
def banked(joined, clerk, boss):  # noqa: F811
    """A closed day (cash, a check, a VISA and a MasterCard payment), deposited and banked."""
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    ring(joined, maria, d.session_id, 2_345, cash(5_000))
    ring(joined, maria, d.session_id, 4_000, check(4_000, "1043"))
    ring(joined, maria, d.session_id, 4_000, card(4_000))
    ring(joined, maria, d.session_id, 999, replace(card(999), card_brand="mastercard"))
    close_exactly(joined, maria, d.session_id)
    push(joined)
    dep = deposits.prepare(clerk, bag_no="BAG-7731", session_ids=[d.session_id])
    deposits.verify(boss, dep.id)
    return deposits.bank(clerk, dep.id)


def cells(table) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_a_statement_imported_and_matched(qtbot, joined, centre, banked, tmp_path):  # noqa: F811
    fiona = window(qtbot, joined, centre, "fiona")  # a clerk imports and matches
    page = fiona.bank
    fiona.tabs.setCurrentWidget(page)
    assert page.import_button.isEnabled() and not page.why.isVisibleTo(page)
    today = local_today()
    good = bai2_statement(
        today,
        [
            ("301", banked.total.cents, "B1", "BAG-7731"),  # the deposit, by its bag
            ("165", 4_000, "B2", ""),  # the VISA settlement
            ("165", 12_000, "B3", ""),  # nobody expected this
        ],
    )
    bad = tmp_path / "bad.bai"
    bad.write_text(good.replace("16,165,4000", "16,1X5,4000"))
    assert not page.import_statement(bad)
    assert "nothing was posted. Line 5:" in fiona.status.text()
    assert page.bank_table.rowCount() == 0 and page.matched_table.rowCount() == 0

    path = tmp_path / "stmt.bai"
    path.write_text(good)
    assert page.import_statement(path)
    assert fiona.status.text() == "stmt.bai: 3 bank line(s) imported, 2 matched now."
    assert page.summary.text() == "2 matched; 1 bank line(s) and 1 book item(s) unmatched."
    # posted, amount, age, bank line
    assert [r[1:3] for r in cells(page.bank_table)] == [["$120.00", "0"]]
    # date, amount, age, kind, item: the MasterCard batch has not settled
    (book,) = cells(page.book_table)
    assert book[1:4] == ["$9.99", "0", "card settlement"] and "MASTERCARD" in book[4]
    matched = cells(page.matched_table)
    assert sorted(r[1] for r in matched) == sorted([str(banked.total), "$40.00"])
    assert any(f"bag {banked.bag_no}" in r[4] for r in matched)
    assert {r[6] for r in matched} == {"automatic"}

    assert page.import_statement(path)
    assert "imported before; nothing was posted" in fiona.status.text()
    assert page.bank_table.rowCount() == 1

    page.match_by_hand()
    assert fiona.status.text() == "Choose a bank line and a book item first."
    page.bank_table.selectRow(0)
    page.book_table.selectRow(0)
    page.match_by_hand()  # $120.00 against $9.99: refused, nothing matched
    assert "The bank line is $120.00" in fiona.status.text()
    assert page.matched_table.rowCount() == 2
    # The MasterCard batch, booked by the bank a day before the books' day: not matched by
    # itself; the clerk matches the two by hand.
    early = tmp_path / "early.bai"
    early.write_text(bai2_statement(today - timedelta(days=1), [("165", 999, "B9", "")]))
    assert page.import_statement(early)
    assert fiona.status.text() == "early.bai: 1 bank line(s) imported, 0 matched now."
    line = next(r for r, row in enumerate(cells(page.bank_table)) if row[1] == "$9.99")
    assert cells(page.bank_table)[line][2] == "1"  # a day old
    page.bank_table.selectRow(line)
    page.book_table.selectRow(0)
    page.match_by_hand()
    assert fiona.status.text().startswith("Matched: MASTERCARD settlement")
    assert page.book_table.rowCount() == 0 and page.bank_table.rowCount() == 1
    assert sorted(r[6] for r in cells(page.matched_table)) == ["automatic", "automatic", "by hand"]
    fiona.log_out()
