"""Opening the drawer: the float counted by denomination, with a live total; Enter confirms."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.money import Money
from counterpos.services import sessions
from counterpos.services.errors import CounterError


class DrawerOpenDialog(QDialog):
    """Counts the opening float and opens the session; `session` holds it once accepted."""

    def __init__(self, station, actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.session = None
        self.setWindowTitle(self.tr("Open the drawer"))

        title = QLabel(self.tr("Count the opening float"))
        title.setObjectName("title")
        who = QLabel(
            self.tr("{name}, enter how many of each you have in the drawer.").format(
                name=actor.full_name
            )
        )
        who.setObjectName("subtitle")

        self.counts: dict[str, QSpinBox] = {}
        self.subtotals: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        columns = {"bill": 0, "coin": 1, "roll": 1}
        rows = {0: 0, 1: 0}
        headers = {0: self.tr("Bills"), 1: self.tr("Coins and rolls")}
        for col, text in headers.items():
            h = QLabel(text)
            h.setObjectName("sectionHeader")
            grid.addWidget(h, 0, col * 3, 1, 3)
        for d in DENOMINATIONS:
            col = columns[d.kind]
            rows[col] += 1
            spin = QSpinBox()
            spin.setObjectName(d.key)
            spin.setRange(0, 100_000)
            spin.setAccessibleName(d.label)
            spin.valueChanged.connect(self._recount)
            sub = QLabel(Money(0).format())
            sub.setMinimumWidth(80)
            grid.addWidget(QLabel(d.label), rows[col], col * 3)
            grid.addWidget(spin, rows[col], col * 3 + 1)
            grid.addWidget(sub, rows[col], col * 3 + 2)
            self.counts[d.key] = spin
            self.subtotals[d.key] = sub

        self.total = QLabel()
        self.total.setObjectName("bigTotal")
        self.total.setMinimumWidth(240)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.ok = QPushButton(self.tr("Open the drawer (Enter)"))
        self.ok.setDefault(True)
        self.cancel = QPushButton(self.tr("Back (Esc)"))
        self.cancel.setAutoDefault(False)
        self.ok.clicked.connect(self.confirm)
        self.cancel.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Float")))
        buttons.addWidget(self.total)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(who)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._recount()
        self.counts[DENOMINATIONS[0].key].setFocus()

    def count(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.counts.items()}

    def float_total(self) -> Money:
        by_key = {d.key: d.cents for d in DENOMINATIONS}
        return Money(sum(by_key[k] * n for k, n in self.count().items()))

    def _recount(self) -> None:
        by_key = {d.key: d.cents for d in DENOMINATIONS}
        for key, spin in self.counts.items():
            self.subtotals[key].setText(Money(by_key[key] * spin.value()).format())
        self.total.setText(self.float_total().format())

    def confirm(self) -> None:
        try:
            self.session = sessions.open_session(self.station, self.actor, self.count())
        except CounterError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
