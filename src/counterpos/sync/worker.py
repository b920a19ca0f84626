"""The background sync worker: a plain thread running push-and-pull cycles with backoff."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def backoff_delay(failures: int, base: float, cap: float) -> float:
    """Exponential backoff: base, 2*base, 4*base, ... never more than cap."""
    if failures <= 0:
        return 0.0
    return min(cap, base * (2 ** min(failures - 1, 30)))


class SyncWorker(threading.Thread):
    """Calls `cycle()` every `interval` seconds; after a failure waits exponentially longer.

    `cycle` does one push and pull and raises when the centre could not be reached. The worker
    never stops on an error: it logs it, backs off up to `max_backoff` and tries again. `wake()`
    runs a cycle at once (after a sale, say); `stop()` ends the thread after the current cycle.
    """

    def __init__(
        self,
        cycle: Callable[[], object],
        *,
        interval: float = 30.0,
        base_backoff: float = 2.0,
        max_backoff: float = 300.0,
        on_result: Callable[[object | None, BaseException | None], None] | None = None,
    ) -> None:
        super().__init__(name="counterpos-sync", daemon=True)
        self._cycle = cycle
        self.interval = interval
        self.base_backoff = base_backoff
        self.max_backoff = max_backoff
        self._on_result = on_result
        self._wake = threading.Event()
        self._halt = threading.Event()
        self.failures = 0
        self.cycles = 0

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        self._halt.set()
        self._wake.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout)

    @property
    def next_delay(self) -> float:
        if self.failures:
            return backoff_delay(self.failures, self.base_backoff, self.max_backoff)
        return self.interval

    def run(self) -> None:
        while not self._halt.is_set():
            result, error = None, None
            try:
                result = self._cycle()
                self.failures = 0
            except Exception as exc:  # noqa: BLE001 - the worker must outlive every failure
                self.failures += 1
                error = exc
                log.warning("sync cycle failed (%d in a row): %s", self.failures, exc)
            self.cycles += 1
            if self._on_result is not None:
                try:
                    self._on_result(result, error)
                except Exception:  # noqa: BLE001
                    log.exception("sync result callback failed")
            self._wake.wait(self.next_delay)
            self._wake.clear()
