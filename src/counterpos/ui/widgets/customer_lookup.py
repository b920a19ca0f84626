"""Type-ahead customer lookup: a search box with a debounced results table; arrows and Enter pick.

The results table is always there (empty until something is typed) and the hint line always
keeps its height, so nothing below moves when results appear. A search for a number (an
account, a phone, a tag) shows the account column, with the matching number in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

DEBOUNCE_MS = 150
# What a bill stub scan looks like (domain/bill_stub.py checks the rest): "UB" + 10 digits or more.
STUB = re.compile(r"UB\d{10,}")

# How many matches the lookup asks for and lists; a full page means there may be more.
SHOWN = 20
NAME, ADDRESS, PHONE, ACCOUNT = range(4)


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    return item


class _Results(QTableWidget):
    """The results table asks for no more than its minimum (three customers), so the chosen
    customer's panel below gets its room first; what is left over still comes to the results."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(super().sizeHint().width(), self.minimumHeight())


class CustomerLookup(QWidget):
    """Calls `search(text)` 150 ms after the last keystroke; emits `chosen(customer_id)`."""

    chosen = Signal(str)
    # A keyboard-wedge scanner typed a bill stub ("UB" and digits) and Enter.
    scanned = Signal(str)

    def __init__(self, search: Callable[[str], list], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.box = QLineEdit()
        self.box.setAccessibleName(self.tr("Find a customer"))
        self.box.setObjectName("lookup")
        self.box.setPlaceholderText(self.tr("Name, account, address, phone or tag"))
        self.box.setClearButtonEnabled(True)
        self.box.setAccessibleName(self.tr("Find a customer"))
        self.results = _Results(0, 4)
        self.results.setObjectName("lookupResults")
        self.results.setAccessibleName(self.tr("Customers found"))
        self.results.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Address"), self.tr("Phone"), self.tr("Account")]
        )
        self.results.verticalHeader().hide()
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setWordWrap(False)
        self.results.setAlternatingRowColors(True)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PHONE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACCOUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.results.setColumnHidden(ACCOUNT, True)
        # At least three customers in view under the header, whatever the panel below wants.
        rows = self.results.verticalHeader().defaultSectionSize()
        self.results.setMinimumHeight(
            self.results.horizontalHeader().sizeHint().height() + 3 * rows + 4
        )
        self.hint = QLabel(" ")
        self.hint.setObjectName("hint")
        # Two lines, always: "First 20 shown — type more to narrow; ↓ ↑ to move, Enter to
        # choose" was cut after "Enter" in the till's column (in Spanish, earlier), and a
        # height that changed with the text would move everything below.
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint.setFixedHeight(2 * self.hint.fontMetrics().lineSpacing() + 6)
        # Its text never widens the column (that would move everything beside it).
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textEdited.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._enter_in_box)
        self.results.activated.connect(lambda index: self._pick_row(index.row()))
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 1)

    def focus(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def clear(self) -> None:
        self.timer.stop()
        self.box.clear()
        self.results.setRowCount(0)
        self.results.setColumnHidden(ACCOUNT, True)
        self.results.setColumnHidden(PHONE, False)
        self.hint.setText(" ")

    def result_ids(self) -> list[str]:
        """The customer ids listed, top to bottom."""
        items = (self.results.item(row, NAME) for row in range(self.results.rowCount()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items if item is not None]

    def run_search(self) -> None:
        self.timer.stop()
        text = self.box.text().strip()
        if not text:
            self.results.setRowCount(0)
            self.hint.setText(" ")
            return
        hits = self._search(text)
        digits = "".join(ch for ch in text if ch.isdigit())
        by_number = len(digits) >= 2 and not any(ch.isalpha() for ch in text)
        self.results.setUpdatesEnabled(False)
        self.results.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            # The index holds "(555) 234-5678 5552345678": show the formatted half.
            phone = " ".join(hit.phone.split(" ")[:2]) if hit.phone else ""
            numbers = hit.accounts.split()
            matching = [n for n in numbers if digits and digits in n.replace("-", "")]
            account = ", ".join(matching or numbers[1:] or numbers)
            for col, text in enumerate((hit.name, hit.address, phone, account)):
                item = self._put(row, col, text)
                if col == NAME:
                    item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)
        self.results.setColumnHidden(ACCOUNT, not by_number)
        # For a number, the phone column only when the number is part of a phone.
        in_phone = any(digits in "".join(ch for ch in h.phone if ch.isdigit()) for h in hits)
        self.results.setColumnHidden(PHONE, by_number and not in_phone)
        self.results.setUpdatesEnabled(True)
        if hits:
            self.results.selectRow(0)
            if len(hits) >= SHOWN:  # the search stops at SHOWN: there may be more
                hint = self.tr(
                    "First {n} shown — type more to narrow; ↓ ↑ to move, Enter to choose"
                )
            else:
                hint = self.tr("{n} found — ↓ ↑ to move, Enter to choose")
            self.hint.setText(hint.format(n=len(hits)))
        else:
            self.hint.setText(self.tr("No customer matches “{text}”.").format(text=text))

    def _put(self, row: int, col: int, text: str) -> QTableWidgetItem:
        """`text` in a cell: the cell's item is rewritten in place (a search after each key
        would otherwise make and drop 80 items), and made only for a row new to the table."""
        item = self.results.item(row, col)
        if item is None:
            item = _cell(text)
            self.results.setItem(row, col, item)
        elif item.text() != text:
            item.setText(text)
            item.setToolTip(text)
        return item

    def _enter_in_box(self) -> None:
        text = self.box.text().strip().upper()
        if STUB.fullmatch(text):
            self.timer.stop()
            self.scanned.emit(text)
            return
        if self.timer.isActive() or self.results.rowCount() == 0:
            self.run_search()
        if self.results.currentRow() >= 0:
            self._pick_row(self.results.currentRow())

    def _pick_row(self, row: int) -> None:
        item = self.results.item(row, NAME)
        if item is not None:
            self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if obj is self.box and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                if self.timer.isActive():
                    self.run_search()
                count = self.results.rowCount()
                if count:
                    row = self.results.currentRow()
                    step = 1 if key == Qt.Key.Key_Down else -1
                    self.results.selectRow(max(0, min(count - 1, row + step)))
                return True
            if obj is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.results.currentRow() >= 0:
                    self._pick_row(self.results.currentRow())
                return True
            if obj is self.box and key == Qt.Key.Key_Escape and self.box.text():
                self.clear()
                return True
        return super().eventFilter(obj, event)
