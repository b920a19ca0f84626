"""The supervisor's fee schedule screen: each service's fee history and a new effective-dated fee."""

from __future__ import annotations

import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
)

from counterpos.services.clock import local_today
from counterpos.services.counter import fee_schedule
from counterpos.services.errors import CounterError
from counterpos.services.sale import catalog
from counterpos.ui.formats import date_text, set_date_format
from counterpos.ui.widgets.counter_dialog import CounterDialog


class FeeScheduleDialog(CounterDialog):
    """Nothing is overwritten: saving adds a schedule from its date on (supervisor, audited)."""

    def __init__(self, station, actor, parent=None) -> None:
        super().__init__(self.tr("Fee schedules"), parent)
        self.station = station
        self.actor = actor
        self.service = QComboBox()
        self.service.setObjectName("service")
        for svc in catalog.list_services(station):
            self.service.addItem(f"{svc.name} ({svc.code})", svc.code)
        self.service.currentIndexChanged.connect(self.refresh)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("history")
        self.table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Fee"), self.tr("Entered by"), self.tr("In effect")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rule = QPlainTextEdit()
        self.rule.setObjectName("rule")
        self.rule.setPlaceholderText(self.tr("An amount like 25.00, or the rule as JSON"))
        self.effective = QDateEdit()
        self.effective.setObjectName("effective_from")
        self.effective.setCalendarPopup(True)
        set_date_format(self.effective)
        today = local_today()
        self.effective.setDate(QDate(today.year, today.month, today.day))
        top = self.add_form()
        self.add_field(top, self.tr("&Service"), self.service, "service")
        self.body_layout.addWidget(self.table, 1)
        form = self.add_form()
        self.rule.setMaximumHeight(self.rule.fontMetrics().lineSpacing() * 6)
        self.add_field(form, self.tr("&New fee"), self.rule, "rule", required=True)
        self.add_field(form, self.tr("In &effect from"), self.effective, "effective_from")
        self.add_button(self.tr("Close (Esc)"), back=True)
        save = self.add_button(self.tr("Add this fee (Ctrl+Enter)"), self.save, primary=True)
        save.setObjectName("save")
        self.first_field = self.service
        self.setMinimumSize(760, 520)
        self.refresh()

    def refresh(self) -> None:
        code = self.service.currentData()
        if code is None:
            return
        rows = fee_schedule.history(self.station, code)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate(
                (
                    date_text(r.effective_from),
                    r.summary,
                    r.created_by,
                    self.tr("yes") if r.in_effect else "",
                )
            ):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        current = next((r for r in rows if r.in_effect), rows[0] if rows else None)
        if current is not None:
            rule = current.rule
            if rule.get("kind") == "fixed":
                self.rule.setPlainText(f"{int(rule['cents']) / 100:.2f}")
            else:
                self.rule.setPlainText(json.dumps(rule, indent=1))

    def save(self) -> None:
        code = self.service.currentData()
        qd = self.effective.date()
        from datetime import date  # noqa: PLC0415

        try:
            rule = fee_schedule.parse_rule(self.rule.toPlainText())
            row = fee_schedule.add_schedule(
                self.station, self.actor, code, rule, date(qd.year(), qd.month(), qd.day())
            )
        except CounterError as exc:
            self.say(str(exc))
            return
        self.say(
            self.tr("Saved: {fee} from {day}.").format(
                fee=row.summary, day=date_text(row.effective_from)
            ),
            "ok",
        )
        self.refresh()
        self.work_saved()
