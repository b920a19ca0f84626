"""What the finance office's pages share: read-only tables, a page that calls the services
through its window, and a button a role cannot use shown disabled with the reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from counterpos.ui.back_office.office_window import OfficeWindow

RED = QColor("#b00020")


def table(name: str, columns: list[str], accessible: str) -> QTableWidget:
    t = QTableWidget(0, len(columns))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)  # Tab leaves the list; the arrows move inside it
    t.horizontalHeader().setStretchLastSection(True)
    if accessible:
        t.setAccessibleName(accessible)
    return t


def fill(t: QTableWidget, rows: list[tuple], red: list[bool] | None = None) -> None:
    t.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            item = QTableWidgetItem("" if value is None else str(value))
            if red and red[r]:
                item.setForeground(RED)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()


def picked(t: QTableWidget) -> int | None:
    model = t.selectionModel()
    rows = model.selectedRows() if model else []
    return rows[0].row() if rows else None


def permitted(button: QAbstractButton, actor, permission: str, reason: str) -> bool:
    """True when `actor`'s role holds `permission`; else the button is disabled and carries
    the reason (its tooltip, and its accessible description for a screen reader)."""
    if actor.can(permission):
        return True
    button.setEnabled(False)
    button.setToolTip(reason)
    button.setAccessibleDescription(reason)
    return False


class OfficePage(QWidget):
    """A page of the office's window: its services are called through the window (one
    connection, failures on the window's status line); `refresh` reloads it."""

    def __init__(self, window: OfficeWindow) -> None:
        super().__init__()
        self.win = window
        self.denied: list[str] = []
        self.why = QLabel(self)  # a child from the start: shown with the page, never alone
        self.why.setObjectName("office_why")
        self.why.setWordWrap(True)
        self.why.setVisible(False)

    def call(self, fn, *args: Any, **kw: Any) -> Any:
        return self.win._run(fn, *args, **kw)

    def say(self, text: str) -> None:
        self.win.status.setText(text)

    def refresh(self) -> None:
        """Reload what the page shows (the window calls it after connecting and on Refresh)."""

    def allow(self, button: QAbstractButton, permission: str, reason: str) -> bool:
        """Leave `button` usable when the signed-in role holds `permission` (the services
        check it again); otherwise disable it and say why, on the button and on the page."""
        if permitted(button, self.win.actor, permission, reason):
            return True
        if reason not in self.denied:
            self.denied.append(reason)
        self.why.setText("\n".join(self.denied))
        self.why.setVisible(True)
        return False


__all__ = ["RED", "OfficePage", "fill", "permitted", "picked", "table"]
