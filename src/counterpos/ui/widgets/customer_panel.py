"""The chosen customer: name and contact, utility accounts with balance due, licenses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counterpos.ui.formats import date_text

if TYPE_CHECKING:
    from counterpos.services.sale import customers


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class CustomerPanel(QWidget):
    """Shows a services.customers.CustomerPanel; the selected account feeds utility payments.

    `account_selected(AccountView)` when the cashier selects another of the accounts."""

    account_selected = Signal(object)
    language_chosen = Signal(str, str)  # customer id, language code: their receipts' language

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = None
        self._filling = False  # rows change while a panel is shown: nobody selected them
        self.name = QLabel()
        self.name.setObjectName("panelName")
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.language = QComboBox()
        self.language.setObjectName("customerLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (español)"), "es")
        self.language.setAccessibleName(self.tr("Receipts and documents in"))
        self.language_label = QLabel(self.tr("&Receipts in"))
        self.language_label.setBuddy(self.language)
        self.language.activated.connect(self._language_activated)
        self.name.setWordWrap(True)
        self.accounts = QTableWidget(0, 4)
        self.accounts.setObjectName("accounts")
        self.accounts.setAccessibleName(self.tr("Utility accounts"))
        self.accounts.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Address"), self.tr("Balance"), self.tr("Due")]
        )
        self.licenses = QTableWidget(0, 3)
        self.licenses.setObjectName("licenses")
        self.licenses.setAccessibleName(self.tr("Licenses"))
        self.licenses.setHorizontalHeaderLabels(
            [self.tr("License"), self.tr("What"), self.tr("Expires")]
        )
        for table in (self.accounts, self.licenses):
            table.verticalHeader().hide()
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(False)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.accounts.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accounts.setMaximumHeight(130)
        self.licenses.setMaximumHeight(110)
        self.licenses.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.accounts.currentCellChanged.connect(self._current_changed)
        self.accounts_header = QLabel(self.tr("Utility accounts"))
        self.accounts_header.setObjectName("sectionHeader")
        self.licenses_header = QLabel(self.tr("Licenses"))
        self.licenses_header.setObjectName("sectionHeader")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The receipts' language beside the name, not on a row of its own: the row it took was
        # the lookup's, whose results showed less than two customers at 1366x768.
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.language_label)
        name_row.addWidget(self.language)
        layout.addLayout(name_row)
        layout.addWidget(self.contact)
        layout.addWidget(self.accounts_header)
        layout.addWidget(self.accounts)
        layout.addWidget(self.licenses_header)
        layout.addWidget(self.licenses)
        self.clear()

    def clear(self) -> None:
        self.panel = None
        self.name.setText(self.tr("No customer chosen"))
        self.contact.setText(self.tr("Find one with F2, or ring a sale without a customer."))
        self._filling = True
        try:
            self.accounts.setRowCount(0)
        finally:
            self._filling = False
        self.licenses.setRowCount(0)
        self.language.setEnabled(False)

    def _language_activated(self, index: int) -> None:
        if self.panel is not None:
            self.language_chosen.emit(self.panel.customer_id, str(self.language.itemData(index)))

    def show_customer(self, panel: customers.CustomerPanel | None) -> None:
        """Show `panel`, or clear the panel for None (no customer chosen)."""
        if panel is None:
            self.clear()
        else:
            self.show_panel(panel)

    def show_panel(self, panel) -> None:
        self._filling = True
        try:
            self._fill(panel)
        finally:
            self._filling = False

    def _fill(self, panel) -> None:
        keep = self.selected_account()
        self.panel = panel
        self.name.setText(f"{panel.name}  ({panel.customer_no})")
        self.contact.setText(" · ".join(x for x in (panel.mailing_address, panel.phone) if x))
        self.language.setEnabled(True)
        self.language.setCurrentIndex(max(self.language.findData(panel.preferred_language), 0))
        self.accounts.setRowCount(len(panel.accounts))
        select_row = 0
        for row, a in enumerate(panel.accounts):
            balance = (
                a.balance.format()
                if a.balance.cents >= 0
                else self.tr("{amount} credit").format(
                    amount=type(a.balance)(-a.balance.cents).format()
                )
            )
            due = date_text(a.due_date)
            for col, (text, right) in enumerate(
                ((a.account_no, False), (a.service_address, False), (balance, True), (due, False))
            ):
                self.accounts.setItem(row, col, _item(text, right))
            if keep is not None and a.account_no == keep.account_no:
                select_row = row
        if panel.accounts:
            self.accounts.selectRow(select_row)
        self.licenses.setRowCount(len(panel.licenses))
        for row, x in enumerate(panel.licenses):
            number = x.license_no
            what = " · ".join(
                t
                for t in (x.description or x.kind.replace("_", " "), x.tag_no and f"tag {x.tag_no}")
                if t
            )
            expires = date_text(x.expires_on)
            for col, text in enumerate((number, what, expires)):
                self.licenses.setItem(row, col, _item(text))

    def select_account(self, account: customers.AccountView | None) -> None:
        """Select `account`'s row (an AccountView, or None to leave the selection)."""
        if account is None or self.panel is None:
            return
        for row, a in enumerate(self.panel.accounts):
            if a.account_no == account.account_no and row != self.accounts.currentRow():
                self.accounts.selectRow(row)

    def _current_changed(
        self, row: int, _column: int, previous: int, _previous_column: int
    ) -> None:
        if row != previous and not self._filling:
            self.account_selected.emit(self.selected_account())

    def selected_account(self):
        if self.panel is None or not self.panel.accounts:
            return None
        row = self.accounts.currentRow()
        if row < 0 or row >= len(self.panel.accounts):
            row = 0
        return self.panel.accounts[row]

    def balance_text(self, account_no: str) -> str:
        """The balance shown for an account (what the cashier sees), for tests and screen readers."""
        for row in range(self.accounts.rowCount()):
            if self.accounts.item(row, 0).text() == account_no:
                return self.accounts.item(row, 2).text()
        return ""
