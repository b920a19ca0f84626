"""Signing in: Enter moves from username to PIN and submits; errors and lockouts are shown plainly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from counterpos.ui.login_window import LoginWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def login(qtbot, styled, station):
    window = LoginWindow(station)
    qtbot.addWidget(window)
    window.show()
    return window


def test_enter_moves_to_the_pin_and_signs_in(qtbot, drive, login):
    assert "station T1" in login.place.text()
    drive.type(login.username, "Maria")
    drive.press(login.username, Qt.Key.Key_Return)
    assert login.pin.hasFocus()
    drive.type(login.pin, "1111")
    with qtbot.waitSignal(login.logged_in) as signal:
        drive.press(login.pin, Qt.Key.Key_Return)
    actor = signal.args[0]
    assert actor.username == "maria" and actor.role == "cashier"
    assert login.error.text() == "" and login.pin.text() == ""


def test_empty_fields_are_named(qtbot, drive, login):
    drive.press(login.pin, Qt.Key.Key_Return)
    assert login.error.text() == "Enter your username." and login.username.hasFocus()
    drive.type(login.username, "maria")
    drive.press(login.pin, Qt.Key.Key_Return)
    assert login.error.text() == "Enter your PIN."


def test_wrong_pins_count_down_then_lock_the_user(qtbot, drive, login):
    emitted = []
    login.logged_in.connect(emitted.append)
    for attempt in range(1, 5):
        drive.log_in(login, "james", "0000")
        assert f"{5 - attempt} tr" in login.error.text()
        assert login.pin.text() == "" and login.pin.hasFocus()
    drive.log_in(login, "james", "0000")
    assert "locked for 15 minutes" in login.error.text()
    # Even the right PIN is refused while the lock lasts, with the time it ends.
    drive.log_in(login, "james", "2222")
    assert "locked" in login.error.text() and "try again after" in login.error.text()
    assert emitted == []


def test_a_sign_in_typed_before_the_store_opens_goes_through_once_it_does(
    qtbot, drive, styled, station
):
    window = LoginWindow()
    qtbot.addWidget(window)
    window.show()
    assert "Opening the store" in window.place.text()
    drive.log_in(window, "maria", "1111")
    assert "still opening" in window.notice.text()
    with qtbot.waitSignal(window.logged_in):
        window.set_station(station)
    assert window.notice.text() == ""


def test_a_language_picked_at_sign_in_is_kept_and_comes_back_next_time(
    qtbot, drive, login, station
):
    from sqlalchemy import select

    from counterpos.store.models import User
    from counterpos.ui import i18n

    assert login.sign_in.text() == "Sign in (Enter)"
    login.language.setCurrentIndex(login.language.findData("es"))
    login.language.activated.emit(login.language.currentIndex())
    assert login.sign_in.text() == "Iniciar sesión (Enter)"
    assert login.username_label.text() == "&Usuario" and login.pin_label.buddy() is login.pin
    drive.type(login.pin, "1111")
    drive.press(login.pin, Qt.Key.Key_Return)  # no username: said in Spanish
    assert login.error.text() == "Escriba su usuario."
    drive.type(login.username, "maria")
    drive.press(login.username, Qt.Key.Key_Return)
    drive.type(login.pin, "0000")
    drive.press(login.pin, Qt.Key.Key_Return)  # the service's message, in Spanish too
    assert login.error.text().startswith("Usuario o PIN incorrecto.")
    drive.type(login.pin, "1111")
    with qtbot.waitSignal(login.logged_in) as signal:
        drive.press(login.pin, Qt.Key.Key_Return)
    assert signal.args[0].language == "es"
    with station.store.read() as s:
        assert s.scalar(select(User.language).where(User.username == "maria")) == "es"

    i18n.install(None, "en")  # the next person signs in; the form is English again
    login.use_language("en")
    assert login.sign_in.text() == "Sign in (Enter)"
    with qtbot.waitSignal(login.logged_in) as signal:
        drive.log_in(login, "maria", "1111")
    assert signal.args[0].language == "es" and i18n.current() == "es"
    assert login.sign_in.text() == "Iniciar sesión (Enter)"
    with qtbot.waitSignal(login.logged_in) as signal:
        drive.log_in(login, "james", "2222")  # never chose: the station's ui.language
    assert i18n.current() == "en"


def test_enter_on_the_language_signs_in_and_the_version_follows_the_language(qtbot, drive, login):
    """The language is the form's last field: Enter there did nothing. And "Version 0.1.0" stayed
    English on a Spanish sign-in form."""
    login.show_version("9.9.9")
    assert login.version_label.text() == "Version 9.9.9"
    login.language.setCurrentIndex(login.language.findData("es"))
    login.language.activated.emit(login.language.currentIndex())
    assert login.version_label.text() == "Versión 9.9.9"
    drive.type(login.username, "maria")
    drive.type(login.pin, "1111")
    login.language.setFocus()
    with qtbot.waitSignal(login.logged_in, timeout=3000):
        drive.press(login.language, Qt.Key.Key_Return)
