"""What the cashier sees when the till meets an error it did not expect: a plain dialog.

The error itself is logged first (counterpos.faults); this only tells the person at the counter
that nothing was lost and what to do. Nothing is closed, cleared or rolled back: the sale on
screen stays as it was, and every saved sale was saved in its own transaction.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from counterpos.ui.formats import time_text

QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
qt_log = logging.getLogger("qt")


def log_qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings and errors go to the log file instead of a console nobody reads."""
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(log_qt_message)


class FaultReporter(QObject):
    """Shows one plain dialog per unexpected error (not a pile of them), on the GUI thread."""

    shown = Signal(str)  # the dialog's text (tests, and anything that wants to know)
    _raised = Signal(str)

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = Path(log_file)
        self.box: QMessageBox | None = None
        self.count = 0
        self._raised.connect(self._show)

    def report(self, exc_type, exc, tb) -> None:
        """The hook counterpos.faults calls after logging; any thread may call it."""
        self.count += 1
        self._raised.emit(time_text(datetime.now()))

    def _show(self, when: str) -> None:
        if self.box is not None and self.box.isVisible():
            return  # one dialog at a time; every error is in the log
        text = self.tr(
            "CounterPOS met an error it did not expect, at {when}.\n\n"
            "Nothing was lost: the sale on the screen is still there, and every sale already "
            "completed is saved.\n\n"
            "Carry on with the sale. If this happens again, call IT and tell them the time; "
            "the details are in {log}."
        ).format(when=when, log=self.log_file)
        self.box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Something went wrong"),
            text,
            QMessageBox.StandardButton.Ok,
            QApplication.activeWindow(),
        )
        self.box.setObjectName("faultDialog")
        self.box.open()  # not exec(): the till's event loop keeps running
        self.shown.emit(text)
