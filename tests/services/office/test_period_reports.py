"""Period reports (services/office/period_reports.py): sections that add up, receipt-number
continuity that names a gap, PDF read back and rendered, CSV and XLSX."""

from __future__ import annotations

import csv
import subprocess

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from counterpos.domain.money import Money
from counterpos.domain.period import month
from counterpos.services.clock import local_today
from counterpos.services.office import audit, period_reports
from tests.services.office.day_support import busy_day
from tests.sync.helpers import admin_query

pytestmark = pytest.mark.pg


def this_month():
    t = local_today()
    return month(t.year, t.month)


def test_the_month_report_adds_up_and_names_a_missing_receipt(
    joined, second, centre, clerk, approval, tmp_path
):
    busy_day(joined, second, approval)
    report = period_reports.build(clerk, this_month())
    titles = [s.title for s in report.sections]
    assert titles == [
        "Cash receipts journal",
        "Revenue by fund",
        "Revenue by GL account",
        "Revenue by service",
        "Deposits register",
        "Adjustments register",
        "Voids register",
        "Refunds register",
        "Over/short by cashier",
        "Receipt-number continuity",
    ]
    receipts = report.section("Cash receipts journal")
    assert report.section("Revenue by fund").total("Amount") == receipts.total("Amount")
    assert report.section("Revenue by GL account").total("Amount") == receipts.total("Amount")
    assert len(report.section("Voids register").rows) == 1
    assert len(report.section("Refunds register").rows) == 2
    os_rows = {r[0]: r for r in report.section("Over/short by cashier").rows}
    assert os_rows["Maria Lopez"][3] == Money(-35)
    cont = {r[0]: r for r in report.section("Receipt-number continuity").rows}
    assert cont["T1"][-1] == "complete" and cont["T2"][-1] == "complete"

    # A receipt that never reached the centre shows as a gap (the admin removes one to see).
    admin_query(
        centre.url,
        "ALTER TABLE tender DISABLE TRIGGER USER; ALTER TABLE sale DISABLE TRIGGER USER; "
        "DELETE FROM tender WHERE sale_id IN (SELECT id FROM sale WHERE receipt_no = 'T1-000003'); "
        "DELETE FROM sale WHERE receipt_no = 'T1-000003'; "
        "ALTER TABLE sale ENABLE TRIGGER USER; ALTER TABLE tender ENABLE TRIGGER USER",
    )
    cont = {
        r[0]: r
        for r in period_reports.build(clerk, this_month()).section("Receipt-number continuity").rows
    }
    assert cont["T1"][4] == "3" and cont["T1"][-1] == "CHECK"
    assert cont["T2"][-1] == "complete"


def test_pdf_csv_and_xlsx_with_progress(joined, second, clerk, approval, tmp_path):
    busy_day(joined, second, approval)
    seen = []
    period_reports.save(
        clerk,
        this_month(),
        tmp_path / "m.pdf",
        progress=lambda n, of, what: seen.append((n, of, what)),
    )
    assert seen[0] == (0, 8, "cash receipts") and seen[-1] == (8, 8, "done")
    pdf = PdfReader(tmp_path / "m.pdf")
    body = "\n".join(p.extract_text() for p in pdf.pages)
    for words in (
        "Cash receipts journal",
        "Receipt-number continuity",
        "Over/short by cashier",
        "T1-000001",
        "Maria Lopez",
    ):
        assert words in body
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "m.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    assert (tmp_path / "page-1.png").stat().st_size > 5_000
    report = period_reports.save(clerk, this_month(), tmp_path / "m.csv")
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    receipts = [r for r in rows if r[0] == "Cash receipts journal" and r[1] != "header"]
    assert len(receipts) == len(report.section("Cash receipts journal").rows)
    period_reports.save(clerk, this_month(), tmp_path / "m.xlsx")
    wb = load_workbook(tmp_path / "m.xlsx")
    assert "Revenue by fund" in wb.sheetnames
    assert [e["action"] for e in audit.events(clerk)].count("period_report") == 3
