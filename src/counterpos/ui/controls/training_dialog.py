"""Switching the station into training mode and back, from the till: a supervisor of the
station's own store signs for it with their PIN (services/training/mode.switch_by_pin)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from counterpos.services.station import Station
from counterpos.services.training import mode
from counterpos.ui.background import run_in_background
from counterpos.ui.widgets.counter_dialog import CounterDialog


def _seed(station: Station) -> None:
    from counterpos.demo.city import load_demo  # noqa: PLC0415 (only the first time)

    load_demo(station)


class TrainingDialog(CounterDialog):
    """Accepted once the switch is saved and audited; the till then signs out and the app
    opens the other store."""

    def __init__(self, station: Station, parent=None) -> None:
        self.to_training = not mode.is_training(station)
        super().__init__(
            self.tr("Training mode") if self.to_training else self.tr("Leave training"), parent
        )
        self.station = station
        self.about = QLabel(
            self.tr(
                "The till will sign out and open a separate training store with the demo city: "
                "every receipt says TRAINING, nothing syncs, cards go to the simulator. The "
                "first time, preparing it takes about a minute."
            )
            if self.to_training
            else self.tr("The till will sign out and open the station's own store again.")
        )
        self.about.setWordWrap(True)
        self.body_layout.addWidget(self.about)
        form = self.add_form()
        self.username = QLineEdit()
        self.username.setObjectName("training_username")
        self.pin = QLineEdit()
        self.pin.setObjectName("training_pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.note = QLineEdit()
        self.note.setObjectName("training_note")
        self.note.setPlaceholderText(self.tr("e.g. Monday class"))
        self.add_field(form, self.tr("&Supervisor"), self.username, "username", required=True)
        self.add_field(form, self.tr("&PIN"), self.pin, "pin", required=True)
        self.add_field(form, self.tr("&Note"), self.note, "note")
        self.add_button(self.tr("Back (Esc)"), back=True)
        self.switch_button = self.add_button(
            self.tr("Switch to training (Enter)")
            if self.to_training
            else self.tr("Back to the station's store (Enter)"),
            self.try_switch,
            primary=True,
        )
        self.enter_moves = True
        self.enter_order = [self.username, self.pin, self.note]
        self.first_field = self.username
        self.task: object | None = None  # the switch running off the GUI thread
        self.setMinimumWidth(520)

    def try_switch(self) -> None:
        self.clear_errors()
        if not self.username.text().strip():
            self.show_error(self.tr("Enter the supervisor's username."), "username")
            return
        if self.task is not None:
            return  # already switching
        self.say(self.tr("Switching…"), "info")
        self.switch_button.setEnabled(False)
        self.task = run_in_background(
            mode.switch_by_pin,
            self.station,
            self.username.text(),
            self.pin.text(),
            self.to_training,
            self.note.text().strip(),
            seed=_seed,
            on_done=self._switched,
            on_error=self._failed,
        )

    def _switched(self, _result) -> None:
        self.task = None
        self.work_saved()
        self.accept()

    def _failed(self, message: str) -> None:
        self.task = None
        self.switch_button.setEnabled(True)
        self.pin.clear()
        self.say(message)
        self.pin.setFocus()

    def has_work(self) -> bool:
        return bool(self.note.text().strip())
