"""Runs printing (and other slow hardware calls) off the GUI thread and reports back by signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from counterpos.services.errors import CounterError

_running: set[PrintTask] = set()  # keeps Python wrappers alive until their signal is delivered


class PrintSignals(QObject):
    done = Signal(object)  # the function's return value
    failed = Signal(str)  # a plain message for the cashier
    finished = Signal()  # after done or failed


class PrintTask(QRunnable):
    """Calls fn(*args) on a pool thread. Connect to `signals` before starting it."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = PrintSignals()  # lives in the GUI thread: its slots run there

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except CounterError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug or an unexpected device error: say so, keep running
            self.signals.failed.emit(
                QCoreApplication.translate("PrintWorker", "The printer job failed: {0}").format(exc)
            )
        else:
            self.signals.done.emit(result)
        self.signals.finished.emit()


def _pool() -> QThreadPool:
    pool = QThreadPool.globalInstance()
    return pool


def run_in_background(
    fn: Callable[..., Any],
    *args: Any,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    **kwargs: Any,
) -> PrintTask:
    """Start fn(*args, **kwargs) off the GUI thread; on_done / on_error run on the GUI thread."""
    task = PrintTask(fn, *args, **kwargs)
    if on_done is not None:
        task.signals.done.connect(on_done)
    if on_error is not None:
        task.signals.failed.connect(on_error)
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    _pool().start(task)
    return task


def print_after_sale(station, actor, completed, on_done: Callable[[Any], None]) -> PrintTask:
    """After complete_sale: open the drawer and print the receipt off the GUI thread.

    on_done receives a services.after_sale.AfterSale (never an exception: hardware faults are
    in its `problems`, ready to show; the sale is saved whatever happens).
    """
    from counterpos.services.devices.after_sale import after_sale

    def fallback(message: str) -> None:
        from counterpos.services.devices.after_sale import AfterSale

        on_done(AfterSale(completed.receipt_no, False, False, (message,)))

    return run_in_background(
        after_sale, station, actor, completed, on_done=on_done, on_error=fallback
    )
