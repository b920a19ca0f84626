"""One worker thread and one queue per device; every call has a deadline, stale jobs are dropped."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any


def seconds(value: float) -> str:
    """'1 second', '2.5 seconds': for messages people read."""
    return f"{value:g} second" + ("" if value == 1 else "s")


class DeviceBusy(Exception):
    """The device did not finish (or start) the call in time; the job was dropped."""


@dataclass
class _Job:
    fn: Callable[[], Any]
    future: Future
    start_by: float  # monotonic time after which the job is dropped instead of started


class DeviceWorker:
    """Runs calls to one device in order on its own thread."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name=f"device:{name}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if not job.future.set_running_or_notify_cancel():
                continue
            if time.monotonic() > job.start_by:
                # Never fire late: a drawer kick queued behind a stuck print is dropped.
                job.future.set_exception(DeviceBusy("dropped: it waited too long to start"))
                continue
            try:
                job.future.set_result(job.fn())
            except BaseException as exc:  # handed to the caller, who decides
                job.future.set_exception(exc)

    def call(self, fn: Callable[[], Any], *, timeout: float, start_within: float | None = None):
        """Run fn on the device thread; wait at most `timeout` seconds for its result.

        A job not started within `start_within` seconds (default: `timeout`) is dropped.
        Raises DeviceBusy when the wait runs out; the call's own exception otherwise.
        """
        future: Future = Future()
        start_by = time.monotonic() + (timeout if start_within is None else start_within)
        self._queue.put(_Job(fn, future, start_by))
        try:
            return future.result(timeout=timeout)
        except FutureTimeout:
            future.cancel()  # if it has not started, it never will
            raise DeviceBusy(f"no answer within {seconds(timeout)}") from None

    def stop(self) -> None:
        self._queue.put(None)


_workers: dict[str, DeviceWorker] = {}
_lock = threading.Lock()


def worker_for(device: str) -> DeviceWorker:
    """The one worker of a device (a printer URL or a serial port), made on first use."""
    with _lock:
        w = _workers.get(device)
        if w is None or not w._thread.is_alive():
            w = _workers[device] = DeviceWorker(device)
        return w
