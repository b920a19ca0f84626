"""Voiding a sale of the open session: receipt number, reason, supervisor override, VOID slip."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.domain.receipt_document import render_text
from counterpos.services.actor import Actor
from counterpos.services.devices import void_slip
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.sale import receipts, voids
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog


class VoidDialog(QDialog):
    """`voided` carries the VoidResult; the main window prints `slip` (a ReceiptDocument)."""

    voided = Signal(object)

    def __init__(
        self,
        station: Station,
        actor: Actor,
        session_id: str = "",
        receipt_no: str = "",
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.result: voids.VoidResult | None = None
        self.slip = None
        self.override_dialog: OverrideDialog | None = None
        self.setWindowTitle(self.tr("Void a sale"))
        self.resize(460, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.receipt = QLineEdit(receipt_no)
        self.receipt.setObjectName("void_receipt")
        self.receipt.editingFinished.connect(self.preview)
        self.reason = QLineEdit()
        self.reason.setObjectName("void_reason")
        form.addRow(self.tr("Receipt number"), self.receipt)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.text)
        self.error = QLabel()
        self.error.setObjectName("void_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.void_button = QPushButton(self.tr("Void sale"))
        self.void_button.setObjectName("void_button")
        close = QPushButton(self.tr("Close"))
        row.addWidget(close)
        row.addWidget(self.void_button)
        layout.addLayout(row)
        close.clicked.connect(self.reject)
        self.void_button.clicked.connect(lambda: self.try_void())
        if receipt_no:
            self.preview()

    def preview(self) -> None:
        no = self.receipt.text().strip()
        if not no or self.result:
            return
        try:
            doc = receipts.receipt_document(self.station, no)
        except CounterError as exc:
            self.error.setText(str(exc))
            self.text.clear()
            return
        self.error.clear()
        self.text.setPlainText("\n".join(render_text(doc)))

    def try_void(self, approval=None) -> None:
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
            self.error.setText(str(exc))
            return
        except CounterError as exc:
            self.error.setText(str(exc))
            return
        self.slip = voids.void_slip(self.station, self.result.receipt_no)
        self.text.setPlainText("\n".join(render_text(self.slip)))
        self.error.setText(
            self.tr("Voided. Hand back {cash} in cash.").format(cash=self.result.cash_back.format())
        )
        self.void_button.setEnabled(False)
        self.voided.emit(self.result)

    def save_slip_pdf(self, path: Path) -> Path | None:
        """Save the VOID slip as a PDF through the service that audits the copy."""
        if self.result is None:
            return None
        return void_slip.void_slip_pdf(self.station, self.actor, self.result.receipt_no, path).path
