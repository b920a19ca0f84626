"""The till's hand-off of Controls-menu dialogs: each followed to its end (void slip, drawer)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from counterpos.services.devices import void_slip
from counterpos.ui import background
from counterpos.ui.till.drawer_close import ask_after_close, watch_close


class ControlsHandOff(QObject):
    """`opened(key, dialog)` is the controls menu's `opened` hook. A child of the till, so a
    void's report and its slip's printing come back to it on the GUI thread."""

    def __init__(self, till) -> None:
        super().__init__(till)
        self.till = till

    def opened(self, key: str, dialog) -> None:
        """Follow what a controls-menu dialog does: a void's slip, a closed drawer session."""
        till = self.till
        till.dialog = dialog
        till.message.clear()
        if key == "void":
            dialog.voided.connect(self._voided)
        if key == "close":
            watch_close(till, dialog)
        dialog.finished.connect(lambda _r: self._finished(dialog))

    def _voided(self, result) -> None:
        till = self.till
        till.notice.setText(
            till.tr("Voided {no}. Hand back {cash} in cash.").format(
                no=result.receipt_no, cash=result.cash_back.format()
            )
        )
        till.refresh_customer()
        till.last_void_print = None

        def printed(outcome) -> None:
            till.last_void_print = outcome
            till.statusBar().showMessage(outcome.message, 8000)

        def failed(message: str) -> None:
            till.last_void_print = message
            till.message.setText(message)

        background.run_in_background(
            void_slip.print_void_slip,
            till.station,
            till.actor,
            result.receipt_no,
            on_done=printed,
            on_error=failed,
        )

    def _finished(self, dialog) -> None:
        self.till.dialog_closed(dialog)
        if self.till.session_closed:
            ask_after_close(self.till)
