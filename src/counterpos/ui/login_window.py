"""The login window: username and PIN; plain errors (including a lockout) under the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginWindow(QWidget):
    """Shown first, before the store is open; `set_station` enables signing in."""

    logged_in = Signal(object)  # services.actor.Actor

    def __init__(self, station=None) -> None:
        super().__init__()
        self.station = None
        self._pending = False
        self.setWindowTitle(self.tr("CounterPOS – sign in"))
        self.setMinimumWidth(420)

        self.heading = QLabel(self.tr("CounterPOS"))
        self.heading.setObjectName("title")
        self.place = QLabel(self.tr("Opening the store…"))
        self.place.setObjectName("subtitle")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("e.g. maria"))
        self.pin = QLineEdit()
        self.pin.setObjectName("pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.training = QLabel(self.tr("TRAINING – the demo city, for practice"))
        self.training.setObjectName("trainingBanner")
        self.training.setWordWrap(True)
        self.training.hide()
        self.sign_in = QPushButton(self.tr("Sign in (Enter)"))
        self.sign_in.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&PIN"), self.pin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        layout.addWidget(self.training)
        layout.addWidget(self.heading)
        layout.addWidget(self.place)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.sign_in, alignment=Qt.AlignmentFlag.AlignRight)

        self.username.returnPressed.connect(self._username_entered)
        self.pin.returnPressed.connect(self.submit)
        self.sign_in.clicked.connect(self.submit)
        if station is not None:
            self.set_station(station)

    def set_station(self, station) -> None:
        """The store is open: show where we are and take any sign-in typed meanwhile."""
        self.station = station
        self.place.setText(
            self.tr("{city} · station {code}").format(
                city=station.setting("city.name"), code=station.code
            )
        )
        self.notice.clear()
        from counterpos.services.training import mode  # the store is open: cheap now

        self.training.setVisible(mode.is_training(station))
        if self._pending:
            self._pending = False
            self.submit()

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)

    def reset(self) -> None:
        """Back to an empty form, focus on the username (after a log-out)."""
        self.username.clear()
        self.pin.clear()
        self.error.clear()
        self.username.setFocus()

    def _username_entered(self) -> None:
        self.pin.setFocus()

    def submit(self) -> None:
        if not self.username.text().strip():
            self.error.setText(self.tr("Enter your username."))
            self.username.setFocus()
            return
        if not self.pin.text():
            self.error.setText(self.tr("Enter your PIN."))
            self.pin.setFocus()
            return
        if self.station is None:
            self._pending = True
            self.notice.setText(self.tr("One moment: the store is still opening…"))
            return
        from counterpos.services.access import auth
        from counterpos.services.errors import CounterError

        try:
            actor = auth.login(self.station, self.username.text(), self.pin.text())
        except CounterError as exc:
            self.error.setText(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.error.clear()
        self.pin.clear()
        self.logged_in.emit(actor)
