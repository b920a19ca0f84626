"""The strip along the bottom of a screen that names its function keys."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class ShortcutBar(QFrame):
    """Shows pairs like ("F2", "Find customer"); the keys themselves are QShortcuts elsewhere."""

    def __init__(
        self, keys: list[tuple[str, str]], parent: QWidget | None = None, per_row: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 4, 8, 4)
        outer.setSpacing(4)
        self.labels: dict[str, QLabel] = {}
        per_row = per_row or len(keys)
        for start in range(0, len(keys), per_row):
            layout = QHBoxLayout()
            layout.setSpacing(4)
            for key, text in keys[start : start + per_row]:
                k = QLabel(key)
                k.setProperty("role", "key")
                layout.addWidget(k)
                t = QLabel(text)
                t.setMinimumWidth(t.sizeHint().width())  # the window grows; a label never clips
                layout.addWidget(t)
                layout.addSpacing(10)
                self.labels[key] = t
            layout.addStretch(1)
            outer.addLayout(layout)

    def text(self) -> str:
        return " ".join(f"{k} {v.text()}" for k, v in self.labels.items())
