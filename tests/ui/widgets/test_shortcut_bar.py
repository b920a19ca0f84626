"""The key bar wraps onto more rows when narrow; no label is ever cut short."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

from counterpos.ui import keymap
from counterpos.ui.widgets.shortcut_bar import ShortcutBar

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("width", [1920, 1366, 1280, 800])
def test_labels_wrap_and_are_never_elided(qtbot, styled, width):
    holder = QWidget()
    layout = QVBoxLayout(holder)
    bar = ShortcutBar(keymap.bar(keymap.TILL_BAR, "till"))
    layout.addWidget(bar)
    layout.addStretch(1)
    qtbot.addWidget(holder)
    holder.resize(width, 400)
    holder.show()
    qtbot.waitExposed(holder)
    rows = set()
    for key, label in bar.labels.items():
        assert label.isVisible()
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), key
        pair = label.parentWidget()
        assert pair.geometry().right() <= bar.width(), key
        rows.add(pair.geometry().top())
    assert bar.text().startswith("F2 Find customer F3 Services")
    if width <= 1366:
        assert len(rows) >= 2  # it wrapped rather than clip
