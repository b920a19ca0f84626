"""The supervisor's day view: every station's sessions of a date, with over/short and reports."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from counterpos.domain.drawer_balance import describe
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.drawer import day_view, eod
from counterpos.services.errors import CounterError
from counterpos.services.station import Station

COLUMNS = (
    "Station",
    "Cashier",
    "Opened",
    "Status",
    "Sales",
    "Collected",
    "Over/short",
    "Accepted by",
    "Note",
)


class DayViewDialog(QDialog):
    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.rows: list[day_view.SessionSummary] = []
        self.setWindowTitle(self.tr("Day view"))
        self.resize(900, 420)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        t = local_today()
        self.day = QDateEdit(QDate(t.year, t.month, t.day))
        self.day.setObjectName("day_date")
        self.day.setCalendarPopup(True)
        self.day.dateChanged.connect(self.refresh)
        top.addWidget(QLabel(self.tr("Date")))
        top.addWidget(self.day)
        top.addStretch(1)
        self.z_button = QPushButton(self.tr("Z report PDF…"))
        self.deposit_button = QPushButton(self.tr("Deposit slip PDF…"))
        top.addWidget(self.z_button)
        top.addWidget(self.deposit_button)
        layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("day_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.table)
        self.status = QLabel()
        self.status.setObjectName("day_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.z_button.clicked.connect(lambda: self.save_pdf("z"))
        self.deposit_button.clicked.connect(lambda: self.save_pdf("deposit"))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.rows = day_view.sessions_on(self.station, self.actor, self.day.date().toPython())
        except CounterError as exc:
            self.status.setText(str(exc))
            return
        self.table.setRowCount(len(self.rows))
        for r, s in enumerate(self.rows):
            cashier = s.cashier + (self.tr(" (RECOVERY)") if s.kind == "recovery" else "")
            cells = (
                s.station_code,
                cashier,
                s.opened_at.strftime("%H:%M"),
                self.tr("open") if s.closed_at is None else self.tr("closed"),
                str(s.sales),
                s.collected.format(),
                "" if s.over_short is None else describe(s.over_short),
                s.approver,
                s.note,
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if s.kind == "recovery" or (s.over_short is not None and s.over_short.cents < 0):
                    item.setForeground(QColor("#b00020"))
                self.table.setItem(r, c, item)
        self.status.setText(self.tr("{n} sessions").format(n=len(self.rows)))

    def scope(self) -> dict:
        """The selected session, or the whole date when no row is selected."""
        picked = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if picked:
            return {"session_id": self.rows[picked[0].row()].session_id}
        return {"day": self.day.date().toPython()}

    def write(self, which: str, path: Path) -> Path:
        """Save the Z report ("z") or the deposit slip as a PDF; the service audits the copy."""
        save = eod.z_report_pdf if which == "z" else eod.deposit_slip_pdf
        return save(self.station, self.actor, path, **self.scope()).path

    def save_pdf(self, which: str) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), f"{which}.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        try:
            self.write(which, Path(name))
        except CounterError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Saved {name}").format(name=name))
