"""The strip along the bottom of a screen that names its function keys; it wraps, never clips."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from counterpos.ui.widgets.flow_layout import FlowLayout


class ShortcutBar(QFrame):
    """Shows pairs like ("F2", "Find customer"); the keys themselves are shortcuts elsewhere.

    Each key and its words stay together; when the window is too narrow for one row the pairs
    wrap onto a second one, so no label is ever cut short."""

    def __init__(self, keys: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutBar")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        holder = QWidget()
        self.flow = FlowLayout(holder, spacing=10)
        outer.addWidget(holder)
        self.labels: dict[str, QLabel] = {}
        self.keys: dict[str, QLabel] = {}
        for key, text in keys:
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            k = QLabel(key)
            k.setProperty("role", "key")
            t = QLabel(text)
            row.addWidget(k)
            row.addWidget(t)
            self.flow.addWidget(pair)
            self.labels[key] = t
            self.keys[key] = k
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        holder.setSizePolicy(policy)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return " ".join(f"{k} {v.text()}" for k, v in self.labels.items())
