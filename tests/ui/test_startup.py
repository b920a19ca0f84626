"""Opening the store behind the login window (ui/startup.py): a broken store is said plainly,
naming its newest backup, never as raw exception text."""

from __future__ import annotations

import pytest

from counterpos.services import backups
from counterpos.services.station import DB_FILE
from counterpos.ui.startup import StoreOpener
from tests.store import faults

pytestmark = pytest.mark.gui


def test_a_zeroed_store_is_reported_with_its_newest_backup(qtbot, home, station):
    info = backups.make_backup(station, force=True)
    station.close()
    faults.zero(home / DB_FILE)
    opener = StoreOpener()
    with qtbot.waitSignal(opener.failed, timeout=20000) as said:
        opener.open(home)
    (message,) = said.args
    assert "is damaged: the file is empty (0 bytes)" in message
    assert str(info.path) in message and "counterpos restore" in message
    assert "Traceback" not in message and "Error" not in message
    assert (home / DB_FILE).stat().st_size == 0  # not replaced by a fresh store


def test_an_unforeseen_error_is_a_plain_sentence():
    said = StoreOpener.plain(KeyError("page_size"))
    assert said.startswith("An unexpected error stopped the start (KeyError)")
    assert "page_size" not in said
