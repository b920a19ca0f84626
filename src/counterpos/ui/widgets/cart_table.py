"""The cart: one row per rung line, amounts right-aligned, with its total shown large beside it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class CartTable(QTableWidget):
    """Shows a domain Cart; the till owns the Cart and calls `show_cart` after each change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("cart")
        self.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Service"), self.tr("Details"), self.tr("Amount")]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

    def show_cart(self, cart) -> None:
        self.setRowCount(len(cart.lines))
        for row, line in enumerate(cart.lines):
            service = line.description
            if line.quantity > 1:
                service = f"{line.quantity} × {service}"
            details = []
            if line.account_no:
                details.append(self.tr("Account {no}").format(no=line.account_no))
            for key, value in line.details.items():
                # Names, addresses and numbers help the cashier; ISO dates and codes do not.
                if (
                    key not in ("account_no", "memo", "gl_account")
                    and isinstance(value, str)
                    and not re.fullmatch(r"[0-9-]*|[a-z_]+", value)
                ):
                    details.append(value)
            cells = (str(row + 1), service, ", ".join(details), line.amount.format())
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, col, item)
        if cart.lines:
            self.selectRow(len(cart.lines) - 1)

    def selected_index(self) -> int | None:
        row = self.currentRow()
        return row if 0 <= row < self.rowCount() else None
