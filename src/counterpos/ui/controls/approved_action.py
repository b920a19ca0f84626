"""A small form whose action may need a supervisor's on-the-spot approval (refund, paid-out, ...)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError, InputError, PermissionDenied
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog
from counterpos.ui.widgets.counter_dialog import CounterDialog


class ApprovedActionDialog(CounterDialog):
    """Subclasses add their fields to `self.form` with `self.field(...)` and implement
    `perform(approval) -> message`.

    When the cashier's role lacks `permission`, the supervisor override dialog opens; its one-use
    approval is passed to `perform` and the audit event names both people. `done_` carries the
    service's result. A service's InputError is shown beside the field it names.
    """

    done_ = Signal(object)
    permission = ""

    def __init__(
        self, station: Station, actor: Actor, session_id: str, title: str, button: str, parent=None
    ) -> None:
        super().__init__(title, parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.result = None
        self.override_dialog: OverrideDialog | None = None
        self.setMinimumWidth(520)
        self.form = self.add_form()
        self.error = self.message
        self.close_button = self.add_button(self.tr("Close (Esc)"), back=True)
        self.ok = self.add_button(button, lambda: self.attempt(), primary=True)

    def field(self, label: str, editor: QWidget, name: str, required: bool = True) -> QWidget:
        self.add_field(self.form, label, editor, name, required=required)
        return editor

    def perform(self, approval):  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def outcome(self):
        """What the action gave (None: not done yet); `perform` sets it as `result`."""
        return self.result

    def attempt(self, approval=None) -> None:
        if self.outcome() is not None:  # done: Enter now closes
            self.accept()
            return
        self.clear_errors()
        try:
            message = self.perform(approval)
        except PermissionDenied as exc:
            if approval is None and exc.permission == self.permission:
                dlg = OverrideDialog(self.station, self.actor, self.permission, str(exc), self)
                self.override_dialog = dlg
                dlg.accepted.connect(lambda: self.attempt(dlg.approval))
                dlg.open()
                return
            self.say(str(exc))
            return
        except InputError as exc:
            self.show_error(str(exc), exc.field)
            return
        except CounterError as exc:
            self.say(str(exc))
            return
        self.say(message, tone="ok")
        self.work_saved()
        for field in self.fields.values():
            field.editor.setEnabled(False)
        self.close_button.hide()
        self.ok.setText(self.tr("Done (Enter)"))
        self.ok.setFocus()
        self.done_.emit(self.outcome())


def done_with(dialog: ApprovedActionDialog, result: object) -> None:
    """Mark the dialog's action done with the service's result (QDialog names a method
    `result`; the dialogs keep theirs in the attribute of that name)."""
    vars(dialog)["result"] = result
