"""Supervisor override: a second person's username and PIN authorise one action on the spot."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from counterpos.services.access import overrides
from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError
from counterpos.services.station import Station
from counterpos.ui.widgets.counter_dialog import CounterDialog


class OverrideDialog(CounterDialog):
    """On accept, `approval` holds the single-use Approval for `permission`."""

    def __init__(
        self, station: Station, actor: Actor, permission: str, message: str = "", parent=None
    ) -> None:
        super().__init__(self.tr("Supervisor approval"), parent)
        self.station, self.actor, self.permission = station, actor, permission
        self.approval: overrides.Approval | None = None
        self.discard_text = self.tr("Go back without the supervisor's approval?")
        self.about = QLabel(message or self.tr("A supervisor must approve this."))
        self.about.setWordWrap(True)
        self.body_layout.addWidget(self.about)
        form = self.add_form()
        self.username = QLineEdit()
        self.username.setObjectName("override_username")
        self.pin = QLineEdit()
        self.pin.setObjectName("override_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_field(form, self.tr("&Supervisor"), self.username, "username", required=True)
        self.add_field(form, self.tr("&PIN"), self.pin, "pin", required=True)
        self.error = self.message
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.add_button(self.tr("Approve (Enter)"), self.try_approve, primary=True)
        self.enter_moves = True  # Enter after the name goes to the PIN, then approves
        self.enter_order = [self.username, self.pin]
        self.first_field = self.username
        self.setMinimumWidth(460)

    def try_approve(self) -> None:
        self.clear_errors()
        if not self.username.text().strip():
            self.show_error(self.tr("Enter the supervisor's username."), "username")
            return
        try:
            self.approval = overrides.approve(
                self.station, self.actor, self.username.text(), self.pin.text(), self.permission
            )
        except CounterError as exc:
            self.pin.clear()
            self.say(str(exc))
            self.pin.setFocus()
            return
        self.work_saved()
        self.accept()

    def has_work(self) -> bool:
        return False  # a name and a PIN are quickly typed again: Esc just goes back
