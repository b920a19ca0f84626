"""The frame every counter dialog shares: a title, a body that scrolls inside, buttons that never
scroll, Enter that moves on or confirms (never discards) and Esc that asks before losing work."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counterpos.ui.accessible import name_from_labels
from counterpos.ui.widgets.ask import ask_to_discard
from counterpos.ui.widgets.form_field import FormField, required_label

# Room left around a dialog for the window manager's title bar and the screen's edges.
SCREEN_MARGIN = 12
TITLE_BAR = 36


def screen_area(widget: QWidget | None) -> QRect:
    """The available area of the screen `widget` is on (else the primary screen)."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _value(w: QWidget):
    if isinstance(w, QLineEdit):
        return None if w.isReadOnly() else w.text()
    if isinstance(w, QPlainTextEdit):
        return None if w.isReadOnly() else w.toPlainText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QComboBox):
        return w.currentText() if w.isEditable() else w.currentIndex()
    if isinstance(w, QAbstractSpinBox):
        return w.text()
    return None


def _focus_target(editor: QWidget) -> QWidget:
    """The control of a field that takes the focus: the field itself, or for a group of
    checkboxes (a checklist) its first box not ticked, else its first box. Focus given to the
    group's frame was lost: no ring, and Space ticked nothing."""
    if editor.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return editor
    boxes = [
        w
        for w in editor.findChildren(QWidget)
        if w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    unticked = [w for w in boxes if isinstance(w, QCheckBox) and not w.isChecked()]
    return (unticked or boxes or [editor])[0]


class CounterDialog(QDialog):
    """Subclasses put their fields in `self.body_layout` (or `self.add_form()`), add buttons with
    `add_button`, name the first field with `self.first_field` and say things with `say`.

    - The body scrolls inside the dialog when the screen is short; the buttons stay in view.
    - Enter presses the primary button; with `enter_moves` set (a count), Enter in one of
      `self.enter_order`'s fields goes to the next, and the last one presses the primary.
      Ctrl+Enter presses the primary from anywhere.
      No button but the primary is ever the default, so Enter never cancels.
    - Esc backs out; if anything was typed since the dialog opened (`has_work`), it asks first,
      and Esc again (or the button) throws it away.
    - The dialog never opens larger than the screen's free area, and opens centred on it.
    """

    def __init__(self, title: str, parent: QWidget | None = None, heading: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.primary: QPushButton | None = None
        self.first_field: QWidget | None = None
        self.enter_moves = False
        self.enter_order: list[QWidget] = []
        self.question: QMessageBox | None = None
        self.discard_text = self.tr("Throw away what you typed here?")
        self._snapshot: list[tuple[QWidget, object]] = []
        self.fields: dict[str, FormField] = {}
        self.required_note: QLabel | None = None
        self._shown = False

        self.heading = QLabel(heading or title)
        self.heading.setObjectName("title")
        self.heading.setWordWrap(True)
        self.body = QWidget()
        self.body.setObjectName("dialogBodyInner")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 4, 0)
        self.body_scroll = QScrollArea()
        self.body_scroll.setObjectName("dialogBody")
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body_scroll.setWidget(self.body)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.heading)
        self.outer.addWidget(self.body_scroll, 1)
        self.outer.addWidget(self.message)
        self.outer.addLayout(self.buttons)

    # -- building ------------------------------------------------------------------------

    def add_form(self) -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body_layout.addLayout(form)
        return form

    def add_button(
        self,
        text: str,
        slot: Callable[[], None] | None = None,
        *,
        primary: bool = False,
        back: bool = False,
        name: str = "",
    ) -> QPushButton:
        """A button in the row at the bottom. `primary`: the one Enter presses. `back`: backs
        out like Esc (asking first when work would be lost)."""
        button = QPushButton(text)
        button.setAutoDefault(False)
        if name:
            button.setObjectName(name)
        if back:
            button.clicked.connect(self.reject)
        elif slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        if primary:
            button.setDefault(True)
            self.primary = button
        self.buttons.addWidget(button)
        return button

    def add_field(
        self,
        form: QFormLayout,
        label: str,
        editor: QWidget,
        name: str,
        *,
        required: bool = False,
    ) -> FormField:
        """A labelled field with its own error line; a required one is marked with an
        asterisk and the dialog says what the asterisk means."""
        if isinstance(editor, QComboBox):  # as wide as the form, like the text fields
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        field = FormField(editor)
        if not editor.objectName():
            editor.setObjectName(name)
        text = required_label(label, required)
        caption = QLabel(text)
        caption.setBuddy(editor)
        form.addRow(caption, field)
        self.fields[name] = field
        if required and self.required_note is None:
            self.required_note = QLabel(self.tr("* required"))
            self.required_note.setObjectName("requiredNote")
            self.buttons.insertWidget(0, self.required_note)
        return field

    def show_error(self, message: str, field: str | None = None) -> None:
        """`message` by its field (which takes the focus), else under the body."""
        target = self.fields.get(field or "")
        if target is None:
            self.say(message)
            return
        target.show_error(message)
        self.grow_to_fit()
        self.body_scroll.ensureWidgetVisible(target)
        editor = _focus_target(target.editor)
        editor.setFocus()
        if isinstance(editor, QLineEdit):
            editor.selectAll()

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()
        self.say("")

    def say(self, text: str, tone: str = "error") -> None:
        """A message under the body: what went wrong ("error"), what was done ("ok"), what to
        know ("info", in plain text colour)."""
        self.message.setProperty("tone", tone)
        names = {"error": "message", "ok": "notice"}
        self.message.setObjectName(names.get(tone, "dialogLine"))
        # Polish again with the new name and tone: setStyleSheet("") on a label that has no
        # sheet of its own is no change to Qt, and a "done" line stayed in the error's red.
        style = self.message.style()
        style.unpolish(self.message)
        style.polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.grow_to_fit()

    def errors(self) -> str:
        """Everything the dialog says is wrong: each field's error, then the message line."""
        parts = [f.error_text() for f in self.fields.values() if f.error_text()]
        if self.message.property("tone") in (None, "error") and self.said():
            parts.append(self.said())
        return "\n".join(parts)

    def said(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    # -- work and Esc ---------------------------------------------------------------------

    def _inputs(self) -> Sequence[QWidget]:
        kinds = (QLineEdit, QPlainTextEdit, QCheckBox, QComboBox, QAbstractSpinBox)
        return [w for w in self.body.findChildren(QWidget) if isinstance(w, kinds)]

    def work_saved(self) -> None:
        """What the fields hold now is not work to lose (after it was saved, or prefilled)."""
        self._snapshot = [(w, _value(w)) for w in self._inputs()]

    def has_work(self) -> bool:
        """Whether something was typed or chosen since the dialog opened (or last saved)."""
        before = dict(self._snapshot)
        for w in self._inputs():
            value = _value(w)
            if value is None:
                continue
            if w in before:
                if before[w] != value:
                    return True
            elif isinstance(value, str) and value.strip():  # a field added since, filled in
                return True
        return False

    def reject(self) -> None:
        if self.question is not None and self.question.isVisible():
            return
        if self.has_work():
            self.question = ask_to_discard(
                self, self.discard_text, self.tr("Throw it away"), self.discard
            )
            return
        super().reject()

    def discard(self) -> None:
        """Close without keeping what was typed (after the question, or when nothing was)."""
        self.question = None
        super().reject()

    # -- Enter ------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if self.primary is not None and self.primary.isVisible() and self.primary.isEnabled():
                self.primary.click()  # Ctrl+Enter: confirm at once, from any field
            return
        if enter and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
            focus = self.focusWidget()
            if isinstance(focus, QPushButton) and focus is not self.primary and focus.isVisible():
                focus.click()  # a button the cashier moved to with Tab: Enter presses it
                return
            if self.enter_moves and self._move_on(focus):
                return
            if self.primary is not None and self.primary.isVisible():
                if self.primary.isEnabled():
                    self.primary.click()
                return
            return  # no primary: Enter does nothing rather than cancel
        super().keyPressEvent(event)

    def _move_on(self, focus: QWidget | None) -> bool:
        order = [w for w in self.enter_order if w.isVisible() and w.isEnabled()]
        owner = focus
        while owner is not None and owner not in order:
            owner = owner.parentWidget()
        if owner is None or owner is order[-1]:
            return False
        nxt = order[order.index(owner) + 1]
        nxt.setFocus(Qt.FocusReason.TabFocusReason)
        if isinstance(nxt, QAbstractSpinBox | QLineEdit):
            nxt.selectAll()
        return True

    # -- size and first focus -----------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._shown:
            return
        self._shown = True
        name_from_labels(self)
        self.fit_to_screen()
        self.work_saved()
        target = self.first_field or self._first_input()
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(target, QLineEdit | QAbstractSpinBox):
                target.selectAll()

    def _first_input(self) -> QWidget | None:
        for w in self._inputs():
            if w.isVisibleTo(self) and w.isEnabled() and w.focusPolicy() != Qt.FocusPolicy.NoFocus:
                if isinstance(w, QLineEdit) and isinstance(
                    w.parentWidget(), QAbstractSpinBox | QComboBox
                ):
                    continue
                return w
        return None

    def fit_to_screen(self) -> None:
        """Open no larger than the screen's free area (less room for a title bar), centred."""
        area = screen_area(self.parentWidget() or self)
        max_w = area.width() - 2 * SCREEN_MARGIN
        max_h = area.height() - 2 * SCREEN_MARGIN - TITLE_BAR
        self.setMaximumSize(max_w, max_h)
        want = self.sizeHint().expandedTo(self.minimumSizeHint()).expandedTo(self.minimumSize())
        # The body's own wish, whole (a scroll area asks little by itself).
        inner = self.body.sizeHint()
        want.setHeight(max(want.height(), inner.height() + self._chrome_height()))
        want.setWidth(max(want.width(), inner.width() + 40))
        self.resize(min(want.width(), max_w), min(want.height(), max_h))
        geo = self.geometry()
        geo.moveCenter(area.center())
        geo.moveTop(max(area.top() + SCREEN_MARGIN + TITLE_BAR, geo.top()))
        if geo.bottom() > area.bottom() - SCREEN_MARGIN:
            geo.moveBottom(area.bottom() - SCREEN_MARGIN)
        self.move(geo.topLeft())

    def grow_to_fit(self) -> None:
        """After an error line appeared: grow to show the whole form again if the screen
        allows (else the body scrolls), staying on the screen."""
        if not self._shown or not self.isVisible():
            return
        self.outer.activate()
        area = screen_area(self.parentWidget() or self)
        max_h = area.height() - 2 * SCREEN_MARGIN - TITLE_BAR
        want = max(self.sizeHint().height(), self.body.sizeHint().height() + self._chrome_height())
        want += self.message.sizeHint().height() if self.message.isVisible() else 0
        height = min(max(want, self.height()), max_h)
        if height == self.height():
            return
        geo = self.geometry()
        geo.setHeight(height)
        if geo.bottom() > area.bottom() - SCREEN_MARGIN:
            geo.moveBottom(area.bottom() - SCREEN_MARGIN)
        self.setGeometry(geo)

    def _chrome_height(self) -> int:
        """Everything around the body: title, message, buttons and margins."""
        m = self.outer.contentsMargins()
        spacing = self.outer.spacing() * 3
        return (
            self.heading.sizeHint().height()
            + self.buttons.sizeHint().height()
            + m.top()
            + m.bottom()
            + spacing
            + 8
        )
