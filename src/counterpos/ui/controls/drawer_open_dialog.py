"""Opening the drawer: the float counted by denomination, with a live total.

Enter goes to the next line of the count; on the last line, or with Ctrl+Enter anywhere, the
drawer opens. A $0.00 float asks first. Someone who may see reports can open the day view
from here without opening a drawer at all.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.errors import CounterError
from counterpos.ui.widgets.ask import ask_to_discard
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.denomination_grid import DenominationGrid


class DrawerOpenDialog(CounterDialog):
    """Counts the opening float and opens the session; `session` holds it once accepted.

    `reports_wanted` when a supervisor chose the day view instead of opening a drawer."""

    reports_wanted = Signal()

    def __init__(self, station, actor, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Open the drawer"), parent, heading=self.tr("Count the opening float")
        )
        self.station = station
        self.actor = actor
        self.session = None
        who = QLabel(
            self.tr(
                "{name}, enter how many of each you have in the drawer. Enter: the next line; "
                "Ctrl+Enter: open the drawer."
            ).format(name=actor.full_name)
        )
        who.setObjectName("subtitle")
        who.setWordWrap(True)
        self.grid = DenominationGrid()
        self.counts = self.grid.spins
        self.subtotals = self.grid.subtotals
        self.grid.changed.connect(self._recount)
        self.body_layout.addWidget(who)
        self.body_layout.addWidget(self.grid)
        self.body_layout.addStretch(1)

        self.total = QLabel()
        self.total.setObjectName("remainingDue")
        self.buttons.insertWidget(0, QLabel(self.tr("Float")))
        self.buttons.insertWidget(1, self.total)
        self.error = self.message  # the tests' and the flow's name for what went wrong

        if actor.can("view_reports"):
            self.reports = self.add_button(
                self.tr("Day view and reports (F11)"), self._reports, name="reports"
            )
            self.reports.setShortcut("F11")
        self.cancel = self.add_button(self.tr("Back (Esc)"), back=True)
        self.ok = self.add_button(
            self.tr("Open the drawer (Ctrl+Enter)"), self.confirm, primary=True
        )
        self.enter_moves = True
        self.enter_order = list(self.grid.order())
        self.first_field = self.enter_order[0]
        self.discard_text = self.tr("Throw away this count?")
        self._recount()

    def count(self) -> dict[str, int]:
        return self.grid.counts()

    def float_total(self) -> Money:
        return self.grid.total()

    def _recount(self) -> None:
        self.total.setText(self.float_total().format())

    def confirm(self) -> None:
        if self.float_total().cents == 0:
            self.question = ask_to_discard(
                self,
                self.tr(
                    "The float is $0.00: nothing was counted. Open the drawer with no cash in it?"
                ),
                self.tr("Open with $0.00"),
                self._open,
                again_key="Ctrl+Return",
                title=self.tr("No float"),
                keep=self.tr("Go back and count (Enter)"),
            )
            return
        self._open()

    def _open(self) -> None:
        self.question = None
        try:
            self.session = sessions.open_session(self.station, self.actor, self.count())
        except CounterError as exc:
            self.say(str(exc))
            return
        self.accept()

    def _reports(self) -> None:
        self.reports_wanted.emit()
