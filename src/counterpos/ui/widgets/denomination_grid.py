"""Counting a drawer by denomination: bills in one column, coins and rolls in the other, each
with its subtotal, and the total below. Used to open the drawer and to close it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QGridLayout, QLabel, QSpinBox, QWidget

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.money import Money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DenominationGrid(QWidget):
    """`spins[key]` per denomination; `changed` after any count changes; `total()`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, prefix: str = "") -> None:
        super().__init__(parent)
        self.spins: dict[str, QSpinBox] = {}
        self.subtotals: dict[str, QLabel] = {}
        self._cents = {d.key: d.cents for d in DENOMINATIONS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        columns = {"bill": 0, "coin": 1, "roll": 1}
        rows = {0: 0, 1: 0}
        for col, text in ((0, self.tr("Bills")), (1, self.tr("Coins and rolls"))):
            header = QLabel(text)
            header.setObjectName("sectionHeader")
            grid.addWidget(header, 0, col * 4, 1, 3)
        grid.setColumnMinimumWidth(3, 24)
        for d in DENOMINATIONS:
            col = columns[d.kind]
            rows[col] += 1
            spin = QSpinBox()
            spin.setObjectName(f"{prefix}{d.key}")
            spin.setRange(0, 100_000)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            spin.setAlignment(_RIGHT)
            spin.setAccessibleName(self.tr(d.label))
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("000000") + 24)
            spin.valueChanged.connect(self._recount)
            label = QLabel(self.tr(d.label))
            label.setBuddy(spin)
            sub = QLabel(Money(0).format())
            sub.setAlignment(_RIGHT)
            sub.setMinimumWidth(sub.fontMetrics().horizontalAdvance("$00,000.00") + 8)
            grid.addWidget(label, rows[col], col * 4)
            grid.addWidget(spin, rows[col], col * 4 + 1)
            grid.addWidget(sub, rows[col], col * 4 + 2)
            self.spins[d.key] = spin
            self.subtotals[d.key] = sub
        grid.setColumnStretch(7, 1)

    def order(self) -> list[QSpinBox]:
        """The spin boxes in counting order: the bills, then the coins and rolls."""
        return [self.spins[d.key] for d in DENOMINATIONS]

    def counts(self) -> dict[str, int]:
        return {key: spin.value() for key, spin in self.spins.items()}

    def total(self) -> Money:
        return Money(sum(self._cents[k] * n for k, n in self.counts().items()))

    def _recount(self) -> None:
        for key, spin in self.spins.items():
            self.subtotals[key].setText(Money(self._cents[key] * spin.value()).format())
        self.changed.emit()
