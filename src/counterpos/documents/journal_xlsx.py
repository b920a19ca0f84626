"""The general-ledger journal as an XLSX workbook (openpyxl): the CSV layout's columns, amounts
as numbers with two decimals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from counterpos.domain.journal import CSV_HEADER, Journal, csv_rows

MONEY_COLUMNS = {CSV_HEADER.index("debit"), CSV_HEADER.index("credit")}


def write_xlsx(journal: Journal, path: Path | str, copy_no: int = 0, title: str = "") -> Path:
    """One sheet, "Journal N": a title row, then the header and the lines as in the CSV."""
    rows = csv_rows(journal, copy_no)  # refuses an unbalanced journal before anything is written
    wb = Workbook()
    ws = wb.active
    ws.title = f"Journal {journal.number}"
    ws.append([title or f"Journal {journal.number}, {journal.business_day:%m/%d/%Y}"])
    ws["A1"].font = Font(bold=True)
    ws.append(list(rows[0]))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows[1:]:
        values: list[object] = list(row)
        for i in MONEY_COLUMNS:
            values[i] = Decimal(row[i])  # exact: text with two decimals, never a float
        values[0] = int(row[0])
        values[2] = int(row[2])
        ws.append(values)
        for i in MONEY_COLUMNS:
            ws.cell(ws.max_row, i + 1).number_format = "#,##0.00"
    ws.append([])
    ws.append(["Totals", "", "", "", "", "", "", journal.debits.plain(), journal.credits.plain()])
    ws.cell(ws.max_row, 8).value = Decimal(journal.debits.plain())
    ws.cell(ws.max_row, 9).value = Decimal(journal.credits.plain())
    path = Path(path)
    wb.save(path)
    return path
