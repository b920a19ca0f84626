"""Baseline for bench/startup.py: a bare PySide6 window with one label, timed to its first paint."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class FirstPaint(QObject):
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, shown)
        return False


def shown() -> None:
    print(f"COUNTERPOS_SHOWN {time.time():.6f}", flush=True)
    os._exit(0)


app = QApplication(sys.argv)
label = QLabel("Hello from a bare window")
watcher = FirstPaint()
label.installEventFilter(watcher)
label.show()
app.exec()
