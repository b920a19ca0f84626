"""GUI: a finance user signs in at the counter and gets the finance office's window, connected
to a real centre; the day drilled to a receipt, a deposit prepared and verified by two people,
the journal drafted, posted and exported."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QWidget

from counterpos.services.access import auth
from counterpos.services.office import connection, journal
from counterpos.ui.back_office.office_window import OfficeWindow
from tests.conftest import login
from tests.sale_helpers import cash, check, ring
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import FINANCE, close_exactly, open_drawer, push

pytestmark = [pytest.mark.gui, pytest.mark.pg]


def window(qtbot, station, username: str) -> OfficeWindow:
    w = OfficeWindow(station, auth.login(station, username, FINANCE[username][2]))
    qtbot.addWidget(w)
    return w


def test_a_finance_user_gets_the_office_not_a_drawer(qtbot, drive, counter, joined, centre):  # noqa: F811
    login_window, flow = counter
    drive.log_in(login_window, "fiona", FINANCE["fiona"][2])
    qtbot.waitUntil(lambda: flow.office is not None)
    office = flow.office
    qtbot.addWidget(office)
    assert flow.drawer_dialog is None and flow.till is None
    # Not connected yet: a plain message, and the window stays.
    assert "office connect" in office.status.text()
    info = centre.logins["clerk"]
    connection.connect(joined, "admin", info["url"], info["password"])
    assert office.connect_office()
    assert office.status.text() == "Up to date."
    office.log_out()
    qtbot.waitUntil(login_window.isVisible)
    assert flow.office is None


def test_the_day_deposit_and_journal_in_the_window(qtbot, joined, centre, tmp_path):  # noqa: F811
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    sale = ring(joined, maria, d.session_id, 2_345, cash(5_000))
    ring(joined, maria, d.session_id, 4_000, check(4_000, "1043"))
    close_exactly(joined, maria, d.session_id, off_by=-10)
    push(joined)
    info = centre.logins["supervisor"]
    connection.connect(joined, "admin", info["url"], info["password"])

    fiona = window(qtbot, joined, "fiona")
    rows = [
        [fiona.day_table.item(r, c).text() for c in range(fiona.day_table.columnCount())]
        for r in range(fiona.day_table.rowCount())
    ]
    mine = [r for r in rows if r[1] == d.session_id[-8:]]
    assert len(mine) == 1 and mine[0][0] == "T1" and mine[0][7] == "-$0.10" and mine[0][9] == "2"
    fiona.day_table.selectRow(rows.index(mine[0]))
    assert fiona.sales_table.rowCount() == 2
    assert fiona.sales_table.item(0, 0).text() == sale.receipt_no
    fiona.sales_table.selectRow(0)
    assert "23.45" in fiona.receipt.toPlainText()

    fiona.bag.setText("B-77")
    fiona.prepare_deposit()
    assert "Deposit 1 prepared" in fiona.status.text()
    assert fiona.deposit_table.rowCount() == 1
    assert fiona.deposit_table.item(0, 3).text() == "prepared"
    fiona.deposit_table.selectRow(0)
    fiona.verify_deposit()  # a clerk, and the preparer: refused with a plain message
    assert "may not" in fiona.status.text()
    fiona.draft_journal()
    assert "Journal 1 drafted" in fiona.status.text()
    assert fiona.journal_table.rowCount() > 0

    felix = window(qtbot, joined, "felix")
    felix.deposit_table.selectRow(0)
    felix.verify_deposit()
    assert "Deposit 1 verified" in felix.status.text()
    assert felix.deposit_table.item(0, 8).text() == "Felix Ortega"
    assert felix.export_to(tmp_path / "early.csv") is None  # nothing drafted in this window
    felix.show_journal(journal.by_number(felix.office, 1))
    felix.post_journal()
    assert "Journal 1 posted" in felix.status.text()
    out = felix.export_to(tmp_path / "j1.csv")
    with open(out, encoding="utf-8", newline="") as fh:
        lines = list(csv.DictReader(fh))
    assert {r["copy"] for r in lines} == {"ORIGINAL"}
    assert felix.export_to(tmp_path / "j1b.csv") is not None
    assert "(copy 1)" in felix.status.text()
    for w in (fiona, felix):
        w.log_out()


def test_every_page_is_reached_and_worked_from_the_keyboard(qtbot, joined, centre):  # noqa: F811
    """Ctrl+Tab walks the pages; on each page every enabled control takes the Tab key, so the
    window needs no mouse; a mnemonic (Alt+letter) is never used twice on one page."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QLabel

    info = centre.logins["supervisor"]
    connection.connect(joined, "admin", info["url"], info["password"])
    felix = window(qtbot, joined, "felix")
    felix.show()
    qtbot.waitExposed(felix)
    seen = []
    for _ in range(felix.tabs.count()):
        page = felix.tabs.currentWidget()
        seen.append(felix.tabs.currentIndex())
        controls = [
            w
            for w in [page, *page.findChildren(QWidget)]
            if w.isVisible() and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
        assert controls, felix.tabs.tabText(felix.tabs.currentIndex())
        for w in controls:
            assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, (w.objectName(), type(w))
        letters = [
            text.split("&", 1)[1][0].lower()
            for text in [b.text() for b in page.findChildren(QAbstractButton) if b.isVisible()]
            + [lb.text() for lb in page.findChildren(QLabel) if lb.isVisible()]
            if "&" in text.replace("&&", "")
        ]
        assert len(letters) == len(set(letters)), (felix.tabs.tabText(seen[-1]), letters)
        qtbot.keyClick(felix.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert seen == list(range(felix.tabs.count())) and felix.tabs.currentIndex() == 0
    felix.log_out()
