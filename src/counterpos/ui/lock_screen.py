"""The idle lock: after `ui.idle_lock_minutes` without input the till hides behind a PIN screen.

The lock covers the whole screen and every window of the till: the customer's name, address,
balances and licenses are hidden (the till's own content is hidden too, and open dialogs are
put away until the PIN is entered). Only the locked cashier's PIN closes it; a wrong PIN says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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
    """Opaque, over the whole screen; only the locked cashier's PIN closes it (audited)."""

    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("Locked"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.setAutoFillBackground(True)
        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setMaximumWidth(520)
        inner = QVBoxLayout(panel)
        title = QLabel(self.tr("Till locked"))
        title.setObjectName("title")
        inner.addWidget(title)
        who = QLabel(self.tr("{name}, enter your PIN to continue.").format(name=actor.full_name))
        who.setWordWrap(True)
        inner.addWidget(who)
        self.pin = QLineEdit()
        self.pin.setObjectName("unlock_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN"))
        inner.addWidget(self.pin)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        inner.addWidget(self.error)
        self.button = QPushButton(self.tr("Unlock (Enter)"))
        self.button.setAutoDefault(False)
        self.button.setDefault(True)  # Enter unlocks once: no second, empty try
        self.button.clicked.connect(self.try_unlock)
        inner.addWidget(self.button)
        self.panel = panel
        # Centred by stretches, not by an alignment flag: an aligned panel was given the
        # height of its one-line size hint, so when the line wrapped (in Spanish: "Maria
        # Lopez, escriba su PIN para continuar.") the Unlock button was cut off at the bottom.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def cover(self) -> None:
        """Fill the screen the till is on."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or (
            QGuiApplication.primaryScreen()
        )
        self.setGeometry(screen.geometry())

    def try_unlock(self) -> None:
        pin = self.pin.text()
        if not pin:
            self.error.setText(self.tr("Type your PIN, then press Enter."))
            self.pin.setFocus()
            return
        try:
            screen_lock.unlock(self.station, self.actor, pin)
        except CounterError as exc:
            self.pin.clear()
            self.error.setText(
                self.tr("That PIN did not unlock the till: {why} Try again.").format(why=exc)
            )
            self.pin.setFocus()
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
        self.hidden: list[QWidget] = []  # windows put away while locked
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.idle_ms = idle_ms
        if idle_ms > 0:  # 0 turns the lock off
            self.timer.start(idle_ms)
            QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the application passes here: the type check (a C++ class test) comes
        # first, so the many that are not input (paints, layouts, timers) cost next to nothing.
        if isinstance(event, QInputEvent) and event.type() in INPUT_EVENTS and self.screen is None:
            self.timer.start(self.idle_ms)
        return False

    def lock(self) -> None:
        if self.screen is not None:
            return
        screen_lock.lock(self.station, self.actor)
        # Put away every other window of the till (dialogs show customers' details too).
        self.hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and isinstance(w, QDialog)
        ]
        for w in self.hidden:
            w.hide()
        content = self._content()
        if content is not None:
            content.hide()
        self.screen = LockScreen(self.station, self.actor, self.window)
        self.screen.accepted.connect(self._unlocked)
        self.screen.cover()
        self.screen.open()
        self.screen.pin.setFocus()
        self.locked.emit()

    def _content(self) -> QWidget | None:
        central = getattr(self.window, "centralWidget", None)
        return central() if callable(central) else None

    def _unlocked(self) -> None:
        self.screen = None
        content = self._content()
        if content is not None:
            content.show()
        for w in self.hidden:
            w.show()
            w.raise_()
            w.activateWindow()
        self.hidden = []
        self.timer.start(self.idle_ms)
        self.unlocked.emit()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
