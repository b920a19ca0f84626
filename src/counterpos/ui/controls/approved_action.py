"""A small form whose action may need a supervisor's on-the-spot approval (refund, paid-out, ...)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog


class ApprovedActionDialog(QDialog):
    """Subclasses add their fields to `self.form` and implement `perform(approval) -> message`.

    When the cashier's role lacks `permission`, the supervisor override dialog opens; its one-use
    approval is passed to `perform` and the audit event names both people. `done_` carries the
    service's result.
    """

    done_ = Signal(object)
    permission = ""

    def __init__(
        self, station: Station, actor: Actor, session_id: str, title: str, button: str, parent=None
    ) -> None:
        super().__init__(parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.result = None
        self.override_dialog: OverrideDialog | None = None
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("action_message")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        close = QPushButton(self.tr("Close (Esc)"))
        self.ok = QPushButton(button)
        self.ok.setDefault(True)
        row.addStretch(1)
        row.addWidget(close)
        row.addWidget(self.ok)
        layout.addLayout(row)
        close.clicked.connect(self.reject)
        self.ok.clicked.connect(lambda: self.attempt())

    def perform(self, approval):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def attempt(self, approval=None) -> None:
        self.error.setStyleSheet("color: #b00020")
        try:
            message = self.perform(approval)
        except PermissionDenied as exc:
            if approval is None and exc.permission == self.permission:
                dlg = OverrideDialog(self.station, self.actor, self.permission, str(exc), self)
                self.override_dialog = dlg
                dlg.accepted.connect(lambda: self.attempt(dlg.approval))
                dlg.open()
                return
            self.error.setText(str(exc))
            return
        except CounterError as exc:
            self.error.setText(str(exc))
            return
        self.error.setStyleSheet("color: #0b6b0b")
        self.error.setText(message)
        self.ok.setEnabled(False)
        self.done_.emit(self.result)
