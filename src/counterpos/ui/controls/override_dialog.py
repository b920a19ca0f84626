"""Supervisor override: a second person's username and PIN authorise one action on the spot."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from counterpos.services.access import overrides
from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError
from counterpos.services.station import Station


class OverrideDialog(QDialog):
    """On accept, `approval` holds the single-use Approval for `permission`."""

    def __init__(
        self, station: Station, actor: Actor, permission: str, message: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.station, self.actor, self.permission = station, actor, permission
        self.approval: overrides.Approval | None = None
        self.setWindowTitle(self.tr("Supervisor approval"))
        layout = QVBoxLayout(self)
        self.message = QLabel(message or self.tr("A supervisor must approve this."))
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("override_username")
        self.pin = QLineEdit()
        self.pin.setObjectName("override_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Supervisor"), self.username)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("override_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Approve"))
        self.buttons.accepted.connect(self.try_approve)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.username.setFocus()

    def try_approve(self) -> None:
        try:
            self.approval = overrides.approve(
                self.station, self.actor, self.username.text(), self.pin.text(), self.permission
            )
        except CounterError as exc:
            self.pin.clear()
            self.error.setText(str(exc))
            return
        self.accept()
