"""Closing the till's drawer: the unsent-sales warning, then a new float or log out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from counterpos.services.central import sync

if TYPE_CHECKING:
    from counterpos.ui.controls.close_session_dialog import CloseSessionDialog
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


class DrawerClose(QObject):
    """Follows the close-drawer dialog; once the session is closed, asks what comes next and
    says it by `new_drawer_wanted` (count a new float) or `log_out_wanted`."""

    new_drawer_wanted = Signal()
    log_out_wanted = Signal()

    def __init__(self, state: TillState, host: TillHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.host = host

    def watch(self, dialog: CloseSessionDialog) -> None:
        """The close-drawer dialog as it opens: note when the session closes, and warn first if
        the day's sales have not all reached the central database."""
        dialog.closed.connect(lambda _r: self.state.close_session())
        warning = sync.closing_day_warning(self.state.station)
        if warning:
            dialog.warn(warning)  # the service words it for the cashier

    def ask(self) -> None:
        """The drawer is closed: nothing more can be sold on it. New float, or log out."""
        self.state.clear_cart()
        box = QMessageBox(self.host.window())
        box.setWindowTitle(self.tr("Drawer closed"))
        box.setText(
            self.tr("Your drawer session is closed. Count a new float to keep selling, or log out.")
        )
        new = box.addButton(self.tr("Open a new drawer (Enter)"), QMessageBox.ButtonRole.AcceptRole)
        out = box.addButton(self.tr("Log out (Esc)"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(new)
        box.setEscapeButton(out)
        self.host.show_dialog(box, lambda _r: self._chosen(box.clickedButton() is new))

    def _chosen(self, new_drawer: bool) -> None:
        if new_drawer:
            self.new_drawer_wanted.emit()
        else:
            self.log_out_wanted.emit()
