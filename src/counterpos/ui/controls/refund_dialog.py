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
        # What is refunded: one line of the sale (its GL account, a utility payment's account,
        # get it back), or every line in order; a sale of several lines needs a choice.
        self.line = QComboBox()
        self.line.setObjectName("refund_line")
        self.line.setAccessibleName(self.tr("Line refunded"))
        self.line.currentIndexChanged.connect(self._line_chosen)
        self.lines: list[refunds.RefundableLine] = []
        self.left: Money | None = None  # what the whole sale has left, once the receipt is read
        self.amount = QLineEdit()
        self.amount.setObjectName("refund_amount")
        self.amount.textEdited.connect(self._amount_typed)
        self._typed_amount = False
        self.amount.setPlaceholderText("0.00")
        self.method = QComboBox()
        self.method.setObjectName("refund_method")
        self.method.addItem(self.tr("Cash from this drawer"), refunds.CASH)
        self.method.addItem(self.tr("Request to finance (paid by check)"), refunds.FINANCE)
        self.reason = QLineEdit()
        self.reason.setObjectName("refund_reason")
        self.field(self.tr("&Receipt number"), self.receipt, "receipt_no")
        self.field(self.tr("&Line refunded"), self.line, "line")
        self.field(self.tr("&Amount"), self.amount, "amount")
        self.field(self.tr("Refund &as"), self.method, "method")
        self.field(self.tr("R&eason"), self.reason, "reason")
        self.first_field = self.receipt
        self.enter_moves = True  # Enter: receipt, amount, method, reason, then refund
        self.enter_order = [self.receipt, self.line, self.amount, self.method, self.reason]
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
        self.left = left
        self._fill_lines()
        if not self.amount.text():
            self.amount.setText(left.plain())

    EVERY_LINE = -1

    def _fill_lines(self) -> None:
        from counterpos.ui.i18n import service_name  # noqa: PLC0415

        try:
            self.lines = refunds.refundable_lines(self.station, self.receipt.text())
        except CounterError:
            self.lines = []
        self.line.blockSignals(True)
        self.line.clear()
        if len(self.lines) > 1:
            self.line.addItem(self.tr("Choose the line refunded"), None)
            self.line.addItem(self.tr("Every line, in order"), self.EVERY_LINE)
        for x in self.lines:
            self.line.addItem(
                self.tr("{n}. {what}: {left} left").format(
                    n=x.line_no,
                    what=service_name(x.service_code, x.description),
                    left=x.left.format(),
                ),
                x.line_no,
            )
        self.line.setEnabled(len(self.lines) > 1)
        self.line.blockSignals(False)

    def _amount_typed(self, _text: str) -> None:
        self._typed_amount = True

    def _line_chosen(self, _index: int) -> None:
        """The amount follows the line chosen until the cashier types one."""
        chosen = self.line.currentData()
        if chosen is None or self._typed_amount:
            return
        self.fields["line"].clear_error()
        if chosen == self.EVERY_LINE:
            left = self.left
        else:
            left = next((x.left for x in self.lines if x.line_no == chosen), None)
        if left is not None:
            self.amount.setText(left.plain())

    def line_no(self) -> int | None:
        """The line chosen (None: every line in order); refuses a sale of several lines with
        no choice made."""
        if not self.lines:  # a receipt typed and sent at once: its lines are read now
            self._fill_lines()
        if len(self.lines) <= 1:
            return None
        chosen = self.line.currentData()
        if chosen is None:
            raise InputError(
                self.tr("Choose the line refunded: this sale has {n}.").format(n=len(self.lines)),
                field="line",
            )
        return None if chosen == self.EVERY_LINE else int(chosen)

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
            line_no=self.line_no(),
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
