"""Late fees and notices, renewal notices, and their letters printed with a progress bar.

The run itself is one transaction in a service; the letters are drawn off the GUI thread into
one PDF in the station's letters folder, the bar moving as they go.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.utility.delinquency.run import delinquency_run
from counterpos.services.utility.notices.letters import run_letters_pdf
from counterpos.services.utility.notices.renewals import send_renewal_notices
from counterpos.ui.account import progress_job
from counterpos.ui.background import run_in_background


class NoticesDialog(QDialog):
    """`run_id` is the last run whose letters can be printed; `letters_path` where they went."""

    def __init__(self, station, actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.run_id = ""
        self.letters_path: Path | None = None
        self.job: progress_job.ProgressJob | None = None
        self.setWindowTitle(self.tr("Notices and letters"))
        self.setMinimumWidth(520)
        tr = self.tr
        self.run_button = QPushButton(tr("Run late fees and &notices"))
        self.run_button.setObjectName("run")
        self.renew_button = QPushButton(tr("&Renewal notices, next"))
        self.renew_button.setObjectName("renew")
        self.window_days = QSpinBox()
        self.window_days.setObjectName("window")
        self.window_days.setRange(1, 120)
        self.window_days.setValue(30)
        self.window_days.setSuffix(tr(" days"))
        self.print_button = QPushButton(tr("&Print the letters"))
        self.print_button.setObjectName("print")
        self.print_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message = QLabel(
            tr("Late fees are charged once per bill; a notice is never sent twice.")
        )
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        close = QPushButton(tr("Close (Esc)"))
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.renew_button)
        row.addWidget(self.window_days)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.print_button)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.run_button.clicked.connect(self.run_notices)
        self.renew_button.clicked.connect(self.run_renewals)
        self.print_button.clicked.connect(lambda: self.print_letters())
        close.clicked.connect(self.reject)

    def _busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.renew_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy and bool(self.run_id))

    def run_notices(self) -> None:
        self._busy(True)
        self.message.setText(self.tr("Charging late fees and choosing notices…"))
        run_in_background(
            delinquency_run, self.station, self.actor, on_done=self._ran, on_error=self._failed
        )

    def _ran(self, result) -> None:
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(result.notices.items())) or self.tr("none")
        self.run_id = result.run_id if result.notices else ""
        self._busy(False)
        self.message.setText(
            self.tr("{fees} late fees charged; notices recorded: {kinds}.").format(
                fees=result.late_fees, kinds=kinds
            )
        )

    def run_renewals(self) -> None:
        try:
            result = send_renewal_notices(self.station, self.actor, self.window_days.value())
        except CounterError as exc:
            self._failed(str(exc))
            return
        sent = ", ".join(f"{n} {k.replace('renewal_', '')}" for k, n in sorted(result.sent.items()))
        self.run_id = result.run_id if result.sent else ""
        self._busy(False)
        self.message.setText(
            self.tr("Renewal notices recorded: {sent} ({old} had one already).").format(
                sent=sent or self.tr("none"), old=result.already_sent
            )
        )

    def print_letters(self, path: Path | None = None) -> None:
        if not self.run_id:
            return
        target = (
            path or self.station.home / "letters" / f"notices-{local_today()}-{self.run_id[:8]}.pdf"
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        self._busy(True)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.message.setText(self.tr("Printing the letters…"))
        self.job = progress_job.start(
            run_letters_pdf,
            self.station,
            self.actor,
            self.run_id,
            target,
            on_progress=self._progress,
            on_done=lambda n: self._printed(n, target),
            on_error=self._failed,
        )

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _printed(self, count: int, path: Path) -> None:
        self.letters_path = path
        self.job = None
        self._busy(False)
        self.bar.setValue(self.bar.maximum())
        self.message.setText(self.tr("{n} letters saved as {path}.").format(n=count, path=path))

    def _failed(self, message: str) -> None:
        self.job = None
        self._busy(False)
        self.message.setText(message)
