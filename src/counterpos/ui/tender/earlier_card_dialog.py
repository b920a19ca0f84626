"""A card approved earlier and not on a sale: attach it to this sale, or void it (supervisor)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from counterpos.services.card.results import CardResult
from counterpos.services.card.unattached import describe

ATTACH, VOID = 1, 2


class EarlierCardDialog(QDialog):
    """Shown before any new card while `card` (approved, not on a saved sale) is unsettled.
    `choice` is ATTACH, VOID or None (back to the payment)."""

    def __init__(self, card: CardResult, due_text: str, parent=None) -> None:
        super().__init__(parent)
        self.card = card
        self.choice: int | None = None
        self.setWindowTitle(self.tr("Card approved earlier"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.text = text = QLabel(
            self.tr(
                "A card payment of {card} is approved and not on a saved sale (the station "
                "stopped before the sale was saved). If this is that customer's sale, attach the "
                "card to it: nobody is charged again. If the customer has gone, void it at the "
                "terminal with a supervisor. Still due on this sale: {due}."
            ).format(card=describe(card), due=due_text)
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach to this sale"))
        self.attach_button.setDefault(True)
        self.void_button = QPushButton(self.tr("Void at the terminal (supervisor)"))
        back = QPushButton(self.tr("Back"))
        for b in (self.attach_button, self.void_button, back):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.attach_button.clicked.connect(lambda: self._choose(ATTACH))
        self.void_button.clicked.connect(lambda: self._choose(VOID))
        back.clicked.connect(self.reject)
        self.setMinimumWidth(520)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()
