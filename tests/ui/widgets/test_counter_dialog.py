"""The dialog frame: Enter confirms or moves on and never cancels, Esc asks before losing work,
the dialog never opens larger than the screen and its buttons never scroll away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from counterpos.ui.widgets.counter_dialog import CounterDialog

pytestmark = pytest.mark.gui
K = Qt.Key


class Form(CounterDialog):
    def __init__(self, rows: int = 2) -> None:
        super().__init__("A form")
        form = self.add_form()
        self.edits = [QLineEdit() for _ in range(rows)]
        for n, edit in enumerate(self.edits):
            self.add_field(form, f"Field {n}", edit, f"f{n}", required=n == 0)
        self.done_count = 0
        self.add_button("Back (Esc)", back=True)
        self.ok = self.add_button("OK (Enter)", self.confirm, primary=True)

    def confirm(self) -> None:
        if not self.edits[0].text():
            self.show_error("Field 0 is required: type something.", "f0")
            return
        self.done_count += 1
        self.work_saved()
        self.accept()


@pytest.fixture
def form(qtbot, styled):
    dialog = Form()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_it_opens_with_its_title_and_the_focus_in_its_first_field(form):
    assert form.windowTitle() == "A form" and form.heading.text() == "A form"
    assert form.focusWidget() is form.edits[0]
    assert form.required_note is not None and form.required_note.text() == "* required"


def test_enter_presses_the_main_button_even_from_the_back_buttons_row(qtbot, drive, form):
    drive.press(form.edits[0], K.Key_Return)
    assert form.isVisible() and "required" in form.fields["f0"].error_text()
    drive.type(form.edits[0], "x")
    assert form.fields["f0"].error_text() == ""  # changed: the error goes
    drive.press(form.edits[1], K.Key_Return)
    assert form.done_count == 1 and form.result() == Form.DialogCode.Accepted


def test_esc_with_nothing_typed_closes_at_once(qtbot, drive, form):
    drive.press(form.edits[0], K.Key_Escape)
    assert not form.isVisible() and form.question is None


def test_esc_after_typing_asks_and_enter_keeps_the_work(qtbot, drive, form):
    drive.type(form.edits[1], "something")
    drive.press(form.edits[1], K.Key_Escape)
    assert form.isVisible() and form.question is not None and form.question.isVisible()
    drive.press(form.question, K.Key_Return)
    assert form.isVisible() and form.edits[1].text() == "something"
    drive.press(form.edits[1], K.Key_Escape)
    drive.press(form.question, K.Key_Escape)  # the same key again throws it away
    qtbot.waitUntil(lambda: not form.isVisible())
    assert form.result() == Form.DialogCode.Rejected and form.done_count == 0


def test_enter_walks_a_count_and_ctrl_enter_confirms_from_anywhere(qtbot, drive, styled):
    dialog = Form()
    spins = [QSpinBox() for _ in range(3)]
    for spin in spins:
        dialog.body_layout.addWidget(spin)
    dialog.enter_moves = True
    dialog.enter_order = spins
    dialog.first_field = spins[0]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.edits[0].setText("filled")
    spins[0].setFocus()
    drive.press(spins[0], K.Key_Return)
    assert dialog.focusWidget() is spins[1] and dialog.isVisible()
    drive.confirm(spins[1])
    assert dialog.done_count == 1


def test_a_tall_dialog_fits_the_screen_and_its_buttons_stay_in_view(qtbot, styled):
    dialog = Form(rows=60)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(dialog.geometry())
    assert dialog.body_scroll.verticalScrollBar().maximum() > 0  # the form scrolls inside
    button = dialog.ok
    assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))


def test_an_error_grows_the_dialog_rather_than_hiding_the_form(qtbot, drive, form):
    before = form.height()
    form.show_error("A long explanation " * 12, "f1")
    assert form.height() >= before
    label: QLabel = form.fields["f1"].error
    assert label.isVisible() and label.wordWrap()
    assert "f1" in form.fields and form.errors().startswith("A long explanation")


def test_a_done_or_info_line_is_not_in_the_errors_red(form):
    """A void's "Voided. Hand back $50.00 in cash." was shown in red: the label kept the error's
    style after its tone changed, so a cashier read a success as a failure."""
    from PySide6.QtGui import QPalette

    def colour() -> str:
        return form.message.palette().color(QPalette.ColorRole.WindowText).name()

    form.say("Something went wrong.")
    red = colour()
    form.say("Voided. Hand back $50.00 in cash.", tone="ok")
    green = colour()
    form.say("At most $10.00 can be refunded.", tone="info")
    plain = colour()
    assert len({red, green, plain}) == 3
    form.say("Wrong again.")
    assert colour() == red
