"""Refunding an earlier sale: receipt, amount (at most what is still refundable), cash or finance."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from counterpos.domain.money import Money, MoneyError
from counterpos.services.errors import CounterError, InputError
from counterpos.services.sale import refunds
from counterpos.ui.controls.approved_action import ApprovedActionDialog


class RefundDialog(ApprovedActionDialog):
    permission = "refund"

    def __init__(self, station, actor, session_id: str, receipt_no: str = "", parent=None) -> None:
        super().__init__(
            station, actor, session_id, self.tr("Refund a sale"), self.tr("Refund (Enter)"), parent
        )
        self.receipt = QLineEdit(receipt_no)
        self.receipt.setObjectName("refund_receipt")
        self.receipt.setPlaceholderText(self.tr("Scan or type the receipt number"))
        self.receipt.editingFinished.connect(self.show_refundable)
        self.amount = QLineEdit()
        self.amount.setObjectName("refund_amount")
        self.amount.setPlaceholderText("0.00")
        self.method = QComboBox()
        self.method.setObjectName("refund_method")
        self.method.addItem(self.tr("Cash from this drawer"), refunds.CASH)
        self.method.addItem(self.tr("Request to finance (paid by check)"), refunds.FINANCE)
        self.reason = QLineEdit()
        self.reason.setObjectName("refund_reason")
        self.field(self.tr("&Receipt number"), self.receipt, "receipt_no")
        self.field(self.tr("&Amount"), self.amount, "amount")
        self.field(self.tr("Refund &as"), self.method, "method")
        self.field(self.tr("R&eason"), self.reason, "reason")
        self.first_field = self.receipt
        self.enter_moves = True  # Enter: receipt, amount, method, reason, then refund
        self.enter_order = [self.receipt, self.amount, self.method, self.reason]
        if receipt_no:
            self.show_refundable()
            self.first_field = self.amount

    def show_refundable(self) -> None:
        if not self.receipt.text().strip() or self.result is not None:
            return
        try:
            left = refunds.refundable(self.station, self.receipt.text())
        except CounterError as exc:
            self.show_error(str(exc), "receipt_no")
            return
        self.fields["receipt_no"].clear_error()
        self.say(self.tr("At most {left} can be refunded.").format(left=left.format()), "info")
        if not self.amount.text():
            self.amount.setText(left.plain())

    def perform(self, approval) -> str:
        try:
            amount = Money.parse(self.amount.text())
        except MoneyError as exc:
            raise InputError(str(exc), field="amount") from exc
        self.result = refunds.refund_sale(
            self.station,
            self.actor,
            self.session_id,
            self.receipt.text(),
            amount,
            self.method.currentData(),
            self.reason.text(),
            approval,
        )
        r = self.result
        how = (
            self.tr("Hand back {amount} in cash.")
            if r.method == refunds.CASH
            else self.tr("Finance will mail a check for {amount}.")
        )
        return self.tr("Refund {no} of receipt {orig}. ").format(
            no=r.receipt_no, orig=r.original_receipt_no
        ) + how.format(amount=r.amount.format())
