"""Returned checks: pick a posted check or ACH payment of the day, give the bank's reason,
confirm; the page shows the fee charged and whether the account now pays cash only.

It calls services/office/returns (`return_payment`, as `counterpos office return` does); the
reversal is the office's own receipt, the original receipt stays as it was.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.office import returns
from counterpos.ui.back_office.office_parts import OfficePage, fill, picked, table
from counterpos.ui.formats import date_text, time_text


class ReturnsPage(OfficePage):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.payments: list[returns.Returnable] = []
        self.last: returns.ReturnedPayment | None = None
        v = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("returns_heading")
        v.addWidget(self.heading)
        self.list = table(
            "returns_payments",
            [
                self.tr("Station"),
                self.tr("Receipt"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Check no."),
                self.tr("Payer"),
                self.tr("Amount"),
            ],
            self.tr("Check and electronic payments of the day"),
        )
        self.heading.setBuddy(self.list)
        v.addWidget(self.list, 1)
        h = QHBoxLayout()
        reason_label = QLabel(self.tr("The bank's &reason"))
        self.reason = QComboBox()
        self.reason.setObjectName("returns_reason")
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("NSF (insufficient funds)"),
                self.tr("Account closed"),
                self.tr("Stop payment"),
                self.tr("Unable to locate account"),
                self.tr("Refer to maker"),
            ]
        )
        reason_label.setBuddy(self.reason)
        self.reason.setAccessibleName(self.tr("The bank's reason"))
        self.reason.setMinimumWidth(260)
        self.return_button = QPushButton(self.tr("Return the &payment…"))
        self.return_button.setObjectName("returns_do")
        self.return_button.clicked.connect(self.ask_and_return)
        for w in (reason_label, self.reason, self.return_button):
            h.addWidget(w)
        h.addStretch(1)
        v.addLayout(h)
        self.result = QLabel()
        self.result.setObjectName("returns_result")
        self.result.setWordWrap(True)
        v.addWidget(self.result)
        v.addWidget(self.why)
        self.allow(
            self.return_button,
            "return_payment",
            self.tr("Only a finance supervisor handles a returned check or ACH payment."),
        )

    def refresh(self) -> None:
        day = self.win.on()
        self.heading.setText(
            self.tr("Check and electronic payments of {day} not returned (the date above):").format(
                day=date_text(day)
            )
        )
        found = self.call(returns.returnable, day)
        if found is None:
            return
        self.payments = found
        fill(
            self.list,
            [
                (
                    p.station_code,
                    p.receipt_no,
                    time_text(p.at),
                    p.kind,
                    p.reference,
                    p.payer,
                    p.amount,
                )
                for p in found
            ],
        )

    def chosen(self) -> returns.Returnable | None:
        row = picked(self.list)
        if row is None or row >= len(self.payments):
            self.say(self.tr("Choose the returned payment in the list first."))
            return None
        return self.payments[row]

    def question(self, p: returns.Returnable) -> str:
        return self.tr(
            "Reverse the payment of {amount} on receipt {receipt} ({kind} {number}) as "
            "returned: {reason}? The customer is charged the returned-check fee."
        ).format(
            amount=p.amount,
            receipt=p.receipt_no,
            kind=p.kind,
            number=p.reference,
            reason=self.reason.currentText().strip(),
        )

    def ask_and_return(self) -> None:
        p = self.chosen()
        if p is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Returned payment"),
            self.question(p),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("returns_confirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.return_chosen(p)

    def return_chosen(self, p: returns.Returnable) -> returns.ReturnedPayment | None:
        """Return the payment (confirmed): the fee and the cash-only flag are shown."""
        done = self.call(returns.return_payment, p.tender_id, self.reason.currentText())
        if done is None:
            return None
        self.last = done
        cash_only = (
            self.tr("The account now pays cash only until {day}.").format(
                day=date_text(done.cash_only_until)
            )
            if done.cash_only_until
            else self.tr("The account is not cash-only.")
        )
        unpaid = (
            " " + self.tr("Back to unpaid: {what}.").format(what=", ".join(done.licenses_unpaid))
            if done.licenses_unpaid
            else ""
        )
        self.result.setText(
            self.tr(
                "Receipt {receipt}: {amount} reversed by receipt {reversal}. Returned-check fee "
                "{fee} (return no. {n} of this customer). {cash_only}"
            ).format(
                receipt=done.receipt_no,
                amount=done.amount,
                reversal=done.reversal_receipt_no,
                fee=done.fee,
                n=done.occurrence,
                cash_only=cash_only,
            )
            + unpaid
        )
        self.win.refresh()
        self.say(self.tr("Payment of receipt {receipt} returned.").format(receipt=done.receipt_no))
        return done
