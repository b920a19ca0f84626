"""The login window: username and PIN; plain errors (including a lockout) under the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterpos.ui import i18n


class LoginWindow(QWidget):
    """Shown first, before the store is open; `set_station` enables signing in."""

    logged_in = Signal(object)  # services.actor.Actor
    signing_in = Signal()  # the store is open and a sign-in starts: before it imports anything

    def __init__(self, station=None) -> None:
        super().__init__()
        self.station = None
        self._pending = False
        self.language_chosen = False  # picked on this form: kept as the user's language
        self.setMinimumWidth(420)

        self.heading = QLabel()
        self.heading.setObjectName("title")
        self.place = QLabel()
        self.place.setObjectName("subtitle")
        self.username = QLineEdit()
        self.username.setObjectName("username")
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
        self.sign_in = QPushButton()
        self.sign_in.setAutoDefault(False)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in i18n.names().items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        self.username_label = QLabel()
        self.username_label.setBuddy(self.username)
        self.pin_label = QLabel()
        self.pin_label.setBuddy(self.pin)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        # The version, once known (the app sets it after the store opens); it is written again
        # with the rest of the form when the language changes ("Version" stayed English).
        self.version = ""
        self.version_label = QLabel()
        self.version_label.setObjectName("version")
        self.version_label.hide()

        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.pin_label, self.pin)
        form.addRow(self.language_label, self.language)
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
        layout.addWidget(self.version_label)

        self.username.returnPressed.connect(self._username_entered)
        self.pin.returnPressed.connect(self.submit)
        self.sign_in.clicked.connect(self.submit)
        self.language.activated.connect(self._language_picked)
        self.retranslate()
        if station is not None:
            self.set_station(station)

    def retranslate(self) -> None:
        """Every text of the form again, in the language now installed."""
        self.setWindowTitle(self.tr("CounterPOS – sign in"))
        self.heading.setText(self.tr("CounterPOS"))
        if self.station is None:
            self.place.setText(self.tr("Opening the store…"))
        else:
            self.place.setText(
                self.tr("{city} · station {code}").format(
                    city=self.station.setting("city.name"), code=self.station.code
                )
            )
        self.username.setPlaceholderText(self.tr("e.g. maria"))
        self.username_label.setText(self.tr("&Username"))
        self.pin_label.setText(self.tr("&PIN"))
        self.language_label.setText(self.tr("&Language"))
        self.sign_in.setText(self.tr("Sign in (Enter)"))
        self.username.setAccessibleName(self.tr("Username"))
        self.pin.setAccessibleName(self.tr("PIN"))
        self.language.setAccessibleName(self.tr("Language"))
        self.sign_in.setAccessibleName(self.tr("Sign in"))
        if self.version:
            self.retranslate_version()
        self.error.clear()

    def show_version(self, version: str) -> None:
        self.version = version
        self.retranslate_version()
        self.version_label.show()

    def retranslate_version(self) -> None:
        self.version_label.setText(self.tr("Version {version}").format(version=self.version))

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """Enter on the language chooser signs in, as it does on the PIN: the language is the
        last field, and Enter there did nothing."""
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.language.hasFocus()
            and not self.language.view().isVisible()
        ):
            self.submit()
            return
        super().keyPressEvent(event)

    def _language_picked(self, index: int) -> None:
        self.language_chosen = True
        self.use_language(str(self.language.itemData(index)))

    def use_language(self, code: str) -> None:
        """Switch the screens to `code` and show this form in it."""
        i18n.install(None, code)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        self.retranslate()

    def set_station(self, station) -> None:
        """The store is open: show where we are and take any sign-in typed meanwhile."""
        self.station = station
        if not self.language_chosen:
            self.use_language(station.setting("ui.language"))
        self.retranslate()
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
        self.signing_in.emit()
        from counterpos.services.access import auth, users
        from counterpos.services.errors import CounterError

        try:
            actor = auth.login(self.station, self.username.text(), self.pin.text())
            if self.language_chosen:  # picked here: kept as this user's language
                actor = users.set_language(self.station, actor, i18n.current())
            else:  # the user's own, chosen at an earlier sign-in
                self.use_language(users.screen_language(self.station, actor))
        except CounterError as exc:
            self.error.setText(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.error.clear()
        self.pin.clear()
        self.language_chosen = False
        self.logged_in.emit(actor)
