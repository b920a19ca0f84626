"""The supervisor's day view: every station's sessions of a date, with over/short, and the Z report
on screen beside them: printed on the receipt printer or saved as a PDF, with the deposit slip.

It needs no drawer of the supervisor's own: it opens from the drawer count as well as from the
till's Controls menu.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from counterpos.domain import z_report as z_text
from counterpos.domain.drawer_balance import describe
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.devices import report_print
from counterpos.services.drawer import day_view, eod
from counterpos.services.errors import CounterError
from counterpos.services.station import Station
from counterpos.ui.background import run_in_background
from counterpos.ui.formats import date_edit, date_text, time_text
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.receipt_view import ReceiptView

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
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DayViewDialog(CounterDialog):
    """`status` says what was done; `report` shows the Z report of the selected session, or of
    the whole date when none is selected."""

    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(self.tr("Day view and Z report"), parent)
        self.station, self.actor = station, actor
        self.rows: list[day_view.SessionSummary] = []
        top = QHBoxLayout()
        self.day = date_edit(local_today())
        self.day.setObjectName("day_date")
        label = QLabel(self.tr("&Date"))
        label.setBuddy(self.day)
        top.addWidget(label)
        top.addWidget(self.day)
        hint = QLabel(self.tr("↑ ↓ choose a session (the Z report follows); Esc: the whole day"))
        hint.setObjectName("hint")
        top.addWidget(hint, 1)
        self.body_layout.addLayout(top)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("day_table")
        self.table.setAccessibleName(self.tr("Drawer sessions"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.report = ReceiptView()
        self.report.setObjectName("z_report")
        self.report.setAccessibleName(self.tr("Day view and Z report"))
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("day_status")
        self.status.setWordWrap(True)
        left.addWidget(self.status)
        body.addLayout(left, 1)
        self.report.setMaximumWidth(self.report.minimumWidth())  # the report's own 42 columns
        body.addWidget(self.report)
        self.body_layout.addLayout(body, 1)
        self.add_button(self.tr("Close (Esc)"), back=True)
        self.deposit_button = self.add_button(
            self.tr("Deposit slip PDF… (Ctrl+D)"), lambda: self.save_pdf("deposit")
        )
        self.z_button = self.add_button(
            self.tr("Z report PDF… (Ctrl+S)"), lambda: self.save_pdf("z")
        )
        self.print_button = self.add_button(
            self.tr("Print Z report (Ctrl+P)"), self.print_report, primary=True
        )
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save_pdf("z"))
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: self.save_pdf("deposit"))
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_report)
        self.day.dateChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self.show_report)
        self.first_field = self.table
        self.setMinimumSize(1100, 600)
        self.refresh()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        # As wide as the screen allows (fit_to_screen clamps it): every column of the sessions
        # beside the whole width of the Z report.
        return QSize(1920, 720)

    def has_work(self) -> bool:
        return False  # nothing typed here is lost

    def reject(self) -> None:
        # Esc with a session chosen goes back to the whole day first.
        if self.table.selectionModel().hasSelection() and self.isVisible():
            self.table.clearSelection()
            self.table.setCurrentCell(-1, -1)
            self.show_report()
            return
        super().reject()

    def refresh(self) -> None:
        try:
            self.rows = day_view.sessions_on(self.station, self.actor, self.chosen_day())
        except CounterError as exc:
            self.status.setText(str(exc))
            self.report.clear()
            return
        self.table.setRowCount(len(self.rows))
        for r, s in enumerate(self.rows):
            cashier = s.cashier + (self.tr(" (RECOVERY)") if s.kind == "recovery" else "")
            cells = (
                s.station_code,
                cashier,
                time_text(s.opened_at),
                self.tr("open") if s.closed_at is None else self.tr("closed"),
                str(s.sales),
                s.collected.format(),
                "" if s.over_short is None else describe(s.over_short),
                s.approver,
                s.note,
            )
            flagged = s.kind == "recovery" or (s.over_short is not None and s.over_short.cents < 0)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(("⚠ " if flagged and c == 1 else "") + text)
                if c in (4, 5, 6):
                    item.setTextAlignment(_RIGHT)
                if flagged:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.status.setText(
            (
                self.tr("1 session on {day}")
                if len(self.rows) == 1
                else self.tr("{n} sessions on {day}")
            ).format(n=len(self.rows), day=date_text(self.chosen_day()))
        )
        self.show_report()

    def scope(self) -> dict:
        """The selected session, or the whole date when no row is selected."""
        picked = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if picked:
            return {"session_id": self.rows[picked[0].row()].session_id}
        return {"day": self.chosen_day()}

    def chosen_day(self) -> date:
        qd = self.day.date()
        return date(qd.year(), qd.month(), qd.day())

    def show_report(self) -> None:
        """The Z report of the scope, on screen as the receipt printer prints it."""
        if not self.rows:
            self.report.show_lines([self.tr("No drawer sessions on this date.")])
            return
        try:
            z = eod.z_report(self.station, self.actor, **self.scope())
        except CounterError as exc:
            self.report.show_lines([str(exc)])
            return
        self.report.show_lines(z_text.render_text(z, 44))

    def print_report(self) -> None:
        if not self.rows:
            self.say(self.tr("There is nothing to print for this date."))
            return
        self.say(self.tr("Printing the Z report…"), "info")
        self.print_button.setEnabled(False)
        run_in_background(
            report_print.print_z_report,
            self.station,
            self.actor,
            **self.scope(),
            on_done=self._printed,
            on_error=self._failed,
        )

    def _printed(self, outcome) -> None:
        self.print_button.setEnabled(True)
        # sent to a printer that reports no status: a warning to look at the paper, not a tick
        self.say(outcome.message, "ok" if outcome.confirmed else "warn")

    def _failed(self, message: str) -> None:
        self.print_button.setEnabled(True)
        self.say(message)

    def write(self, which: str, path: Path) -> Path:
        """Save the Z report ("z") or the deposit slip as a PDF; the service audits the copy."""
        save = eod.z_report_pdf if which == "z" else eod.deposit_slip_pdf
        return save(self.station, self.actor, path, **self.scope()).path

    def save_pdf(self, which: str) -> None:
        scope = self.scope()
        stem = str(scope.get("session_id", ""))[-8:] or str(scope.get("day"))
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save PDF"),
            f"{'z-report' if which == 'z' else 'deposit-slip'}-{stem}.pdf",
            "PDF (*.pdf)",
        )
        if not name:
            return
        try:
            self.write(which, Path(name))
        except CounterError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Saved {name}").format(name=name))
