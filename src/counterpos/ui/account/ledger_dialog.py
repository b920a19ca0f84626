"""The ledger of one utility account, for the customer panel: every entry and the running balance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem

from counterpos.services.clock import to_local
from counterpos.services.utility.accounts import account_ledger
from counterpos.ui.formats import date_text
from counterpos.ui.widgets.counter_dialog import CounterDialog

KINDS = {
    "charge": "Charge",
    "payment": "Payment",
    "penalty": "Penalty",
    "adjustment": "Adjustment",
    "credit": "Credit",
    "refund": "Refund",
    "transfer": "Transfer",
    "reversal": "Reversal",
    "deposit": "Deposit paid",
    "deposit_applied": "Deposit applied",
    "deposit_refund": "Deposit refunded",
    "deposit_transfer": "Deposit moved",
}


class AccountLedgerDialog(CounterDialog):
    def __init__(self, station, account_no: str, parent=None) -> None:
        super().__init__(self.tr("Account {no}").format(no=account_no), parent)
        ledger = account_ledger(station, account_no)
        head = QLabel(
            self.tr("{address} · {status} · balance due {due} · deposit held {deposit}").format(
                address=ledger.service_address,
                status=ledger.status,
                due=ledger.balance.format(),
                deposit=ledger.deposit_held.format(),
            )
        )
        head.setObjectName("subtitle")
        self.table = QTableWidget(len(ledger.entries), 6)
        self.table.setObjectName("ledger")
        self.table.setAccessibleName(self.tr("Account ledger"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Entry"),
                self.tr("Memo"),
                self.tr("Amount"),
                self.tr("Balance due"),
                self.tr("Deposit held"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for i, e in enumerate(ledger.entries):
            cells = (
                date_text(to_local(e.at)),
                self.tr(KINDS.get(e.entry_type, e.entry_type)),
                e.memo,
                # A deposit entry shows what it adds to (or takes from) the deposit held.
                (-e.amount if e.is_deposit else e.amount).format(),
                e.balance.format(),
                e.deposit_held.format(),
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j >= 3:
                    item.setTextAlignment(right)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.scrollToBottom()
        head.setWordWrap(True)
        self.body_layout.addWidget(head)
        self.body_layout.addWidget(self.table, 1)
        self.add_button(self.tr("Close (Enter)"), self.accept, primary=True)
        self.first_field = self.table
        self.setMinimumSize(960, 460)
