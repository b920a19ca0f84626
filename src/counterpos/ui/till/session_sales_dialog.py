"""This drawer's sales (F11): every number the session used, newest first, and its totals by
tender. Enter prints the highlighted one again, V voids it, R refunds it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from counterpos.services.devices import reprint, slips
from counterpos.services.drawer import session_records
from counterpos.services.drawer.session_records import DrawerTotals, SessionRecord
from counterpos.services.errors import CounterError
from counterpos.ui.background import run_in_background
from counterpos.ui.formats import time_text
from counterpos.ui.widgets.counter_dialog import CounterDialog

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = ("Time", "Receipt", "Customer / reason", "Paid by", "Amount", "")


class SessionSalesDialog(CounterDialog):
    """`void_wanted(receipt_no)` / `refund_wanted(receipt_no)`: the till opens that dialog with
    the number filled in; `printed(message)` when a reprint went through."""

    void_wanted = Signal(str)
    refund_wanted = Signal(str)
    job_finished = Signal(bool, str)

    def __init__(self, station, actor, session_id: str, parent=None) -> None:
        super().__init__(self.tr("This drawer's sales"), parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.records: list[SessionRecord] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("session_sales")
        self.table.setAccessibleName(self.tr("This drawer's sales"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.totals = QLabel()
        self.totals.setObjectName("drawer_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        keys = QLabel(self.tr("Enter: print again · V: void · R: refund · ↑ ↓: choose · Esc: back"))
        keys.setObjectName("hint")
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(keys)
        body.addLayout(left, 3)
        body.addWidget(self.totals, 1, Qt.AlignmentFlag.AlignTop)
        self.body_layout.addLayout(body, 1)
        self.add_button(self.tr("Close (Esc)"), back=True)
        self.void_button = self.add_button(self.tr("Void (V)"), self.void_selected)
        self.refund_button = self.add_button(self.tr("Refund (R)"), self.refund_selected)
        self.print_button = self.add_button(
            self.tr("Print again (Enter)"), self.print_selected, primary=True
        )
        self.first_field = self.table
        # Shortcuts, not key presses: the table would take a letter for its own search.
        QShortcut(QKeySequence("V"), self, self.void_selected)
        QShortcut(QKeySequence("R"), self, self.refund_selected)
        self.table.itemSelectionChanged.connect(self._enable)
        self.setMinimumSize(960, 560)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.records = session_records.session_records(
                self.station, self.actor, self.session_id
            )
            totals = session_records.drawer_totals(self.station, self.actor, self.session_id)
        except CounterError as exc:
            self.say(str(exc))
            return
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            status = ""
            if r.voided:
                status = self.tr("VOIDED")
            elif r.refunded.cents:
                status = self.tr("refunded {amount}").format(amount=r.refunded.format())
            elif r.kind in ("refund", "paid_in", "paid_out"):
                status = {
                    "refund": self.tr("refund"),
                    "paid_in": self.tr("paid-in"),
                    "paid_out": self.tr("paid-out"),
                }[r.kind]
            cells = (
                time_text(r.when),
                r.receipt_no,
                r.customer,
                r.tenders,
                r.amount.format(),
                status,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, col, item)
        if self.records:
            self.table.selectRow(0)
        self.totals.setText(self._totals_html(totals))
        self._enable()

    def _totals_html(self, t: DrawerTotals) -> str:
        rows = []
        for tender in t.tenders:
            amount = (
                self.tr("counted at close") if tender.amount is None else tender.amount.format()
            )
            rows.append(
                f"<tr><td>{tender.label}</td><td align=right>{tender.count}</td>"
                f"<td align=right>{amount}</td></tr>"
            )
        head = self.tr("Your drawer by tender")
        return (
            f"<b>{head}</b><table cellpadding=3>{''.join(rows)}</table>"
            + self.tr("<p>{n} sales · {r} refunds<br>Paid in {pin} · paid out {pout}</p>").format(
                n=t.sales, r=t.refunds, pin=t.paid_in.format(), pout=t.paid_out.format()
            )
            + (
                self.tr("<p>Cash is counted blind when you close the drawer.</p>")
                if t.cash_blind
                else ""
            )
        )

    def selected(self) -> SessionRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def _enable(self) -> None:
        r = self.selected()
        self.print_button.setEnabled(r is not None)
        self.void_button.setEnabled(r is not None and r.can_void)
        self.refund_button.setEnabled(r is not None and r.kind == "sale" and not r.voided)

    # -- the keys -------------------------------------------------------------------------

    def print_selected(self) -> None:
        r = self.selected()
        if r is None:
            return
        self.print_button.setEnabled(False)
        self.say(self.tr("Printing {no}…").format(no=r.receipt_no), "info")
        if r.reprints:
            fn, args = reprint.reprint, (self.station, self.actor, r.receipt_no)
        else:
            fn, args = slips.print_paid_slip, (self.station, self.actor, r.receipt_no)
        run_in_background(fn, *args, on_done=self._printed, on_error=self._failed)

    def _printed(self, outcome) -> None:
        self.say(outcome.message, "ok" if outcome.confirmed else "warn")
        self._enable()
        self.job_finished.emit(True, outcome.message)

    def _failed(self, message: str) -> None:
        self.say(message)
        self._enable()
        self.job_finished.emit(False, message)

    def void_selected(self) -> None:
        r = self.selected()
        if r is None or not r.can_void:
            self.say(self.tr("Choose a sale that is not voided."))
            return
        self.void_wanted.emit(r.receipt_no)  # first: the till opens the void once this closes
        self.accept()

    def refund_selected(self) -> None:
        r = self.selected()
        if r is None or r.kind != "sale" or r.voided:
            self.say(self.tr("Choose a sale that is not voided."))
            return
        self.refund_wanted.emit(r.receipt_no)
        self.accept()
