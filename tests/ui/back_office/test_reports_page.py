"""GUI: a period report from the office's window, written on a pool thread with the progress
bar moving while the window keeps handling events; CSV and XLSX read back."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from counterpos.services.clock import local_today
from tests.conftest import login
from tests.sale_helpers import cash, ring
from tests.services.office.conftest import centre, joined  # noqa: F401 (fixtures)
from tests.services.office.office_support import close_exactly, open_drawer, push
from tests.ui.back_office.office_ui_support import window

pytestmark = [pytest.mark.gui, pytest.mark.pg]


def test_a_months_report_with_a_progress_bar(qtbot, joined, centre, tmp_path):  # noqa: F811
    maria = login(joined, "maria")
    d = open_drawer(joined, maria)
    sale = ring(joined, maria, d.session_id, 2_345, cash(5_000))
    close_exactly(joined, maria, d.session_id)
    push(joined)
    fiona = window(qtbot, joined, centre, "fiona")  # a clerk runs the reports
    page = fiona.reports
    today = local_today()
    assert page.period().first == today.replace(day=1)
    page.kind.setCurrentIndex(1)  # a quarter
    assert page.number.maximum() == 4 and page.number.accessibleName() == "Quarter"
    page.kind.setCurrentIndex(2)  # the fiscal year: no month or quarter to choose
    assert not page.number.isEnabled() and page.period().label.startswith("FY ")
    page.kind.setCurrentIndex(0)
    page.number.setValue(today.month)

    seen: list[int] = []
    page.bar.valueChanged.connect(seen.append)
    ticks: list[int] = []  # the GUI thread keeps handling events while the report is written
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    out = tmp_path / "month.csv"
    page.fmt.setCurrentIndex(1)  # CSV
    assert page.export_to(out)
    assert not page.export_button.isEnabled()
    assert not page.export_to(tmp_path / "twice.csv")  # one at a time
    assert not fiona.log_out()  # not while the report uses the connection
    assert "log out when it has finished" in fiona.status.text()
    qtbot.waitUntil(lambda: page.job is None, timeout=60_000)
    timer.stop()
    assert page.export_button.isEnabled() and page.saved == out
    assert page.bar.value() == page.bar.maximum() == 8 and len(set(seen)) >= 3
    assert ticks
    assert fiona.status.text().endswith(f"saved to {out}.")
    with open(out, encoding="utf-8", newline="") as fh:
        text = "\n".join(",".join(r) for r in csv.reader(fh))
    assert sale.receipt_no in text

    xlsx = tmp_path / "month.xlsx"
    page.fmt.setCurrentIndex(2)
    assert page.export_to(xlsx)
    qtbot.waitUntil(lambda: page.job is None, timeout=60_000)
    book = load_workbook(xlsx)
    assert book.sheetnames
    fiona.log_out()
