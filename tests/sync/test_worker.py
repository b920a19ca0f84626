"""The sync worker's backoff and resilience, with a real thread and no database."""

from __future__ import annotations

import threading

import pytest

from counterpos.sync.worker import SyncWorker, backoff_delay


def test_backoff_doubles_up_to_the_cap():
    assert [backoff_delay(n, 2.0, 60.0) for n in range(0, 8)] == [0, 2, 4, 8, 16, 32, 60, 60]
    assert backoff_delay(10_000, 1.0, 300.0) == 300.0


def test_worker_retries_by_itself_and_resets_after_success():
    calls, done = [], threading.Event()
    seen_failures = []

    def cycle():
        calls.append(1)
        if len(calls) <= 3:
            raise ConnectionError("centre away")
        done.set()
        return "ok"

    def on_result(result, error):
        seen_failures.append(worker.failures)

    worker = SyncWorker(
        cycle, interval=5.0, base_backoff=0.01, max_backoff=0.05, on_result=on_result
    )
    worker.start()
    try:
        assert done.wait(5)
    finally:
        worker.stop()
    assert seen_failures[:4] == [1, 2, 3, 0]
    assert worker.failures == 0 and not worker.is_alive()


def test_wake_runs_a_cycle_at_once():
    ran = threading.Semaphore(0)
    worker = SyncWorker(lambda: ran.release(), interval=3600)
    worker.start()
    try:
        assert ran.acquire(timeout=5)  # the first cycle runs at start
        worker.wake()
        assert ran.acquire(timeout=5)
    finally:
        worker.stop()


@pytest.mark.parametrize("failures,expected", [(0, 7.0), (1, 0.5), (2, 1.0), (9, 3.0)])
def test_next_delay(failures, expected):
    worker = SyncWorker(lambda: None, interval=7.0, base_backoff=0.5, max_backoff=3.0)
    worker.failures = failures
    assert worker.next_delay == expected
