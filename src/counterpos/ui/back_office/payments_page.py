"""Payments that arrive without a cashier: a lockbox or online payment file, a mail batch
entered on its running tape, and the suspense list the office resolves.

They call services/office/payment_files, mail_batch and suspense, as `counterpos office
payments-import`, `mail-batch`, `suspense` and `suspense-resolve` do.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.domain.money import Money
from counterpos.domain.remittance_file import MailTape
from counterpos.services.office import mail_batch, payment_files, suspense
from counterpos.services.office.payment_files import BatchResult
from counterpos.ui.accessible import plain
from counterpos.ui.back_office.office_parts import RED, OfficePage, fill, picked, table
from counterpos.ui.formats import date_text


def _field(grid: QGridLayout, row: int, col: int, caption: str, edit: QLineEdit) -> None:
    label = QLabel(caption)
    label.setBuddy(edit)
    edit.setAccessibleName(plain(caption))
    grid.addWidget(label, row, col)
    grid.addWidget(edit, row, col + 1)


class PaymentsPage(OfficePage):
    """A payment file imported, or a mail batch posted once its tape equals the adding
    machine's total."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.tape = MailTape(Money(0))
        v = QVBoxLayout(self)

        files = QGroupBox(self.tr("Payment files (lockbox bank, online or phone payments)"))
        fh = QHBoxLayout(files)
        self.file_kind = QComboBox()
        self.file_kind.setObjectName("payments_kind")
        self.file_kind.addItem(self.tr("Lockbox file"), "lockbox")
        self.file_kind.addItem(self.tr("Online or phone payments file"), "online")
        self.file_kind.setAccessibleName(self.tr("Kind of payment file"))
        self.import_button = QPushButton(self.tr("&Import a payment file…"))
        self.import_button.setObjectName("payments_import")
        self.import_button.clicked.connect(self.import_dialog)
        fh.addWidget(self.file_kind)
        fh.addWidget(self.import_button)
        fh.addStretch(1)
        v.addWidget(files)

        mail = QGroupBox(self.tr("Mail batch"))
        mv = QVBoxLayout(mail)
        grid = QGridLayout()
        self.control = QLineEdit()
        self.control.setObjectName("mail_control")
        self.control.setPlaceholderText("0.00")
        self.control.textChanged.connect(self.show_tape)
        self.account = QLineEdit()
        self.account.setObjectName("mail_account")
        self.account.setPlaceholderText(self.tr("account number, or scan the bill stub"))
        self.amount = QLineEdit()
        self.amount.setObjectName("mail_amount")
        self.amount.setPlaceholderText(self.tr("empty: the stub's amount due"))
        self.check_no = QLineEdit()
        self.check_no.setObjectName("mail_check")
        self.payer = QLineEdit()
        self.payer.setObjectName("mail_payer")
        _field(grid, 0, 0, self.tr("Adding-machine &total"), self.control)
        _field(grid, 1, 0, self.tr("A&ccount or stub"), self.account)
        _field(grid, 1, 2, self.tr("Amou&nt"), self.amount)
        _field(grid, 2, 0, self.tr("C&heck number"), self.check_no)
        _field(grid, 2, 2, self.tr("Pa&yer"), self.payer)
        mv.addLayout(grid)
        bh = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add to the tape"))
        self.add_button.setObjectName("mail_add")
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.add_item)
        for edit in (self.account, self.amount, self.check_no, self.payer):
            edit.returnPressed.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("&Remove the last"))
        self.remove_button.setObjectName("mail_remove")
        self.remove_button.clicked.connect(self.remove_last)
        self.post_button = QPushButton(self.tr("&Post the batch"))
        self.post_button.setObjectName("mail_post")
        self.post_button.clicked.connect(self.post_batch)
        for b in (self.add_button, self.remove_button, self.post_button):
            bh.addWidget(b)
        bh.addStretch(1)
        self.tape_label = QLabel()
        self.tape_label.setObjectName("mail_tape_total")
        bh.addWidget(self.tape_label)
        mv.addLayout(bh)
        self.tape_table = table(
            "mail_tape",
            [
                self.tr("Account"),
                self.tr("Amount"),
                self.tr("Check"),
                self.tr("Payer"),
                self.tr("Tape"),
            ],
            self.tr("The mail batch's tape"),
        )
        mv.addWidget(self.tape_table)
        v.addWidget(mail, 1)
        v.addWidget(self.why)
        why = self.tr("Your role may not import payment files.")
        self.allow(self.import_button, "import_payments", why)
        why = self.tr("Your role may not enter mail batches.")
        for b in (self.add_button, self.remove_button, self.post_button):
            self.allow(b, "enter_mail_batch", why)
        self.show_tape()

    # --- payment files -----------------------------------------------------------------------

    def _said(self, result: BatchResult, name: str) -> None:
        if result.duplicate:
            self.say(result.message)
            return
        text = self.tr(
            "{name}: {posted} payment(s) posted, {held} held in suspense, total {total}."
        ).format(name=name, posted=result.posted, held=result.suspense, total=result.total)
        if result.refused:
            text += " " + self.tr("Refused, seen before: {numbers}.").format(
                numbers=", ".join(result.refused)
            )
        self.say(text)

    def import_file(self, path: Path) -> BatchResult | None:
        result = self.call(payment_files.import_file, path, self.file_kind.currentData())
        if result is not None:
            self.win.refresh()
            self._said(result, path.name)
        return result

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a payment file"),
            "",
            self.tr("Payment files (*.csv *.txt);;All files (*)"),
        )
        if name:
            self.import_file(Path(name))

    # --- the mail batch ----------------------------------------------------------------------

    def _control(self) -> Money | None:
        text = self.control.text().strip()
        if not text:
            return None
        try:
            return Money.parse(text)
        except ValueError:
            return None

    def show_tape(self) -> None:
        running = 0
        rows = []
        for acct, amount, check, payer in self.tape.items:
            running += amount.cents
            rows.append((acct, amount, check, payer, Money(running)))
        fill(self.tape_table, rows)
        if rows:
            self.tape_table.scrollToBottom()
        control = self._control()
        if control is None:
            self.tape_label.setText(
                self.tr("Tape {tape} ({n} item(s)); enter the adding-machine total.").format(
                    tape=self.tape.tape, n=len(rows)
                )
            )
            balanced = False
        else:
            self.tape.control_total = control
            balanced = self.tape.balanced
            self.tape_label.setText(
                self.tr("Tape {tape} ({n} item(s)) of {control}: difference {diff}.").format(
                    tape=self.tape.tape, n=len(rows), control=control, diff=self.tape.difference
                )
            )
        self.tape_label.setStyleSheet("" if balanced else f"color: {RED.name()};")

    def add_item(self) -> bool:
        """One check on the tape: the account typed with its amount, or a bill stub scanned
        (its amount due, unless an amount is typed)."""
        account, amount_text = self.account.text().strip(), self.amount.text().strip()
        check, payer = self.check_no.text().strip(), self.payer.text().strip()
        try:
            if amount_text:
                self.tape.add(account, Money.parse(amount_text), check, payer)
            else:
                self.tape.scan(account, check, payer=payer)
        except ValueError as exc:
            self.say(self.tr("Not added to the tape: {why}").format(why=exc))
            return False
        for edit in (self.account, self.amount, self.check_no, self.payer):
            edit.clear()
        self.account.setFocus()
        self.show_tape()
        self.say(self.tr("Added; the tape is {tape}.").format(tape=self.tape.tape))
        return True

    def remove_last(self) -> None:
        self.tape.remove_last()
        self.show_tape()

    def post_batch(self) -> BatchResult | None:
        control = self._control()
        if control is None:
            self.say(self.tr("Enter the adding-machine total (like 1234.56) first."))
            self.control.setFocus()
            return None
        self.tape.control_total = control
        result = self.call(mail_batch.post, self.tape)
        if result is None:
            return None  # unbalanced or refused: the message is on show, the tape is kept
        self.tape = MailTape(Money(0))
        self.control.clear()
        self.show_tape()
        self.win.refresh()
        self._said(result, self.tr("Mail batch"))
        return result


class SuspensePage(OfficePage):
    """Payments held for unknown accounts: apply one to an account, or refund it."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.items: list[suspense.SuspenseItem] = []
        v = QVBoxLayout(self)
        self.list = table(
            "suspense_list",
            [
                self.tr("Confirmation"),
                self.tr("Account given"),
                self.tr("Amount"),
                self.tr("Paid on"),
                self.tr("Payer"),
                self.tr("From"),
                self.tr("Age (days)"),
                self.tr("Reason"),
            ],
            self.tr("Payments in suspense"),
        )
        v.addWidget(self.list, 1)
        h = QHBoxLayout()
        self.account = QLineEdit()
        self.account.setObjectName("suspense_account")
        account_label = QLabel(self.tr("Apply to a&ccount"))
        account_label.setBuddy(self.account)
        self.account.setAccessibleName(self.tr("Apply to account"))
        self.note = QLineEdit()
        self.note.setObjectName("suspense_note")
        note_label = QLabel(self.tr("N&ote"))
        note_label.setBuddy(self.note)
        self.note.setAccessibleName(self.tr("Note"))
        self.apply_button = QPushButton(self.tr("&Apply to the account"))
        self.apply_button.setObjectName("suspense_apply")
        self.apply_button.clicked.connect(lambda: self.resolve("apply"))
        self.refund_button = QPushButton(self.tr("Re&fund to the payer"))
        self.refund_button.setObjectName("suspense_refund")
        self.refund_button.clicked.connect(lambda: self.resolve("refund"))
        for w in (
            account_label,
            self.account,
            note_label,
            self.note,
            self.apply_button,
            self.refund_button,
        ):
            h.addWidget(w)
        h.addStretch(1)
        v.addLayout(h)
        v.addWidget(self.why)
        why = self.tr("Only a finance supervisor resolves suspense payments.")
        self.allow(self.apply_button, "resolve_suspense", why)
        self.allow(self.refund_button, "resolve_suspense", why)

    def refresh(self) -> None:
        found = self.call(suspense.open_items)
        if found is None:
            return
        self.items = found
        fill(
            self.list,
            [
                (
                    i.confirmation_no,
                    i.account_no,
                    i.amount,
                    date_text(i.paid_on),
                    i.payer,
                    i.batch_kind,
                    i.age_days,
                    i.reason,
                )
                for i in found
            ],
            [i.age_days > 5 for i in found],
        )

    def resolve(self, action: str) -> str | None:
        row = picked(self.list)
        if row is None or row >= len(self.items):
            self.say(self.tr("Choose a payment in the list first."))
            return None
        item = self.items[row]
        receipt = self.call(
            suspense.resolve,
            item.remittance_id,
            action,
            account_no=self.account.text().strip(),
            note=self.note.text().strip(),
        )
        if receipt is None:
            return None
        self.account.clear()
        self.note.clear()
        self.win.refresh()
        self.say(
            (
                self.tr("Payment {conf} applied; receipt {receipt}.")
                if action == "apply"
                else self.tr("Payment {conf} refunded; receipt {receipt}.")
            ).format(conf=item.confirmation_no, receipt=receipt)
        )
        return receipt
