"""Voiding a sale of the open session: receipt number, reason, supervisor override, VOID slip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit

from counterpos.domain.receipt_document import render_text
from counterpos.services.actor import Actor
from counterpos.services.devices import void_slip
from counterpos.services.errors import CounterError, InputError, PermissionDenied
from counterpos.services.sale import receipts, voids
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.receipt_view import ReceiptView


class VoidDialog(CounterDialog):
    """`voided` carries the VoidResult; the till prints the slip (a ReceiptDocument)."""

    voided = Signal(object)

    def __init__(
        self,
        station: Station,
        actor: Actor,
        session_id: str = "",
        receipt_no: str = "",
        parent=None,
    ) -> None:
        super().__init__(self.tr("Void a sale"), parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.result: voids.VoidResult | None = None
        self.slip = None
        self.override_dialog: OverrideDialog | None = None
        self.discard_text = self.tr("Go back without voiding? What you typed is thrown away.")
        form = self.add_form()
        self.receipt = QLineEdit(receipt_no)
        self.receipt.setObjectName("void_receipt")
        self.receipt.setPlaceholderText(self.tr("Scan or type the receipt number"))
        self.receipt.editingFinished.connect(self.preview)
        self.reason = QLineEdit()
        self.reason.setObjectName("void_reason")
        self.reason.setPlaceholderText(self.tr("e.g. rung twice, wrong service"))
        self.add_field(form, self.tr("&Receipt number"), self.receipt, "receipt_no", required=True)
        self.add_field(form, self.tr("R&eason"), self.reason, "reason", required=True)
        self.text = ReceiptView(compact=True)
        self.body_layout.addWidget(self.text, 1)
        self.error = self.message
        self.close_button = self.add_button(self.tr("Close (Esc)"), back=True)
        self.void_button = self.add_button(
            self.tr("Void sale (Enter)"), lambda: self.try_void(), primary=True, name="void_button"
        )
        self.enter_moves = True  # a scanned receipt ends with Enter: on to the reason
        self.enter_order = [self.receipt, self.reason]
        self.first_field = self.reason if receipt_no else self.receipt
        self.setMinimumWidth(560)
        if receipt_no:
            self.preview()

    def preview(self) -> None:
        no = self.receipt.text().strip()
        if not no or self.result:
            return
        try:
            doc = receipts.receipt_document(self.station, no)
        except CounterError as exc:
            self.show_error(str(exc), "receipt_no")
            self.text.clear()
            return
        self.fields["receipt_no"].clear_error()
        self.say("")
        self.text.show_lines(render_text(doc))

    def try_void(self, approval=None) -> None:
        if self.result is not None:  # done: Enter closes
            self.accept()
            return
        self.clear_errors()
        try:
            self.result = voids.void_sale(
                self.station, self.actor, self.receipt.text(), self.reason.text(), approval
            )
        except PermissionDenied as exc:
            if approval is None and exc.permission == "void":
                dlg = OverrideDialog(self.station, self.actor, "void", str(exc), self)
                self.override_dialog = dlg
                dlg.accepted.connect(lambda: self.try_void(dlg.approval))
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
        self.slip = voids.void_slip(self.station, self.result.receipt_no)
        self.text.show_lines(render_text(self.slip))
        self.say(
            self.tr("Voided. Hand back {cash} in cash.").format(
                cash=self.result.cash_back.format()
            ),
            tone="ok",
        )
        self.work_saved()
        for w in (self.receipt, self.reason):
            w.setEnabled(False)
        self.close_button.hide()
        self.void_button.setText(self.tr("Done (Enter)"))
        self.void_button.setFocus()
        self.voided.emit(self.result)

    def save_slip_pdf(self, path: Path) -> Path | None:
        """Save the VOID slip as a PDF through the service that audits the copy."""
        if self.result is None:
            return None
        return void_slip.void_slip_pdf(self.station, self.actor, self.result.receipt_no, path).path
