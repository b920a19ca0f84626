"""The office's bank page: import a statement (BAI2 or CSV), match it, and see both sides.

The import and the matching are services/office/bank_import and bank_matching, as `counterpos
office bank-import` calls them; a malformed file is refused with its line number and posts
nothing (the service's message goes to the status line).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.office import bank_import, bank_matching
from counterpos.ui.back_office.office_parts import OfficePage, fill, picked, table
from counterpos.ui.formats import date_text


class BankPage(OfficePage):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.bank_side: list[bank_matching.Unmatched] = []
        self.book_side: list[bank_matching.Unmatched] = []
        self.matches: list[bank_matching.Matched] = []
        v = QVBoxLayout(self)
        h = QHBoxLayout()
        self.import_button = QPushButton(self.tr("&Import a statement…"))
        self.import_button.setObjectName("bank_import")
        self.import_button.clicked.connect(self.import_dialog)
        self.format = QComboBox()
        self.format.setObjectName("bank_format")
        for text, code in (
            (self.tr("Format from the file"), ""),
            (self.tr("BAI2"), "bai2"),
            (self.tr("CSV"), "csv"),
        ):
            self.format.addItem(text, code)
        self.format.setAccessibleName(self.tr("Statement format"))
        account_label = QLabel(self.tr("Bank account"))
        self.account = QLineEdit("1010")
        self.account.setObjectName("bank_account")
        self.account.setMaximumWidth(90)
        account_label.setBuddy(self.account)
        self.account.setAccessibleName(self.tr("Bank account"))
        self.match_button = QPushButton(self.tr("&Match the two chosen by hand"))
        self.match_button.setObjectName("bank_match")
        self.match_button.clicked.connect(self.match_by_hand)
        for w in (self.import_button, self.format, account_label, self.account):
            h.addWidget(w)
        h.addStretch(1)
        h.addWidget(self.match_button)
        v.addLayout(h)
        self.summary = QLabel()
        self.summary.setObjectName("bank_summary")
        v.addWidget(self.summary)
        sides = QHBoxLayout()
        self.bank_table = table(
            "bank_unmatched_bank",
            [self.tr("Posted"), self.tr("Amount"), self.tr("Age (days)"), self.tr("Bank line")],
            self.tr("At the bank, not in the books"),
        )
        self.book_table = table(
            "bank_unmatched_book",
            [
                self.tr("Date"),
                self.tr("Amount"),
                self.tr("Age (days)"),
                self.tr("Kind"),
                self.tr("Item"),
            ],
            self.tr("In the books, not yet at the bank"),
        )
        for caption, t in (
            (self.tr("At the bank, not in the books"), self.bank_table),
            (self.tr("In the books, not yet at the bank"), self.book_table),
        ):
            box = QVBoxLayout()
            label = QLabel(caption)
            label.setBuddy(t)
            box.addWidget(label)
            box.addWidget(t)
            sides.addLayout(box)
        v.addLayout(sides, 3)
        matched_label = QLabel(self.tr("Matched"))
        self.matched_table = table(
            "bank_matched",
            [
                self.tr("Posted"),
                self.tr("Amount"),
                self.tr("Age (days)"),
                self.tr("Bank line"),
                self.tr("Book item"),
                self.tr("Book date"),
                self.tr("How"),
            ],
            self.tr("Matched bank lines"),
        )
        matched_label.setBuddy(self.matched_table)
        v.addWidget(matched_label)
        v.addWidget(self.matched_table, 2)
        v.addWidget(self.why)
        why = self.tr("Your role may not import or match bank statements.")
        self.allow(self.import_button, "import_bank", why)
        self.allow(self.match_button, "import_bank", why)

    def kind_text(self, kind: str) -> str:
        """A book item's kind in words (the services name it by its code)."""
        return {
            "deposit": self.tr("deposit"),
            "card_batch": self.tr("card settlement"),
            "ach_file": self.tr("autopay file"),
            "returned": self.tr("returned item"),
        }.get(kind, kind)

    def refresh(self) -> None:
        loose = self.call(bank_matching.unmatched)
        done = self.call(bank_matching.matched)
        if loose is None or done is None:
            return
        self.bank_side = [u for u in loose if u.side == "bank"]
        self.book_side = [u for u in loose if u.side == "book"]
        self.matches = done
        fill(
            self.bank_table,
            [(date_text(u.on), u.amount, u.age_days, u.label) for u in self.bank_side],
        )
        fill(
            self.book_table,
            [
                (date_text(u.on), u.amount, u.age_days, self.kind_text(u.kind), u.label)
                for u in self.book_side
            ],
            [u.age_days > 1 for u in self.book_side],
        )
        fill(
            self.matched_table,
            [
                (
                    date_text(m.posted_on),
                    m.amount,
                    m.age_days,
                    m.description,
                    m.label,
                    date_text(m.booked_on),
                    self.tr("by hand") if m.by_hand else self.tr("automatic"),
                )
                for m in done
            ],
        )
        self.summary.setText(
            self.tr(
                "{matched} matched; {bank} bank line(s) and {book} book item(s) unmatched."
            ).format(matched=len(done), bank=len(self.bank_side), book=len(self.book_side))
        )

    def import_statement(self, path: Path) -> bool:
        """Import the file and match what can be matched; False when it was refused."""
        fmt = self.format.currentData()
        result = self.call(
            bank_import.import_statement, path, fmt=fmt, bank_account=self.account.text().strip()
        )
        if result is None:
            return False  # the service's message (a malformed file: its line) is on show
        if result.duplicate:
            self.refresh()
            self.say(
                self.tr("{name} was imported before; nothing was posted.").format(name=path.name)
            )
            return True
        matched = self.call(bank_matching.auto_match)
        self.refresh()
        self.say(
            self.tr("{name}: {lines} bank line(s) imported, {matched} matched now.").format(
                name=path.name, lines=result.lines, matched=matched or 0
            )
        )
        return True

    def import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a bank statement"),
            "",
            self.tr("Bank statements (*.bai *.bai2 *.txt *.csv);;All files (*)"),
        )
        if name:
            self.import_statement(Path(name))

    def match_by_hand(self) -> None:
        b, k = picked(self.bank_table), picked(self.book_table)
        if b is None or k is None:
            self.say(self.tr("Choose a bank line and a book item first."))
            return
        line, item = self.bank_side[b], self.book_side[k]

        def match(office) -> bool:
            bank_matching.match_by_hand(office, line.key, item.kind, item.key)
            return True

        if self.call(match) is None:
            return  # refused: the reason is on the status line
        self.refresh()
        self.say(self.tr("Matched: {item}.").format(item=item.label))
