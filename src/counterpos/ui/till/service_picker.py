"""The till's list of services on sale: arrows and Enter, or a service's number key, ring one."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from counterpos.services.sale.catalog import ServiceView


class ServicePicker(QListWidget):
    """One row per service, its hotkey first. `rung(code)` when the cashier picks one: Enter or
    a double click on a row, or the service's hotkey typed while the list has the focus."""

    rung = Signal(str)

    def __init__(self, services: Sequence[ServiceView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("services")
        # A companion (a late penalty, the disability-access shares) comes with its service.
        services = [svc for svc in services if svc.offered_alone]
        self._codes = [svc.code for svc in services]
        self._hotkeys = [svc.hotkey for svc in services]
        for svc in services:
            key = svc.hotkey or " "
            item = QListWidgetItem(f"{key}   {svc.name}")
            item.setData(Qt.ItemDataRole.UserRole, svc.code)
            self.addItem(item)
        self.setCurrentRow(0)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(lambda item: self.rung.emit(item.data(Qt.ItemDataRole.UserRole)))

    def current_code(self) -> str | None:
        item = self.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        for row, hotkey in enumerate(self._hotkeys):
            if text and hotkey == text:
                self.setCurrentRow(row)
                self.rung.emit(self._codes[row])
                return
        super().keyPressEvent(event)
