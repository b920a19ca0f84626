"""Python's cyclic garbage collector, run only on the GUI thread.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed: a printing or card-void worker thread, say. If the garbage it finds holds the last
reference to a Qt object, that object is destroyed in the wrong thread, and Qt may crash the
whole till. So the automatic collector is switched off and a timer on the GUI thread collects
with the same generation thresholds instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadGarbageCollector(QObject):
    """Create once, on the GUI thread, after the QApplication; keep it alive as long as it."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(interval_ms)

    def check(self) -> None:
        collect_due(self.thresholds)


def collect_due(thresholds: tuple[int, ...]) -> None:
    """Collect the generations whose counts have passed their thresholds, as gc itself would."""
    young, middle, old = gc.get_count()
    if young > thresholds[0]:
        gc.collect(0)
        if middle > thresholds[1]:
            gc.collect(1)
            if old > thresholds[2]:
                gc.collect(2)
