"""The per-device worker (hardware/device_worker.py): one thread, calls in order, late jobs dropped."""

from __future__ import annotations

import threading
import time

import pytest

from counterpos.hardware.device_worker import DeviceBusy, DeviceWorker


def test_worker_runs_calls_in_order_on_one_thread():
    w = DeviceWorker("t")
    names = [w.call(lambda: threading.current_thread().name, timeout=2) for _ in range(3)]
    assert names == ["device:t"] * 3
    with pytest.raises(ZeroDivisionError):
        w.call(lambda: 1 / 0, timeout=2)
    w.stop()


def test_worker_drops_a_job_that_could_not_start_in_time():
    w = DeviceWorker("slow")
    fired: list[float] = []
    busy = threading.Event()

    def hold() -> None:
        busy.set()
        time.sleep(1.0)

    blocker = threading.Thread(target=lambda: w.call(hold, timeout=5))
    blocker.start()
    assert busy.wait(5)  # the device is now busy
    with pytest.raises(DeviceBusy):
        w.call(lambda: fired.append(time.monotonic()), timeout=0.3, start_within=0.3)
    blocker.join()
    time.sleep(0.2)
    assert fired == []  # never fired late
    w.stop()
