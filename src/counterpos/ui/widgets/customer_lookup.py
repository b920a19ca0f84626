"""Type-ahead customer lookup: a search box with a debounced results list; arrows and Enter pick."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

DEBOUNCE_MS = 150
# What a bill stub scan looks like (domain/bill_stub.py checks the rest): "UB" + 10 digits or more.
STUB = re.compile(r"UB\d{10,}")


# How many matches the lookup asks for and lists; a full page means there may be more.
SHOWN = 20


class CustomerLookup(QWidget):
    """Calls `search(text)` 150 ms after the last keystroke; emits `chosen(customer_id)`."""

    chosen = Signal(str)
    # A keyboard-wedge scanner typed a bill stub ("UB" and digits) and Enter.
    scanned = Signal(str)

    def __init__(self, search: Callable[[str], list], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self.box = QLineEdit()
        self.box.setObjectName("lookup")
        self.box.setPlaceholderText(
            self.tr("Name, account no., address, phone or tag — then ↓ and Enter")
        )
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("lookupResults")
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.hint = QLabel()
        self.hint.setObjectName("subtitle")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.box.textEdited.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._enter_in_box)
        self.results.itemActivated.connect(self._pick)
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
        self.results.clear()
        self.hint.clear()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.box.text().strip()
        self.results.clear()
        if not text:
            self.hint.clear()
            return
        hits = self._search(text)
        for hit in hits:
            line = f"{hit.name}   ·   {hit.address}"
            if hit.phone:
                # The index holds "(555) 234-5678 5552345678": show the formatted half.
                line += "   ·   " + " ".join(hit.phone.split(" ")[:2])
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, hit.customer_id)
            item.setToolTip(hit.accounts)
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
            if len(hits) >= SHOWN:  # the search stops at SHOWN: there may be more
                hint = self.tr(
                    "First {n} shown — type more to narrow; ↓ ↑ to move, Enter to choose"
                )
            else:
                hint = self.tr("{n} found — ↓ ↑ to move, Enter to choose")
            self.hint.setText(hint.format(n=len(hits)))
        else:
            self.hint.setText(self.tr("No customer matches “{text}”.").format(text=text))

    def _enter_in_box(self) -> None:
        text = self.box.text().strip().upper()
        if STUB.fullmatch(text):
            self.timer.stop()
            self.scanned.emit(text)
            return
        if self.timer.isActive() or self.results.count() == 0:
            self.run_search()
        item = self.results.currentItem()
        if item is not None:
            self._pick(item)

    def _pick(self, item: QListWidgetItem) -> None:
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if obj is self.box and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                if self.timer.isActive():
                    self.run_search()
                if self.results.count():
                    row = self.results.currentRow()
                    step = 1 if key == Qt.Key.Key_Down else -1
                    self.results.setCurrentRow(max(0, min(self.results.count() - 1, row + step)))
                return True
            if obj is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.results.currentItem()
                if item is not None:
                    self._pick(item)
                return True
            if obj is self.box and key == Qt.Key.Key_Escape and self.box.text():
                self.clear()
                return True
        return super().eventFilter(obj, event)
