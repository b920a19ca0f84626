"""F1: every key of the till, the payment screen and the dialogs, from the one key map."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from counterpos.ui import keymap
from counterpos.ui.widgets.counter_dialog import CounterDialog


class KeysDialog(CounterDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Keys"), parent)
        rows = [(k.key, k.till, k.payment) for k in keymap.KEYS] + [
            (key, what, what) for key, what in keymap.DIALOG_KEYS
        ]
        table = QTableWidget(len(rows), 3)
        table.setObjectName("keys")
        table.setAccessibleName(self.tr("Keys"))
        table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Till"), self.tr("Payment")])
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, (key, till, payment) in enumerate(rows):
            for col, text in enumerate((key, keymap.tr(till), keymap.tr(payment))):
                table.setItem(row, col, QTableWidgetItem(text if text else "—"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        self.table = table
        self.body_layout.addWidget(table, 1)
        self.add_button(self.tr("Close (Enter)"), self.accept, primary=True)
        self.first_field = table
        self.setMinimumSize(1000, 600)
