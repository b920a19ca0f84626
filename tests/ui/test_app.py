"""Starting the till: the login window first, the store opened behind it, the demo city on request."""

from __future__ import annotations

import pytest

from counterpos.ui.app import TillApp

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def start(qtbot, styled, tmp_path):
    apps = []

    def make(home, demo: bool) -> TillApp:
        app = TillApp(styled, home, demo)
        qtbot.addWidget(app.login)
        app.start()
        apps.append(app)
        return app

    yield make
    for app in apps:
        if app.station is not None:
            app.station.close()


def test_with_demo_an_empty_store_gets_the_demo_city_while_a_wait_message_shows(
    qtbot, start, tmp_path
):
    app = start(tmp_path / "new", demo=True)
    assert app.login.isVisible()
    qtbot.waitUntil(lambda: app.progress is not None, timeout=15000)
    assert "Preparing the demo city" in app.progress.labelText()
    qtbot.waitUntil(lambda: app.flow is not None, timeout=60000)
    assert app.progress is None
    assert "maria, PIN 1111" in app.login.notice.text()
    assert "City of Mission Vista" in app.login.place.text()
    assert app.station.is_initialised()


def test_without_demo_an_empty_store_offers_the_demo_and_explains_init(qtbot, start, tmp_path):
    app = start(tmp_path / "new", demo=False)
    qtbot.waitUntil(lambda: getattr(app, "offer", None) is not None, timeout=15000)
    assert app.offer.isVisible()
    texts = " ".join(label.text() for label in app.offer.findChildren(type(app.login.place)))
    assert "counterpos --home" in texts and "init" in texts
    app.offer.accept()
    qtbot.waitUntil(lambda: app.flow is not None, timeout=60000)
    assert app.station.is_initialised()


def test_a_set_up_store_goes_straight_to_sign_in(qtbot, start, home):
    app = start(home, demo=False)
    qtbot.waitUntil(lambda: app.flow is not None, timeout=15000)
    assert getattr(app, "offer", None) is None and app.progress is None
    assert "station T1" in app.login.place.text()
