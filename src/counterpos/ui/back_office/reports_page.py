"""Reports for a period (a month, a quarter, the city's fiscal year) saved as PDF, CSV or XLSX.

services/office/period_reports.save runs on a pool thread (as `counterpos office report` runs
it in the terminal) and moves the progress bar section by section; the window stays usable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from counterpos.domain import period as periods
from counterpos.services.clock import local_today
from counterpos.services.office import period_reports
from counterpos.ui.accessible import plain
from counterpos.ui.account import progress_job
from counterpos.ui.back_office.office_parts import OfficePage

SUFFIX = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}


def _save(office, period: periods.Period, path: Path, fmt: str, progress) -> Path:
    """The service with the job's (done, of) progress; the section's name is not needed."""
    period_reports.save(office, period, path, fmt, progress=lambda d, n, _what: progress(d, n))
    return path


class ReportsPage(OfficePage):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.job: progress_job.ProgressJob | None = None
        self.saved: Path | None = None
        v = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The cash-receipts journal; revenue by fund, GL account and service; the "
                "registers of deposits, adjustments, voids, refunds and over/short by cashier; "
                "receipt-number continuity per station."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        h = QHBoxLayout()
        today = local_today()
        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.addItem(self.tr("Quarter"), "quarter")
        self.kind.addItem(self.tr("Fiscal year ending in the year"), "fy")
        kind_label = QLabel(self.tr("&Period"))
        kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(self.tr("Period"))
        self.year = QSpinBox()
        self.year.setObjectName("report_year")
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        year_label = QLabel(self.tr("&Year"))
        year_label.setBuddy(self.year)
        self.year.setAccessibleName(self.tr("Year"))
        self.number = QSpinBox()
        self.number.setObjectName("report_number")
        self.number.setRange(1, 12)
        self.number.setValue(today.month)
        self.number_label = QLabel(self.tr("&Month"))
        self.number_label.setBuddy(self.number)
        self.number.setAccessibleName(self.tr("Month"))
        self.fmt = QComboBox()
        self.fmt.setObjectName("report_format")
        for code in ("pdf", "csv", "xlsx"):
            self.fmt.addItem(code.upper(), code)
        fmt_label = QLabel(self.tr("&Format"))
        fmt_label.setBuddy(self.fmt)
        self.fmt.setAccessibleName(self.tr("Format"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setObjectName("report_export")
        self.export_button.clicked.connect(self.export_dialog)
        for w in (
            kind_label,
            self.kind,
            year_label,
            self.year,
            self.number_label,
            self.number,
            fmt_label,
            self.fmt,
            self.export_button,
        ):
            h.addWidget(w)
        h.addStretch(1)
        v.addLayout(h)
        self.bar = QProgressBar()
        self.bar.setObjectName("report_progress")
        self.bar.setAccessibleName(self.tr("Progress of the report"))
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        v.addWidget(self.bar)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        v.addWidget(self.message)
        v.addStretch(1)
        v.addWidget(self.why)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.allow(
            self.export_button,
            "office_reports",
            self.tr("Your role may not run the office's period reports."),
        )

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.number.setEnabled(kind != "fy")
        if kind == "month":
            self.number_label.setText(self.tr("&Month"))
            self.number.setRange(1, 12)
        elif kind == "quarter":
            self.number_label.setText(self.tr("&Quarter"))
            self.number.setRange(1, 4)
        self.number.setAccessibleName(plain(self.number_label.text()))

    def period(self) -> periods.Period:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return periods.month(year, self.number.value())
        if kind == "quarter":
            return periods.quarter(year, self.number.value())
        return periods.fiscal_year(year)

    def export_to(self, path: Path) -> bool:
        """Start the report on a pool thread; False when one is running already."""
        if self.job is not None:
            self.say(self.tr("A report is being written; wait for it to finish."))
            return False
        if self.win.office is None and not self.win.connect_office():
            return False
        period = self.period()
        self.saved = None
        self.export_button.setEnabled(False)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message.setText(self.tr("Writing {period}…").format(period=period.label))
        self.job = progress_job.start(
            _save,
            self.win.office,
            period,
            path,
            self.fmt.currentData(),
            on_progress=self._progress,
            on_done=lambda done: self._done(done, period),
            on_error=self._failed,
        )
        self.job.signals.finished.connect(self._finished)
        return True

    def export_dialog(self) -> None:
        fmt = self.fmt.currentData()
        period = self.period()
        suggested = f"report-{period.first:%Y-%m}-{period.last:%Y-%m}.{fmt}"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the period report"), suggested, SUFFIX[fmt]
        )
        if name:
            self.export_to(Path(name))

    def _progress(self, done: int, of: int) -> None:
        self.bar.setRange(0, max(of, 1))
        self.bar.setValue(done)

    def _done(self, path: Any, period: periods.Period) -> None:
        self.saved = Path(path)
        text = self.tr("{period} saved to {path}.").format(period=period.label, path=path)
        self.message.setText(text)
        self.say(text)

    def _failed(self, why: str) -> None:
        self.bar.setValue(0)
        self.message.setText(why)
        self.say(why)

    def _finished(self) -> None:
        self.job = None
        self.export_button.setEnabled(self.win.actor.can("office_reports"))
