"""The till's list of services on sale, each with its price: arrows and Enter, or a number key."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from counterpos.domain.money import Money
from counterpos.services.sale.catalog import ServiceView
from counterpos.ui.i18n import service_name

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("ServicePicker", text)


def _leaves(rule: dict[str, Any]) -> list[int]:
    """Every amount a table rule can come to."""
    rows = rule.get("rows", {})
    out: list[int] = []
    stack = [rows]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, int):
            out.append(node)
    return out


def price_text(rule: dict[str, Any], code: str = "") -> str:
    """What a service costs, in a few words for the picker."""
    kind = rule.get("kind")
    if kind == "fixed":
        return Money(int(rule["cents"])).format()
    if kind == "per_quantity":
        return QCoreApplication.translate("ServicePicker", "{fee} each").format(
            fee=Money(int(rule["cents"])).format()
        )
    if kind == "entered":
        return (
            QCoreApplication.translate("ServicePicker", "balance due")
            if code == "utility_payment"
            else QCoreApplication.translate("ServicePicker", "amount typed")
        )
    if kind == "table":
        cents = _leaves(rule)
        if not cents:
            return ""
        low, high = min(cents), max(cents)
        if low == high:
            return Money(low).format()
        return f"{Money(low).format()}–{Money(high).format()}"
    if kind == "sum":
        first = rule["parts"][0]
        return QCoreApplication.translate("ServicePicker", "from {fee}").format(
            fee=price_text(first)
        )
    if kind == "percent_late":
        return QCoreApplication.translate("ServicePicker", "from {fee}").format(
            fee=price_text(rule["of"]).replace(
                QCoreApplication.translate("ServicePicker", "from "), ""
            )
        )
    if kind == "late_fixed":
        return Money(int(rule["cents"])).format()
    if kind == "attribute":
        return QCoreApplication.translate("ServicePicker", "as on record")
    return ""


class ServicePicker(QTableWidget):
    """One row per service: its number key, its name, its price. `rung(code)` when the cashier
    picks one: Enter or a double click on a row, or the service's number typed while the list
    has the focus."""

    rung = Signal(str)

    def __init__(self, services: Sequence[ServiceView], parent: QWidget | None = None) -> None:
        super().__init__(len(services), 3, parent)
        self.setObjectName("services")
        self.setAccessibleName(QCoreApplication.translate("ServicePicker", "Services"))
        # A companion (a late penalty, the disability-access shares) comes with its service.
        # The numbered services first, in number order (all in view at 1366x768); then the rest.
        services = sorted(
            (svc for svc in services if svc.offered_alone),
            key=lambda s: (not s.hotkey, s.hotkey or ""),
        )
        self.setRowCount(len(services))
        self._codes = [svc.code for svc in services]
        self._hotkeys = [svc.hotkey for svc in services]
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ServicePicker", "Key"),
                QCoreApplication.translate("ServicePicker", "Service"),
                QCoreApplication.translate("ServicePicker", "Price"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # a name wraps, it is never cut
        self.setShowGrid(False)
        for row, svc in enumerate(services):
            key = QTableWidgetItem(svc.hotkey or "")
            key.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            said = service_name(svc.code, svc.name)
            name = QTableWidgetItem(said)
            name.setData(Qt.ItemDataRole.UserRole, svc.code)
            name.setToolTip(said)
            price = QTableWidgetItem(price_text(svc.rule, svc.code))
            price.setTextAlignment(_RIGHT)
            if svc.hotkey:
                font = name.font()
                font.setBold(True)
                name.setFont(font)
                key.setFont(font)
            for col, item in enumerate((key, name, price)):
                self.setItem(row, col, item)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if services:
            self.selectRow(0)
        self.activated.connect(lambda index: self.rung.emit(self._codes[index.row()]))

    def current_code(self) -> str | None:
        row = self.currentRow()
        return self._codes[row] if 0 <= row < len(self._codes) else None

    def select_code(self, code: str) -> None:
        """Highlight the row of service `code` (Enter then rings it)."""
        self.selectRow(self._codes.index(code))

    def price(self, code: str) -> str:
        """The price the picker shows for a service (tests and screen readers)."""
        item = self.item(self._codes.index(code), 2)
        return item.text() if item is not None else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        for row, hotkey in enumerate(self._hotkeys):
            if text and hotkey == text:
                self.selectRow(row)
                self.rung.emit(self._codes[row])
                return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code = self.current_code()
            if code is not None:
                self.rung.emit(code)
            return
        super().keyPressEvent(event)
