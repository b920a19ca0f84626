"""The status-bar sync label, offscreen, on a real store."""

from __future__ import annotations

import pytest

from counterpos.services.central import sync as sync_service
from counterpos.ui.sync_status import SyncStatusLabel
from tests.sync.helpers import first_accounts, sell

pytestmark = pytest.mark.gui


def test_label_follows_the_station(qtbot, station, cashier, drawer, tmp_path):
    label = SyncStatusLabel(lambda: sync_service.status(station), interval_ms=50)
    qtbot.addWidget(label)
    assert label.text() == "Working alone"
    sync_service.connect(station, f"postgresql+psycopg://nobody@/nodb?host={tmp_path}", "pw")
    sell(station, cashier, drawer, account_no=first_accounts(station, 1)[0])
    qtbot.waitUntil(lambda: "waiting to sync" in label.text(), timeout=2000)
    assert label.property("syncState") == "waiting"
    with pytest.raises(sync_service.CentralUnavailable):
        sync_service.run_once(station)
    qtbot.waitUntil(lambda: label.text().startswith("Offline since "), timeout=2000)
    assert "Last error:" in label.toolTip()
    assert label.property("syncState") == "offline"


def test_label_survives_a_failing_status_function(qtbot):
    def broken():
        raise RuntimeError("store locked")

    label = SyncStatusLabel(broken)
    qtbot.addWidget(label)
    assert label.text() == "Sync status unknown"
    assert label.toolTip() == "store locked"
