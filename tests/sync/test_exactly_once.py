"""Spans push, the worker and the centre: exactly once through kills and a stopped server."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from counterpos.services.central import sync as sync_service
from tests.sync.helpers import admin_query, attach, first_accounts, sell

pytestmark = pytest.mark.pg

SRC = Path(__file__).resolve().parents[2]


def _local_totals(station) -> dict:
    with station.store.read() as s:
        return {
            "sales": s.execute(text("SELECT count(*), sum(total_cents) FROM sale")).one(),
            "tenders": s.execute(text("SELECT sum(amount_cents) FROM tender")).scalar(),
            "ledger": s.execute(
                text("SELECT sum(amount_cents) FROM ledger_entry WHERE station_code <> ''")
            ).scalar(),
            "receipts": sorted(s.execute(text("SELECT receipt_no FROM sale")).scalars()),
        }


def _central_totals(url: str) -> dict:
    return {
        "sales": tuple(admin_query(url, "SELECT count(*), sum(total_cents) FROM sale")[0]),
        "tenders": admin_query(url, "SELECT sum(amount_cents) FROM tender")[0][0],
        "ledger": admin_query(url, "SELECT sum(amount_cents) FROM ledger_entry")[0][0],
        "receipts": sorted(r[0] for r in admin_query(url, "SELECT receipt_no FROM sale")),
    }


def _wait(predicate, timeout: float = 60.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_worker_killed_between_central_commit_and_local_mark(
    station, cashier, drawer, central_url, tmp_path
):
    attach(station, central_url)
    sync_service.run_once(station)  # the catalog and users first, so batches hold sales
    accounts = first_accounts(station, 5)
    for i in range(20):
        sell(station, cashier, drawer, account_no=accounts[i % 5], pay=f"{i + 1}.01")
    marker = tmp_path / "committed"
    env = dict(os.environ, PYTHONPATH=str(SRC / "src") + os.pathsep + str(SRC))
    proc = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("push_until_killed.py")),
            str(station.home),
            str(marker),
            "40",
        ],
        env=env,
    )
    try:
        _wait(lambda: marker.exists() or proc.poll() is not None, what="the first batch")
        assert proc.poll() is None, "the worker ended before its first batch was committed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    # The centre has the first batch; the station still thinks none of it was sent.
    sent_centrally = admin_query(central_url, "SELECT count(*) FROM sale")[0][0]
    assert 0 < sent_centrally < 20
    with station.store.read() as s:
        pending = "SELECT count(*) FROM outbox WHERE state = 'pending' AND table_name = 'sale'"
        assert s.execute(text(pending)).scalar() == 20
    report = sync_service.run_once(station)
    assert report.push.inserted < report.push.sent  # the resent batch inserted nothing again
    assert _central_totals(central_url) == _local_totals(station)
    assert admin_query(central_url, "SELECT count(DISTINCT id) FROM sale")[0][0] == 20


def test_server_stopped_mid_sync_backlog_drains(pg_server, station, cashier, drawer, central_url):
    if pg_server.server is None:
        pytest.skip("the server named by COUNTERPOS_TEST_PG_URL cannot be stopped here")
    attach(station, central_url)
    accounts = first_accounts(station, 5)
    for i in range(60):
        sell(station, cashier, drawer, account_no=accounts[i % 5], pay=f"{i + 1}.37")
    worker = sync_service.start_worker(
        station, interval=0.2, base_backoff=0.1, max_backoff=0.5, batch_size=12
    )
    stopped = False
    try:

        def central_sales() -> int:
            return admin_query(central_url, "SELECT count(*) FROM sale")[0][0]

        _wait(lambda: central_sales() > 0, what="the first batch")
        pg_server.stop()
        stopped = True
        # The station keeps selling while the centre is down.
        for i in range(15):
            sell(station, cashier, drawer, account_no=accounts[i % 5], pay=f"{i + 2}.99")
        _wait(lambda: sync_service.status(station).state == "offline", what="offline state")
        offline = sync_service.status(station)
        assert offline.waiting > 0 and offline.last_error
        assert worker.failures >= 1 and worker.is_alive()
        pg_server.start()
        stopped = False
        _wait(
            lambda: sync_service.status(station).state == "up_to_date",
            timeout=120,
            what="the backlog to drain",
        )
    finally:
        if stopped:
            pg_server.start()
        worker.stop()
    local, centre = _local_totals(station), _central_totals(central_url)
    assert local["sales"][0] == 75
    assert centre == local
    with station.store.read() as s:
        assert s.execute(text("SELECT count(*) FROM outbox WHERE state <> 'sent'")).scalar() == 0


def test_sync_process_killed_at_random_moments(station, cashier, drawer, central_url):
    """`counterpos sync` SIGKILLed again and again mid-push: still every sale exactly once."""
    import random

    attach(station, central_url)
    accounts = first_accounts(station, 5)
    rng = random.Random(6)
    env = dict(os.environ, PYTHONPATH=str(SRC / "src"))
    cmd = [sys.executable, "-m", "counterpos", "--home", str(station.home), "sync"]

    def central_sales() -> int:
        return admin_query(central_url, "SELECT count(*) FROM sale")[0][0]

    sold, cut_short = 0, 0
    for _ in range(4):
        for _ in range(15):
            sold += 1
            sell(station, cashier, drawer, account_no=accounts[sold % 5], pay=f"{sold}.11")
        before = central_sales()
        proc = subprocess.Popen([*cmd, "--interval", "0.05", "--batch", "1"], env=env)
        try:
            _wait(lambda b=before: central_sales() > b, what="this round's first sale")
            time.sleep(rng.uniform(0.0, 0.05))
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        cut_short += central_sales() < sold
    assert cut_short >= 2  # most rounds really were killed in the middle of a push
    sync_service.run_once(station)
    assert _central_totals(central_url) == _local_totals(station)
    assert admin_query(central_url, "SELECT count(*), count(DISTINCT receipt_no) FROM sale") == [
        (60, 60)
    ]
