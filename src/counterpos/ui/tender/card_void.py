"""Voiding approved card payments that never became a sale, off the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from counterpos.services.card.reversals import void_request
from counterpos.services.card.unattached import void_unattached
from counterpos.services.errors import CounterError


class CardVoid(QObject):
    """`start(cards)` voids each approved card at the terminal on a worker thread; `done`
    then carries, on the GUI thread, the request ids voided and the problems met."""

    done = Signal(list, list)  # (voided request ids, problems)

    def __init__(self, station, actor, parent=None) -> None:
        super().__init__(parent)
        self.station = station
        self.actor = actor
        self.busy = False

    def start(self, cards: list, terminal=None, approval=None) -> None:
        """A card approved earlier (an orphan) is voided with `approval`, a supervisor's."""
        self.busy = True
        threading.Thread(
            target=self._work,
            args=(list(cards), terminal, approval),
            name="card-void",
            daemon=True,
        ).start()

    def _work(self, cards: list, terminal, approval) -> None:
        voided, problems = [], []
        for card in cards:
            try:
                if card.orphaned:
                    result = void_unattached(
                        self.station, self.actor, card.request_id, approval, terminal=terminal
                    )
                else:
                    result = void_request(
                        self.station, self.actor, card.request_id, terminal=terminal
                    )
            except CounterError as exc:
                problems.append(str(exc))
                continue
            except Exception as exc:  # a fault must come back to the screen, not vanish
                problems.append(str(exc) or type(exc).__name__)
                continue
            if result.status in ("voided", "refunded"):
                voided.append(card.request_id)
            else:
                problems.append(result.reason or f"The terminal says {result.status}.")
        self.busy = False
        self.done.emit(voided, problems)
