"""An input with its own error line beneath it, so a bad value is explained where it was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FormField(QWidget):
    """Wraps one editor; `show_error` marks it and says what is wrong, `clear_error` undoes it."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.editor.setProperty("invalid", True)
        self._restyle()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.editor.setProperty("invalid", False)
        self._restyle()

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def _restyle(self) -> None:
        style = self.editor.style()
        style.unpolish(self.editor)
        style.polish(self.editor)
