"""Accessible names from the labels a screen already shows, so a screen reader names every field.

Qt names a field from its buddy label only when the two are siblings; our fields sit inside a
FormField (the editor and its error line), so the label's text is copied onto the editor here.
A name set on purpose (`setAccessibleName`) is kept.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget


def plain(text: str) -> str:
    """A label's words as read aloud: no accelerator '&', no required-mark asterisk, no tags."""
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"&(?!&)", "", text).replace("&&", "&")
    return text.rstrip(" *:").strip()


def _editors(widget: QWidget) -> list[QWidget]:
    """The widget if it takes the focus, else its editor(s) inside (a FormField's editor)."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return [widget]
    editor = getattr(widget, "editor", None)
    if isinstance(editor, QWidget):
        return _editors(editor)
    return [
        w
        for w in widget.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.parent() is widget
    ][:1]


def _name(widget: QWidget, text: str) -> None:
    words = plain(text)
    if not words:
        return
    for editor in _editors(widget):
        if not editor.accessibleName():
            editor.setAccessibleName(words)


def name_from_labels(root: QWidget) -> None:
    """Give every labelled field under `root` its label's words as its accessible name."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None:
            _name(buddy, label.text())
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption = label_item.widget() if label_item is not None else None
            field = field_item.widget() if field_item is not None else None
            if isinstance(caption, QLabel) and field is not None:
                _name(field, caption.text())
