"""GUI: the idle lock hides the window behind a PIN screen that only the cashier's PIN closes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from counterpos.store.models import AuditEvent
from counterpos.ui.lock_screen import IdleLock

pytestmark = pytest.mark.gui


def test_idle_lock_and_unlock_with_pin(qtbot, station, cashier):
    window = QWidget()
    qtbot.addWidget(window)
    lock = IdleLock(station, cashier, window, idle_ms=50)
    with qtbot.waitSignal(lock.locked, timeout=3_000):
        pass
    screen = lock.screen
    assert screen is not None and screen.isVisible()
    screen.pin.setText("0000")
    screen.try_unlock()
    assert screen.isVisible() and screen.error.text()
    screen.reject()  # Escape does not unlock
    assert screen.isVisible()
    screen.pin.setText("1111")
    with qtbot.waitSignal(lock.unlocked, timeout=3_000):
        screen.try_unlock()
    lock.stop()
    with station.store.read() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert "screen_lock" in actions and actions[-1] == "unlock"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_unlock_button_is_whole_when_the_line_above_wraps(
    qtbot, styled, station, cashier, language
):
    """In Spanish "Maria Lopez, escriba su PIN para continuar." wraps onto two lines: the
    panel kept the height of one and the Unlock button was cut off at its bottom."""
    from PySide6.QtCore import QPoint, QRect

    from counterpos.ui import i18n
    from counterpos.ui.lock_screen import LockScreen

    i18n.install(None, language)
    screen = LockScreen(station, cashier)
    qtbot.addWidget(screen)
    screen.cover()
    screen.show()
    qtbot.waitExposed(screen)
    screen.pin.setText("9999")
    screen.try_unlock()  # a wrong PIN: its three-line message goes above the button
    qtbot.wait(20)
    assert screen.error.text()
    panel = screen.panel
    for part in (screen.pin, screen.error, screen.button):
        box = QRect(part.mapTo(panel, QPoint(0, 0)), part.size())
        assert panel.rect().contains(box), (part.objectName(), box, panel.rect())
    assert screen.button.height() >= screen.button.sizeHint().height()
    assert screen.error.height() >= screen.error.heightForWidth(screen.error.width())
    assert screen.error.geometry().bottom() < screen.button.geometry().top()
