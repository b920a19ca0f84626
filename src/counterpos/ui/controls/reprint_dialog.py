"""The Reprint screen: find a receipt (scan, number, customer, dates, amount), preview, print, PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpos.services.devices import reprint
from counterpos.services.errors import CounterError
from counterpos.ui.background import run_in_background
from counterpos.ui.formats import datetime_text, set_date_format
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.receipt_view import ReceiptView


class ReprintDialog(CounterDialog):
    """Thin screen over services.reprint; printing and PDF run off the GUI thread.

    Enter in the search fields finds (a scanner ends with Enter) and moves to the results;
    Enter in the results prints the highlighted receipt again."""

    job_finished = Signal(bool, str)  # ok, message (tests and the till may listen)

    def __init__(self, station, actor, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reprint a receipt"), parent)
        self.station, self.actor = station, actor

        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("Scan or type a receipt number"))
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Name or customer number"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("Total, like 45.00"))
        self.use_dates = QCheckBox(self.tr("Between"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_to = QDateEdit(today)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to.setAccessibleName(self.tr("To"))
        self.number.setObjectName("reprint_number")
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            set_date_format(d)
        self.find_button = QPushButton(self.tr("Find (Enter)"))
        self.find_button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("Receipt number"), self.number)
        form.addRow(self.tr("Customer"), self.customer)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("and")))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(self.tr("Date"), dates)
        form.addRow(self.tr("Amount"), self.amount)

        self.results = QTableWidget(0, 5)
        self.results.setAccessibleName(self.tr("Receipts found"))
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("Receipt"),
                self.tr("Date"),
                self.tr("Customer"),
                self.tr("Total"),
                self.tr("Cashier"),
            ]
        )
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().setVisible(False)

        self.preview = ReceiptView(compact=True)

        self.status = QLabel()
        self.status.setWordWrap(True)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.find_button)
        left.addWidget(self.results, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.preview, 1)
        self.body_layout.addLayout(body, 1)
        self.body_layout.addWidget(self.status)
        self.add_button(self.tr("Close (Esc)"), back=True)
        self.pdf_button = self.add_button(self.tr("Save as PDF… (Ctrl+S)"), self.ask_pdf)
        self.pdf_button.setShortcut("Ctrl+S")
        self.print_button = self.add_button(
            self.tr("Print again (Enter)"), self.print_again, primary=True
        )

        self.find_button.clicked.connect(self.search)
        self.results.itemSelectionChanged.connect(self._show_selected)
        self._set_busy(False)
        self.first_field = self.number
        self.setMinimumSize(1000, 600)

    def has_work(self) -> bool:
        return False  # search fields only: Esc simply closes

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        focus = self.focusWidget()
        if (
            enter
            and not event.modifiers()
            and focus is not self.results
            and not isinstance(focus, QPushButton)
        ):
            self.search()  # a scanner ends with Enter: find it, then Enter prints
            return
        super().keyPressEvent(event)

    # --- finding ---------------------------------------------------------------------------
    def search(self) -> None:
        kwargs = {
            "number": self.number.text(),
            "customer": self.customer.text(),
            "amount": self.amount.text(),
        }
        if self.use_dates.isChecked():
            kwargs["date_from"] = self.date_from.date().toPython()
            kwargs["date_to"] = self.date_to.date().toPython()
        try:
            hits = reprint.find_receipts(self.station, **kwargs)
        except CounterError as exc:
            self._say(str(exc), ok=False)
            return
        self.results.setRowCount(len(hits))
        for row, hit in enumerate(hits):
            values = (
                hit.receipt_no,
                datetime_text(hit.when),
                hit.customer,
                hit.total.format(),
                hit.cashier,
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.results.setItem(row, col, item)
        self.results.resizeColumnsToContents()
        if hits:
            self.results.selectRow(0)
            self.results.setFocus()
            self._say(self.tr("{0} receipt(s) found.").format(len(hits)), ok=True)
        else:
            self.preview.clear()
            self._say(self.tr("No receipt matches."), ok=False)
        self._set_busy(False)

    def selected_receipt(self) -> str:
        row = self.results.currentRow()
        item = self.results.item(row, 0) if row >= 0 else None
        return item.text() if item else ""

    def _show_selected(self) -> None:
        receipt_no = self.selected_receipt()
        if not receipt_no:
            return
        try:
            self.preview.setPlainText("\n".join(reprint.preview_lines(self.station, receipt_no)))
        except CounterError as exc:
            self._say(str(exc), ok=False)
        self._set_busy(False)

    # --- printing --------------------------------------------------------------------------
    def print_again(self) -> None:
        receipt_no = self.selected_receipt()
        if receipt_no:
            self._start(reprint.reprint, self.station, self.actor, receipt_no)

    def ask_pdf(self) -> None:
        receipt_no = self.selected_receipt()
        if not receipt_no:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"{receipt_no}.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_pdf_to(Path(path))

    def save_pdf_to(self, path: Path) -> None:
        receipt_no = self.selected_receipt()
        if receipt_no:
            self._start(reprint.save_pdf, self.station, self.actor, receipt_no, path)

    def _start(self, fn, *args) -> None:
        self._set_busy(True)
        self._say(self.tr("Printing…"), ok=True)
        run_in_background(fn, *args, on_done=self._done, on_error=self._failed)

    def _done(self, outcome) -> None:
        self._set_busy(False)
        self._say(outcome.message, ok=True, warn=not outcome.confirmed)
        self._show_selected()  # the preview now shows the next copy number
        self.job_finished.emit(True, outcome.message)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, ok=False)
        self.job_finished.emit(False, message)

    # --- helpers ---------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        has = bool(self.selected_receipt())
        self.print_button.setEnabled(has and not busy)
        self.pdf_button.setEnabled(has and not busy)
        self.find_button.setEnabled(not busy)

    def _say(self, message: str, *, ok: bool, warn: bool = False) -> None:
        self.status.setText(message)
        self.status.setProperty("tone", "error" if not ok else "warn" if warn else "info")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)


def open_reprint_dialog(station, actor, parent: QWidget | None = None, receipt_no: str = ""):
    """Show the Reprint screen (modal); with receipt_no, that receipt is already found."""
    dialog = ReprintDialog(station, actor, parent)
    if receipt_no:
        dialog.number.setText(receipt_no)
        dialog.search()
    dialog.exec()
    return dialog
