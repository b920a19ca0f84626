"""Keying reads in route order: the next meter comes up with its last read and expected range.

Type the read and press Enter: it is saved and the next meter not yet read comes up. A read
below the last one asks, on the same line, R (the meter rolled over) or W (a wrong read: type
it again). F9 marks the read as estimated; Page Up / Page Down move without reading.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.errors import CounterError
from counterpos.services.utility.meters.reads import (
    RolloverOrError,
    RouteStop,
    enter_read,
    route_sheet,
    routes,
)
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.formats import date_text


class ReadEntryDialog(QDialog):
    def __init__(self, station, actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.stops: list[RouteStop] = []
        self.at = 0
        self.asking: int | None = None  # the value waiting for R or W
        self.setWindowTitle(self.tr("Meter reads by route"))
        self.setMinimumSize(720, 480)
        self.route = QComboBox()
        self.route.setObjectName("route")
        for name, count in routes(station):
            self.route.addItem(
                self.tr("{route} ({n} meters)").format(route=name or "—", n=count), name
            )
        self.where = QLabel()
        self.where.setObjectName("stop")
        self.where.setWordWrap(True)
        self.last = QLabel()
        self.last.setObjectName("last")
        self.value = QLineEdit()
        self.value.setObjectName("value")
        self.value.setPlaceholderText(self.tr("the read on the dials, then Enter"))
        self.estimated = QCheckBox(self.tr("Estimated, not read (F9)"))
        self.estimated.setObjectName("estimated")
        self.question = QLabel()
        self.question.setObjectName("question")
        self.question.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.sheet = table(
            "sheet",
            [
                self.tr("#"),
                self.tr("Meter"),
                self.tr("Account"),
                self.tr("Address"),
                self.tr("Last"),
                self.tr("Expected"),
                self.tr("Read"),
            ],
            3,
        )
        self.sheet.setAccessibleName(self.tr("The route's meters"))
        form = QFormLayout()
        form.addRow(self.tr("Route"), self.route)
        form.addRow(self.tr("Meter"), self.where)
        form.addRow(self.tr("Last read"), self.last)
        form.addRow(self.tr("Read"), self.value)
        form.addRow("", self.estimated)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(
            QLabel(self.tr("Enter save · R/W rollover or wrong · F9 estimated · PgUp/PgDn move"))
        )
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.question)
        layout.addWidget(self.message)
        layout.addWidget(self.sheet, 1)
        layout.addLayout(bottom)
        self.route.currentIndexChanged.connect(lambda _i: self.load())
        self.value.returnPressed.connect(self.save)
        QShortcut(QKeySequence("F9"), self, lambda: self.estimated.toggle())
        QShortcut(QKeySequence("PgDown"), self, lambda: self.step(1))
        QShortcut(QKeySequence("PgUp"), self, lambda: self.step(-1))
        self.value.installEventFilter(self)
        self.load()

    def load(self) -> None:
        route = self.route.currentData()
        self.stops = route_sheet(self.station, route) if route is not None else []
        fill(
            self.sheet,
            [
                [
                    str(s.position),
                    s.serial,
                    s.account_no,
                    s.service_address,
                    "" if s.last_value is None else str(s.last_value),
                    "" if s.expected_low is None else f"{s.expected_low}–{s.expected_high}",
                    ""
                    if s.read_value is None
                    else str(s.read_value) + (f" ({s.held})" if s.held else ""),
                ]
                for s in self.stops
            ],
            right={4, 6},
        )
        self.at = next((i for i, s in enumerate(self.stops) if s.read_value is None), 0)
        self.show_stop()

    def current(self) -> RouteStop | None:
        return self.stops[self.at] if 0 <= self.at < len(self.stops) else None

    def show_stop(self) -> None:
        stop = self.current()
        self.asking = None
        self.question.setText("")
        self.estimated.setChecked(False)
        self.value.clear()
        if stop is None:
            self.where.setText(self.tr("No meters on this route."))
            self.last.setText("")
            return
        self.sheet.selectRow(self.at)
        self.where.setText(
            self.tr("{pos} of {n}: {serial} · account {account} · {address} · {location}").format(
                pos=stop.position,
                n=len(self.stops),
                serial=stop.serial,
                account=stop.account_no,
                address=stop.service_address,
                location=stop.location or "—",
            )
        )
        expected = (
            self.tr(", expected {low}–{high}").format(
                low=stop.expected_low, high=stop.expected_high
            )
            if stop.expected_low is not None
            else ""
        )
        on = f" ({date_text(stop.last_read_on)})" if stop.last_read_on else ""
        self.last.setText(f"{stop.last_value}{on}{expected}")
        self.value.setFocus()

    def step(self, by: int) -> None:
        if self.stops:
            self.at = max(0, min(len(self.stops) - 1, self.at + by))
            self.show_stop()

    def save(self, rollover: bool | None = None) -> None:
        stop = self.current()
        if stop is None:
            return
        text = self.value.text().strip()
        if not text.isdigit():
            self.message.setText(self.tr("A read is the whole number on the dials."))
            return
        try:
            result = enter_read(
                self.station,
                self.actor,
                stop.serial,
                int(text),
                estimated=self.estimated.isChecked(),
                rollover=rollover,
            )
        except RolloverOrError as exc:
            self.asking = int(text)
            self.question.setText(
                self.tr(
                    "{value} is below the last read {previous}. R: the meter rolled over ({units} used). W: a wrong read, type it again."
                ).format(value=exc.value, previous=exc.previous, units=exc.rollover_units)
            )
            return
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(result.message)
        self.load()

    def eventFilter(self, watched, event) -> bool:
        """In the read field: R or W answer the rollover question; F9, Page Up and Page Down
        work there even before the window is active (the shortcuts cover the rest)."""
        if not (
            watched is self.value
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
        ):
            return super().eventFilter(watched, event)
        key = event.key()
        if self.asking is not None and key in (Qt.Key.Key_R, Qt.Key.Key_W):
            if key == Qt.Key.Key_R:
                self.save(rollover=True)
            else:
                self.asking = None
                self.question.setText("")
                self.value.clear()
                self.message.setText(self.tr("Type the read again."))
            return True
        if key == Qt.Key.Key_F9:
            self.estimated.toggle()
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.step(1 if key == Qt.Key.Key_PageDown else -1)
            return True
        return super().eventFilter(watched, event)
