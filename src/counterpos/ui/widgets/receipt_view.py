"""An on-screen receipt: the plain-text rendering of a receipt document in a monospace box."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ReceiptView(QPlainTextEdit):
    """Read-only preview of `render_text(document)` lines, as the receipt printer would print them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPreview")
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # 42 printer columns plus the scroll bar, in the style sheet's font.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 46) + 40)
        self.setMinimumHeight(420)

    def show_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))
