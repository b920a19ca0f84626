"""The cart: one row per rung line, amounts right-aligned, with its total shown large beside it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from counterpos.ui import i18n
from counterpos.ui.formats import date_text


def _readable(details: dict, specs: tuple) -> list[str]:
    """What the cashier typed that tells lines apart: names, numbers, addresses and dates."""
    out = []
    for spec in specs:
        value = details.get(spec["name"])
        if not value or spec["name"] == "memo":
            continue
        if spec["type"] == "text":
            out.append(str(value))
        elif spec["type"] == "date" and isinstance(value, str) and len(value) == 10:
            try:
                out.append(date_text(date.fromisoformat(value)))
            except ValueError:
                out.append(value)
    return out


class CartTable(QTableWidget):
    """Shows a domain Cart; the till owns the Cart and calls `show_cart` after each change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("cart")
        self.setAccessibleName(self.tr("Sale lines"))
        self.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Service"), self.tr("Details"), self.tr("Amount")]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_cart(self, cart, fields: dict[str, tuple] | None = None) -> None:
        """`fields` maps a service code to its field list, to pick what the Details column shows."""
        self.setRowCount(len(cart.lines))
        for row, line in enumerate(cart.lines):
            service = i18n.service_name(line.service_code, line.description)
            if line.quantity > 1:
                service = f"{line.quantity} × {service}"
            details = []
            if line.account_no:
                details.append(self.tr("Account {no}").format(no=line.account_no))
            details.extend(_readable(line.details, (fields or {}).get(line.service_code, ())))
            cells = (str(row + 1), service, ", ".join(details), line.amount.format())
            for col, text in enumerate(cells):
                item = self.item(row, col)
                if item is None:  # a row new to the table; the others are rewritten in place
                    item = QTableWidgetItem(text)
                    if col == 3:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    item.setToolTip(text)
                    self.setItem(row, col, item)
                elif item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
        if cart.lines:
            self.selectRow(len(cart.lines) - 1)

    def selected_index(self) -> int | None:
        row = self.currentRow()
        return row if 0 <= row < self.rowCount() else None
