"""An input with its own error line beneath it, so a bad value is explained where it was typed.

The error wraps onto as many lines as it needs (never clipped, never over the field) and goes
away as soon as the field is changed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class FormField(QWidget):
    """Wraps one editor; `show_error` marks it and says what is wrong, `clear_error` undoes it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.error.setSizePolicy(policy)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self._watch(editor)

    def _watch(self, editor: QWidget) -> None:
        """Clear the error once the cashier changes the field (the next check says if it is
        still wrong)."""
        clear = self.clear_error
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda _t: clear())
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i: clear())
            if editor.isEditable():
                editor.editTextChanged.connect(lambda _t: clear())
        elif isinstance(editor, QDateEdit):
            editor.dateChanged.connect(lambda _d: clear())
        elif isinstance(editor, QAbstractSpinBox):
            editor.editingFinished.connect(clear)
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(clear)
        elif isinstance(editor, QAbstractButton):
            editor.toggled.connect(lambda _c: clear())
        else:  # a group of checkboxes (a checklist)
            for box in editor.findChildren(QAbstractButton):
                box.toggled.connect(lambda _c: clear())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.editor.setProperty("invalid", True)
        self.editor.setAccessibleDescription(message)
        self._restyle()

    def clear_error(self) -> None:
        if not self.error.isVisibleTo(self) and not self.editor.property("invalid"):
            return
        self.error.clear()
        self.error.hide()
        self.editor.setProperty("invalid", False)
        self.editor.setAccessibleDescription("")
        self._restyle()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def _restyle(self) -> None:
        style = self.editor.style()
        style.unpolish(self.editor)
        style.polish(self.editor)


def required_label(text: str, required: bool) -> str:
    """A form label; a required field's ends with an asterisk (the form says what it means)."""
    return f"{text} *" if required else text
