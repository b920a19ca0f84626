"""The till's hand-off of Controls-menu dialogs: each followed to its end (void slip, drawer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from counterpos.services.devices import void_slip
from counterpos.ui import background

if TYPE_CHECKING:
    from counterpos.services.devices.printing import PrintOutcome
    from counterpos.services.sale.voids import VoidResult
    from counterpos.ui.till.drawer_close import DrawerClose
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


class ControlsHandOff(QObject):
    """`opened(key, dialog)` is the controls menu's `opened` hook: it opens each dialog over the
    till. A child of the till, so a void's slip reports back to it on the GUI thread."""

    def __init__(
        self,
        state: TillState,
        host: TillHost,
        drawer_close: DrawerClose,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host
        self.drawer_close = drawer_close
        # The void slip's PrintOutcome, or the message if it failed.
        self.last_void_print: PrintOutcome | str | None = None

    def opened(self, key: str, dialog: QDialog) -> None:
        """Follow what a controls-menu dialog does: a void's slip, a closed drawer session."""
        self.host.say("")
        if key == "void":
            dialog.voided.connect(self._voided)
        if key == "close":
            self.drawer_close.watch(dialog)
        self.host.show_dialog(dialog, self._finished)

    def _voided(self, result: VoidResult) -> None:
        state = self.state
        self.host.tell(
            self.tr("Voided {no}. Hand back {cash} in cash.").format(
                no=result.receipt_no, cash=result.cash_back.format()
            )
        )
        state.refresh_customer()
        self.last_void_print = None
        background.run_in_background(
            void_slip.print_void_slip,
            state.station,
            state.actor,
            result.receipt_no,
            on_done=self._slip_printed,
            on_error=self._slip_failed,
        )

    def _slip_printed(self, outcome: PrintOutcome) -> None:
        self.last_void_print = outcome
        self.host.flash(outcome.message)

    def _slip_failed(self, message: str) -> None:
        self.last_void_print = message
        self.host.say(message)

    def _finished(self, _result: int) -> None:
        if not self.state.session_open:
            self.drawer_close.ask()
