"""The store opener: the station's store, or its training store once a supervisor switched the
station into training (the login and the till then say TRAINING)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.demo.city import load_demo
from counterpos.services.training import mode
from counterpos.ui.flow import CounterFlow
from counterpos.ui.login_window import LoginWindow
from counterpos.ui.startup import StoreOpener
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
