"""Counting a drawer by denomination: bills in one column, coins and rolls in the other, each
with its subtotal, and the total below. Used to open the drawer and to close it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QGridLayout, QLabel, QSpinBox, QWidget

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.money import Money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


# Each denomination's name where pyside6-lupdate finds it: self.tr() of the domain's label
# was a string it never saw, so the counts read "$100 bills", "Quarters" on Spanish screens.
# tests/ui/widgets/test_denomination_grid.py checks that every denomination has its name here.
NAMES: dict[str, object] = {
    "bill_100": QT_TRANSLATE_NOOP("Denomination", "$100 bills"),
    "bill_50": QT_TRANSLATE_NOOP("Denomination", "$50 bills"),
    "bill_20": QT_TRANSLATE_NOOP("Denomination", "$20 bills"),
    "bill_10": QT_TRANSLATE_NOOP("Denomination", "$10 bills"),
    "bill_5": QT_TRANSLATE_NOOP("Denomination", "$5 bills"),
    "bill_2": QT_TRANSLATE_NOOP("Denomination", "$2 bills"),
    "bill_1": QT_TRANSLATE_NOOP("Denomination", "$1 bills"),
    "coin_100": QT_TRANSLATE_NOOP("Denomination", "$1 coins"),
    "coin_50": QT_TRANSLATE_NOOP("Denomination", "Half dollars"),
    "coin_25": QT_TRANSLATE_NOOP("Denomination", "Quarters"),
    "coin_10": QT_TRANSLATE_NOOP("Denomination", "Dimes"),
    "coin_5": QT_TRANSLATE_NOOP("Denomination", "Nickels"),
    "coin_1": QT_TRANSLATE_NOOP("Denomination", "Pennies"),
    "roll_25": QT_TRANSLATE_NOOP("Denomination", "Rolls of quarters ($10)"),
    "roll_10": QT_TRANSLATE_NOOP("Denomination", "Rolls of dimes ($5)"),
    "roll_5": QT_TRANSLATE_NOOP("Denomination", "Rolls of nickels ($2)"),
    "roll_1": QT_TRANSLATE_NOOP("Denomination", "Rolls of pennies (50¢)"),
}


def denomination_name(key: str, label: str) -> str:
    """A denomination's name in the screens' language (its English label if it has none)."""
    return QCoreApplication.translate("Denomination", str(NAMES.get(key, label)))


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
            spin.setAccessibleName(denomination_name(d.key, d.label))
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("000000") + 24)
            spin.valueChanged.connect(self._recount)
            label = QLabel(denomination_name(d.key, d.label))
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
