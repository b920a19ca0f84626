"""The till's hand-off of Controls-menu dialogs: each followed to its end (slip, drawer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from counterpos.services.devices import slips, void_slip
from counterpos.ui import background
from counterpos.ui.controls.approved_action import ApprovedActionDialog
from counterpos.ui.controls.refund_dialog import RefundDialog
from counterpos.ui.controls.void_dialog import VoidDialog

if TYPE_CHECKING:
    from counterpos.services.devices.printing import PrintOutcome
    from counterpos.services.sale.voids import VoidResult
    from counterpos.ui.till.drawer_close import DrawerClose
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


class ControlsHandOff(QObject):
    """`opened(key, dialog)` is the controls menu's `opened` hook: it opens each dialog over the
    till. A child of the till, so a slip's printer reports back to it on the GUI thread.

    Every record with a receipt number prints its slip: a void's VOID slip, a refund's
    REFUND slip, a paid-in's or paid-out's slip."""

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
        # The last slip's PrintOutcome, or the message if it failed.
        self.last_void_print: PrintOutcome | str | None = None
        self.last_slip_print: PrintOutcome | str | None = None

    def opened(self, key: str, dialog: QDialog) -> None:
        """Follow what a controls-menu dialog does: slips, a closed drawer session."""
        self.host.say("")
        if key == "void":
            dialog.voided.connect(self._voided)
        if key in ("refund", "paid") and isinstance(dialog, ApprovedActionDialog):
            slip = slips.print_refund_slip if key == "refund" else slips.print_paid_slip
            dialog.done_.connect(lambda r: self._slip(slip, r.receipt_no))
        if key == "close":
            self.drawer_close.watch(dialog)
        self.host.show_dialog(dialog, self._finished)

    def open_for(self, key: str, receipt_no: str) -> None:
        """Open the void or refund dialog with `receipt_no` filled in (from the drawer's
        list of sales)."""
        state, parent = self.state, self.host.window()
        if key == "void":
            dialog: QDialog = VoidDialog(
                state.station, state.actor, state.session_id, receipt_no, parent
            )
        else:
            dialog = RefundDialog(state.station, state.actor, state.session_id, receipt_no, parent)
        self.opened(key, dialog)

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
            on_done=self._void_printed,
            on_error=self._void_failed,
        )

    def _void_printed(self, outcome: PrintOutcome) -> None:
        self.last_void_print = outcome
        self.host.flash(outcome.message)

    def _void_failed(self, message: str) -> None:
        self.last_void_print = message
        self.host.say(message)

    def _slip(self, print_slip, receipt_no: str) -> None:
        state = self.state
        self.last_slip_print = None
        background.run_in_background(
            print_slip,
            state.station,
            state.actor,
            receipt_no,
            on_done=self._slip_printed,
            on_error=self._slip_failed,
        )

    def _slip_printed(self, outcome: PrintOutcome) -> None:
        self.last_slip_print = outcome
        self.host.flash(outcome.message)

    def _slip_failed(self, message: str) -> None:
        self.last_slip_print = message
        self.host.say(message)

    def _finished(self, _result: int) -> None:
        if not self.state.session_open:
            self.drawer_close.ask()
