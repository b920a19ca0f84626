"""Closing the till's drawer: the unsent-sales warning, then a new float or log out."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from counterpos.domain.cart import Cart
from counterpos.services.central import sync


def watch_close(till, dialog) -> None:
    """The close-drawer dialog as it opens: note when the session closes, and warn first if
    the day's sales have not all reached the central database."""
    dialog.closed.connect(lambda _r: setattr(till, "session_closed", True))
    warning = sync.closing_day_warning(till.station)
    if warning:
        dialog.warn(warning)  # the service words it for the cashier


def ask_after_close(till) -> None:
    """The drawer is closed: nothing more can be sold on it. New float, or log out."""
    till.cart = Cart()
    till.refresh_cart()
    box = QMessageBox(till)
    box.setWindowTitle(till.tr("Drawer closed"))
    box.setText(
        till.tr("Your drawer session is closed. Count a new float to keep selling, or log out.")
    )
    new = box.addButton(till.tr("Open a new drawer (Enter)"), QMessageBox.ButtonRole.AcceptRole)
    out = box.addButton(till.tr("Log out (Esc)"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(new)
    box.setEscapeButton(out)
    box.finished.connect(lambda _r: _chosen(till, box, box.clickedButton() is new))
    till.dialog = box
    box.open()


def _chosen(till, box, new_drawer: bool) -> None:
    till.dialog = None
    box.deleteLater()
    if new_drawer:
        till.idle_lock.stop()
        till.close()
        till.new_session_wanted.emit()
    else:
        till.log_out()
