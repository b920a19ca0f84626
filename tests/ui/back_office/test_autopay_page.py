"""GUI: autopay in the office's window against a real centre: an enrolment refused for its
routing number then made (the bank account never shown whole), the NACHA file of a run date
with its prenote, a malformed returns file refused with its line, then the prenote's return
applied; a clerk sees the run and the returns disabled with the reason."""

from __future__ import annotations

import pytest

from counterpos.domain.nacha import ENTRY, Entry, fields
from tests.printing_support import set_setting
from tests.services.office.bank_files import nacha_returns
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.test_autopay import ORIG
from tests.sync.helpers import first_accounts
from tests.ui.back_office.office_ui_support import window

pytestmark = [pytest.mark.gui, pytest.mark.pg]


def test_enrol_run_and_a_returns_file(qtbot, joined, centre, tmp_path):  # noqa: F811
    (a,) = first_accounts(joined, 1)
    fiona = window(qtbot, joined, centre, "fiona")
    page = fiona.autopay
    assert page.enrol_button.isEnabled()
    assert not page.run_button.isEnabled() and not page.returns_button.isEnabled()
    assert "NACHA" in page.run_button.toolTip()
    page.account.setText(a)
    page.holder.setText("Ann Lee")
    page.routing.setText("111000026")
    page.bank_account.setText("12-3456-789")
    assert page.enrol() is None
    assert "not a valid bank routing number" in fiona.status.text()
    assert page.bank_account.text() == "" and page.account.text() == a
    page.routing.setText("111000025")
    page.bank_account.setText("12-3456-789")
    assert page.enrol() is not None
    row = [page.list.item(0, c).text() for c in range(page.list.columnCount())]
    assert row[:5] == [a, "Ann Lee", "111000025", "****6789", "Checking"]
    assert row[5] == "with the next run"
    assert not any("3456789" in cell for cell in row)
    fiona.log_out()

    felix = window(qtbot, joined, centre, "felix")
    page = felix.autopay
    assert page.run_button.isEnabled() and page.returns_button.isEnabled()
    assert page.run_to(tmp_path / "early.txt") is None  # the city's ACH ids not set yet
    assert "Set office.ach_company_id" in felix.status.text()
    set_setting(joined, "office.ach_company_id", ORIG.company_id)
    set_setting(joined, "office.ach_odfi", ORIG.odfi)
    set_setting(joined, "office.ach_destination", ORIG.destination)
    done = page.run_to(tmp_path / "ach1.txt")
    assert done is not None and (done.prenotes, done.debits) == (1, 0)
    assert "1 prenote(s)" in felix.status.text()
    assert page.list.item(0, 5).text() != "with the next run"
    (pre,) = [fields(ENTRY, ln) for ln in done.path.read_text().splitlines() if ln[0] == "6"]
    entry = Entry("28", "111000025", "123456789", 0, a, "Ann Lee", pre["trace_number"])
    good = nacha_returns((entry, "R03"))
    bad = tmp_path / "bad.txt"
    lines = good.splitlines()
    bad.write_text("\n".join([lines[0], lines[1], lines[3]]) + "\n")
    assert page.apply_returns(bad) is None
    assert "nothing was posted. Line 2:" in felix.status.text()
    path = tmp_path / "returns.txt"
    path.write_text(good)
    got = page.apply_returns(path)
    assert got is not None and (got.returned, got.prenotes) == (0, 1)
    assert "1 returned prenote(s) noted" in felix.status.text()
    assert page.apply_returns(path).duplicate
    assert "applied before; nothing was posted" in felix.status.text()
    felix.log_out()
