"""Opening the store behind the login window (ui/startup.py): the station's store, or its
training store once a supervisor switched the station into training; a broken store is said
plainly, naming its newest backup, never as raw exception text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.demo.city import load_demo
from counterpos.services import backups
from counterpos.services.station import DB_FILE
from counterpos.services.training import mode
from counterpos.ui.flow import CounterFlow
from counterpos.ui.login_window import LoginWindow
from counterpos.ui.startup import StoreOpener
from tests.store import faults
from tests.ui.conftest import open_till

pytestmark = pytest.mark.gui


def opened_station(qtbot, home):
    opener = StoreOpener()
    with qtbot.waitSignal(opener.opened, timeout=30_000) as got:
        opener.open(home)
    return got.args[0]


def test_the_station_opens_its_own_store(qtbot, station):
    st = opened_station(qtbot, station.home)
    try:
        assert st.home == station.home and not mode.is_training(st)
    finally:
        st.close()


def test_in_training_the_till_opens_the_training_store_and_says_so(
    qtbot, drive, styled, station, supervisor
):
    mode.open_training(station, seed=lambda st: load_demo(st, customers=20, history_days=0)).close()
    mode.switch(station, supervisor, True)
    training = opened_station(qtbot, station.home)
    try:
        assert training.home == station.home / "training" and mode.is_training(training)
        login = LoginWindow(training)
        qtbot.addWidget(login)
        flow = CounterFlow(training, login)
        login.show()
        assert login.training.isVisible()
        till = open_till(qtbot, drive, (login, flow))
        assert till.training_banner is not None and till.training_banner.isVisible()
        assert "TRAINING" in till.windowTitle()
        drive.key(till, Qt.Key.Key_F12)
        qtbot.waitUntil(login.isVisible)
    finally:
        training.close()


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
