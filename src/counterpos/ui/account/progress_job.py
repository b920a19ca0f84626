"""A long job (letters, a run's bills) on a pool thread, reporting its progress to the screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from counterpos.services.errors import CounterError

_running: set[ProgressJob] = set()  # keeps the Python wrappers alive until they report


class ProgressSignals(QObject):
    progress = Signal(int, int)  # done, total
    done = Signal(object)
    failed = Signal(str)
    finished = Signal()


class ProgressJob(QRunnable):
    """Calls fn(*args, progress=...) off the GUI thread; its signals arrive on the GUI thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args = fn, args
        self.signals = ProgressSignals()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, progress=self.signals.progress.emit)
        except CounterError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug or a full disk: say so, keep the till running
            self.signals.failed.emit(
                QCoreApplication.translate("ProgressJob", "The job failed: {0}").format(exc)
            )
        else:
            self.signals.done.emit(result)
        self.signals.finished.emit()


def start(
    fn: Callable[..., Any],
    *args: Any,
    on_progress: Callable[[int, int], None],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> ProgressJob:
    job = ProgressJob(fn, *args)
    job.signals.progress.connect(on_progress)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_error)
    _running.add(job)
    job.signals.finished.connect(lambda: _running.discard(job))
    QThreadPool.globalInstance().start(job)
    return job
