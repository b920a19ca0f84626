"""The till's garbage collector: automatic collection off, collection on the GUI thread."""

from __future__ import annotations

import gc
import weakref

import pytest

from counterpos.ui.gui_thread_gc import GuiThreadGarbageCollector

pytestmark = pytest.mark.gui


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_gui_thread_timer(qtbot, monkeypatch):
    monkeypatch.setattr(gc, "get_threshold", lambda: (10, 10, 10))
    collector = GuiThreadGarbageCollector(interval_ms=10)
    try:
        assert not gc.isenabled()
        probe = Cycle()
        alive = weakref.ref(probe)
        del probe
        for _ in range(50):  # enough new objects to cross the youngest threshold
            Cycle()
        assert alive() is not None  # nothing collects it on its own any more
        qtbot.waitUntil(lambda: alive() is None, timeout=2000)
    finally:
        collector.timer.stop()
