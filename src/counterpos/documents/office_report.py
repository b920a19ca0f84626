"""A period report of the finance office as a PDF (reportlab) and as an XLSX workbook
(openpyxl, one sheet per section)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from counterpos.documents.report_pages import PageWriter
from counterpos.domain.money import Money
from counterpos.domain.period_report import PeriodReport, cell_text


def write_pdf(report: PeriodReport, path: Path | str) -> Path:
    w = PageWriter(path, f"{report.city_name} - {report.title}", report.period)
    w.text(
        f"{report.first:%m/%d/%Y} to {report.last:%m/%d/%Y}. Printed "
        f"{report.printed_at:%m/%d/%Y %I:%M %p} by {report.printed_by}",
        size=8,
    )
    for s in report.sections:
        w.heading(s.title)
        if s.note:
            w.text(s.note, size=8)
        n = len(s.columns)
        widths = [1 / n] * n
        money = {i for i, c in enumerate(s.rows[0]) if isinstance(c, Money)} if s.rows else set()
        w.row(list(s.columns), widths, right=money, bold=True, rule=True)
        if not s.rows:
            w.text("None in this period.", size=8)
        for r in s.rows:
            w.row(
                [c.format() if isinstance(c, Money) else cell_text(c) for c in r],
                widths,
                right=money,
            )
        w.gap()
    w.save()
    return Path(path)


def write_xlsx(report: PeriodReport, path: Path | str) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for s in report.sections:
        ws = wb.create_sheet(re.sub(r"[\[\]:*?/\\]", "", s.title)[:31])
        ws.append([f"{report.title}: {s.title}, {report.period}"])
        ws["A1"].font = Font(bold=True)
        ws.append(list(s.columns))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for r in s.rows:
            ws.append(
                [Decimal(c.plain()) if isinstance(c, Money) else c for c in r]  # exact, no float
            )
            for i, c in enumerate(r, start=1):
                if isinstance(c, Money):
                    ws.cell(ws.max_row, i).number_format = "#,##0.00"
    path = Path(path)
    wb.save(path)
    return path
