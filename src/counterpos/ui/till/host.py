"""What the till's parts may ask of the till window, and nothing more."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QDialog, QWidget


@runtime_checkable
class TillHost(Protocol):
    """The till window as its parts (payment, controls, menus, drawer close) see it.

    A part reads and changes the sale through the TillState; it shows things through this.
    """

    def window(self) -> QWidget:
        """The window to parent a part's dialogs on."""
        ...

    def show_dialog(
        self, dialog: QDialog, finished: Callable[[int], None] | None = None, keep: bool = False
    ) -> None:
        """Open `dialog` over the till as its current dialog. When it closes the till forgets
        it and takes the focus back to the services list, then `finished(result)` runs; the
        dialog is deleted then, unless `keep` (a screen built once and opened again)."""
        ...

    def open_line_dialog(self, dialog: QDialog) -> None:
        """Open a dialog whose accepted `lines` go into the cart."""
        ...

    def open_account_dialog(self, dialog: QDialog, done_text: str) -> None:
        """Open a dialog that acts on an account itself; `done_text` is said once it is done."""
        ...

    def say(self, text: str) -> None:
        """Put `text` on the message line: what went wrong or what to do ("" clears it)."""
        ...

    def tell(self, text: str) -> None:
        """Put `text` on the notice line: what was done ("" clears it)."""
        ...

    def flash(self, text: str) -> None:
        """Show `text` in the status bar for a few seconds."""
        ...
