"""A question before something is thrown away: Enter keeps it; the same key again confirms."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Ask", text)


def ask_to_discard(
    parent: QWidget,
    text: str,
    confirm: str,
    on_confirm: Callable[[], None],
    *,
    again_key: str = "Esc",
    title: str = "",
    keep: str = "",
) -> QMessageBox:
    """Open (not exec) a question whose default, Enter, keeps the work; `again_key` pressed
    once more, or the confirm button, runs `on_confirm`. Returns the open box (tests drive it)."""
    box = QMessageBox(parent)
    box.setObjectName("discardQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title or QCoreApplication.translate("Ask", "Are you sure?"))
    box.setText(text)
    keep_button = box.addButton(
        keep or QCoreApplication.translate("Ask", "Keep it (Enter)"),
        QMessageBox.ButtonRole.RejectRole,
    )
    yes = box.addButton(
        QCoreApplication.translate("Ask", "{what} ({key})").format(what=confirm, key=again_key),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    yes.setObjectName("confirmDiscard")
    keep_button.setObjectName("keepWork")
    box.setDefaultButton(keep_button)
    if again_key == "Esc":
        box.setEscapeButton(yes)
    else:
        box.setEscapeButton(keep_button)
        QShortcut(QKeySequence(again_key), box, yes.click)
    for button in (keep_button, yes):
        button.setAutoDefault(False)
    keep_button.setDefault(True)

    def finished(_result: int) -> None:
        if box.clickedButton() is yes:
            # Once the question is gone and the focus is back where it was: the action may
            # move it on (to the lookup after a cleared sale).
            QTimer.singleShot(0, on_confirm)

    box.finished.connect(finished)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    keep_button.setFocus()
    return box
