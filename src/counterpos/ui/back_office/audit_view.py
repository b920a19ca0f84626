"""The supervisor's audit screen: list and filter events, and check the hash chain."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from counterpos.services import audit_log
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.station import Station
from counterpos.ui.formats import datetime_text, set_date_format
from counterpos.ui.widgets.counter_dialog import CounterDialog

COLUMNS = ("Seq", "When", "Station", "Action", "By", "Approver", "Target", "Details")


class AuditView(CounterDialog):
    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(self.tr("Audit trail"), parent)
        self.station, self.actor = station, actor
        layout = self.body_layout
        filters = QHBoxLayout()
        self.action = QComboBox()
        self.action.setObjectName("audit_action")
        self.action.addItem(self.tr("All actions"), "")
        for a in audit_log.actions(station):
            self.action.addItem(a.replace("_", " "), a)
        self.user = QLineEdit()
        self.user.setObjectName("audit_user")
        self.user.setPlaceholderText(self.tr("user"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("receipt or target"))
        self.use_dates = QCheckBox(self.tr("From"))
        today = QDate(local_today().year, local_today().month, local_today().day)
        self.since = QDateEdit(today)
        self.until = QDateEdit(today)
        for w in (self.since, self.until):
            w.setCalendarPopup(True)
            set_date_format(w)
        search = QPushButton(self.tr("Show (Enter)"))
        search.setObjectName("audit_show")
        search.setAutoDefault(False)
        for w in (
            self.action,
            self.user,
            self.target,
            self.use_dates,
            self.since,
            QLabel(self.tr("to")),
            self.until,
            search,
        ):
            filters.addWidget(w)
        layout.addLayout(filters)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("audit_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setObjectName("audit_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.add_button(self.tr("Close (Esc)"), back=True)
        self.add_button(self.tr("Verify chain"), self.verify, name="audit_verify")
        search.clicked.connect(self.refresh)
        self.primary = search  # Enter shows the events the filters ask for
        self.first_field = self.action
        self.setMinimumSize(1100, 600)
        self.refresh()

    def has_work(self) -> bool:
        return False  # filters only: nothing to lose

    def refresh(self) -> None:
        def day(w: QDateEdit):
            return w.date().toPython() if self.use_dates.isChecked() else None

        try:
            events = audit_log.list_events(
                self.station,
                self.actor,
                action=self.action.currentData() or "",
                user=self.user.text(),
                since=day(self.since),
                until=day(self.until),
                text=self.target.text(),
            )
        except CounterError as exc:
            self.status.setText(str(exc))
            return
        self.table.setRowCount(len(events))
        for r, e in enumerate(events):
            cells = (
                str(e.seq),
                datetime_text(e.at),
                e.station_code,
                e.action,
                e.actor,
                e.approver,
                e.target,
                json.dumps(e.details, sort_keys=True),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.status.setText(self.tr("{n} events").format(n=len(events)))

    def verify(self) -> None:
        check = audit_log.verify(self.station)
        if check.ok:
            self.status.setText(self.tr("Chain OK: {n} events checked.").format(n=check.checked))
            self.status.setProperty("tone", "ok")
        else:
            self.status.setText(
                self.tr("CHAIN BROKEN at event {seq}: {problem}").format(
                    seq=check.first_bad_seq, problem=check.problem
                )
                if check.first_bad_seq is not None
                else self.tr("TAMPERING FOUND: {problem}").format(problem=check.problem)
            )
            self.status.setProperty("tone", "error")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
