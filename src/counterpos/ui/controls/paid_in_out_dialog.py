"""Paid-in and paid-out: cash put into or taken out of the drawer, with its reason."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit

from counterpos.domain.money import Money, MoneyError
from counterpos.services.drawer import paid_in_out
from counterpos.services.errors import InputError
from counterpos.ui.controls.approved_action import ApprovedActionDialog


class PaidInOutDialog(ApprovedActionDialog):
    permission = "paid_in_out"

    def __init__(self, station, actor, session_id: str, parent=None) -> None:
        super().__init__(
            station,
            actor,
            session_id,
            self.tr("Paid-in / paid-out"),
            self.tr("Record (Enter)"),
            parent,
        )
        self.direction = QComboBox()
        self.direction.setObjectName("paid_direction")
        self.direction.addItem(self.tr("Paid-out (cash leaves the drawer)"), "out")
        self.direction.addItem(self.tr("Paid-in (cash goes into the drawer)"), "in")
        self.amount = QLineEdit()
        self.amount.setObjectName("paid_amount")
        self.amount.setPlaceholderText("0.00")
        self.reason = QLineEdit()
        self.reason.setObjectName("paid_reason")
        self.reason.setPlaceholderText(self.tr("e.g. postage, change fund top-up"))
        self.field(self.tr("&Kind"), self.direction, "direction")
        self.field(self.tr("&Amount"), self.amount, "amount")
        self.field(self.tr("&Reason"), self.reason, "reason")
        self.first_field = self.direction
        self.enter_moves = True  # Enter: kind, amount, reason, then record
        self.enter_order = [self.direction, self.amount, self.reason]

    def perform(self, approval) -> str:
        try:
            amount = Money.parse(self.amount.text())
        except MoneyError as exc:
            raise InputError(str(exc), field="amount") from exc
        self.result = paid_in_out.record(
            self.station,
            self.actor,
            self.session_id,
            self.direction.currentData(),
            amount,
            self.reason.text(),
            approval,
        )
        r = self.result
        return self.tr("Recorded {kind} {no}: {amount}. Its slip is printing.").format(
            kind=self.tr("paid-in") if r.direction == "in" else self.tr("paid-out"),
            no=r.receipt_no,
            amount=r.amount.format(),
        )
