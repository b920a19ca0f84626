"""An on-screen receipt: the plain-text rendering of a receipt document in a monospace box."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class ReceiptView(QPlainTextEdit):
    """Read-only preview of `render_text(document)` lines, as the receipt printer would print them.

    `compact` previews (a void's receipt) ask for less height; the dialog's body scrolls."""

    def __init__(self, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("receiptPreview")
        self.setAccessibleName(self.tr("Receipt"))
        self.setReadOnly(True)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        # 42 printer columns plus the scroll bar, in the style sheet's font.
        self.ensurePolished()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 44) + 30)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * (10 if compact else 16))

    def show_lines(self, lines: list[str]) -> None:
        self.setPlainText("\n".join(lines))
