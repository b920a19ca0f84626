"""The idle lock: after `ui.idle_lock_minutes` without input the till hides behind a PIN screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout

from counterpos.services.access import screen_lock
from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError
from counterpos.services.station import Station

INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QDialog):
    """Modal over the till; only the locked cashier's PIN closes it (the attempt is audited)."""

    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.setWindowTitle(self.tr("Locked"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("Locked. {name}, enter your PIN to continue.").format(name=actor.full_name)
            )
        )
        self.pin = QLineEdit()
        self.pin.setObjectName("unlock_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.pin)
        self.error = QLabel()
        self.error.setObjectName("unlock_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        button = QPushButton(self.tr("Unlock"))
        button.clicked.connect(self.try_unlock)
        layout.addWidget(button)

    def try_unlock(self) -> None:
        try:
            screen_lock.unlock(self.station, self.actor, self.pin.text())
        except CounterError as exc:
            self.pin.clear()
            self.error.setText(str(exc))
            return
        self.accept()

    def reject(self) -> None:  # Escape does not unlock
        pass


class IdleLock(QObject):
    """Install once per logged-in cashier: `IdleLock(station, actor, main_window)`."""

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self, station: Station, actor: Actor, window=None, idle_ms: int | None = None
    ) -> None:
        super().__init__(window)
        self.station, self.actor, self.window = station, actor, window
        if idle_ms is None:
            idle_ms = screen_lock.idle_minutes(station) * 60_000
        self.screen: LockScreen | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.idle_ms = idle_ms
        if idle_ms > 0:  # 0 turns the lock off
            self.timer.start(idle_ms)
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in INPUT_EVENTS and self.screen is None:
            self.timer.start(self.idle_ms)
        return False

    def lock(self) -> None:
        if self.screen is not None:
            return
        screen_lock.lock(self.station, self.actor)
        self.screen = LockScreen(self.station, self.actor, self.window)
        self.screen.accepted.connect(self._unlocked)
        self.screen.open()
        self.locked.emit()

    def _unlocked(self) -> None:
        self.screen = None
        self.timer.start(self.idle_ms)
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
