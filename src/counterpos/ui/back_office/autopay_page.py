"""Autopay: the enrolments (bank account numbers masked), enrolling an account, the NACHA file
of a run date, and a bank's returns file applied through the returned-payment workflow.

It calls services/office/autopay, as `counterpos office autopay-enroll`, `autopay-list`,
`autopay-run` and `autopay-returns` do. The full bank account number is typed once into a
field that hides it and is never shown again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.office import autopay
from counterpos.ui.accessible import plain
from counterpos.ui.back_office.office_parts import OfficePage, fill, table
from counterpos.ui.formats import date_text, set_date_format


class AutopayPage(OfficePage):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.rows: list[autopay.Enrolment] = []
        v = QVBoxLayout(self)
        self.list = table(
            "autopay_list",
            [
                self.tr("Account"),
                self.tr("Holder"),
                self.tr("Routing no."),
                self.tr("Bank account"),
                self.tr("Type"),
                self.tr("Prenote"),
                self.tr("Enrolled"),
            ],
            self.tr("Autopay enrolments"),
        )
        v.addWidget(self.list, 1)

        enrol = QGroupBox(self.tr("Enrol an account"))
        grid = QGridLayout(enrol)
        self.account = QLineEdit()
        self.account.setObjectName("autopay_account")
        self.holder = QLineEdit()
        self.holder.setObjectName("autopay_holder")
        self.routing = QLineEdit()
        self.routing.setObjectName("autopay_routing")
        self.routing.setMaxLength(9)
        self.bank_account = QLineEdit()
        self.bank_account.setObjectName("autopay_bank_account")
        # typed once, hidden like a PIN; only its last four digits are ever shown again
        self.bank_account.setEchoMode(QLineEdit.EchoMode.Password)
        self.bank_account.setMaxLength(20)
        self.kind = QComboBox()
        self.kind.setObjectName("autopay_type")
        self.kind.addItem(self.tr("Checking"), "checking")
        self.kind.addItem(self.tr("Savings"), "savings")
        for n, (caption, w) in enumerate(
            (
                (self.tr("Utility a&ccount"), self.account),
                (self.tr("Account &holder"), self.holder),
                (self.tr("Ro&uting number"), self.routing),
                (self.tr("Ban&k account number"), self.bank_account),
                (self.tr("T&ype"), self.kind),
            )
        ):
            label = QLabel(caption)
            label.setBuddy(w)
            w.setAccessibleName(plain(caption))
            grid.addWidget(label, n // 3, (n % 3) * 2)
            grid.addWidget(w, n // 3, (n % 3) * 2 + 1)
        self.enrol_button = QPushButton(self.tr("&Enrol"))
        self.enrol_button.setObjectName("autopay_enrol")
        self.enrol_button.clicked.connect(self.enrol)
        grid.addWidget(self.enrol_button, 1, 5)
        v.addWidget(enrol)

        runs = QGroupBox(self.tr("Runs and returns"))
        h = QHBoxLayout(runs)
        run_label = QLabel(self.tr("Run &date"))
        t = local_today()
        self.run_date = QDateEdit(QDate(t.year, t.month, t.day))
        self.run_date.setObjectName("autopay_run_date")
        self.run_date.setCalendarPopup(True)
        set_date_format(self.run_date)
        run_label.setBuddy(self.run_date)
        self.run_date.setAccessibleName(self.tr("Run date"))
        self.run_button = QPushButton(self.tr("Write the &NACHA file…"))
        self.run_button.setObjectName("autopay_run")
        self.run_button.clicked.connect(self.run_dialog)
        self.returns_button = QPushButton(self.tr("Apply a &returns file…"))
        self.returns_button.setObjectName("autopay_returns")
        self.returns_button.clicked.connect(self.returns_dialog)
        for w in (run_label, self.run_date, self.run_button, self.returns_button):
            h.addWidget(w)
        h.addStretch(1)
        v.addWidget(runs)
        v.addWidget(self.why)
        self.allow(
            self.enrol_button, "enroll_autopay", self.tr("Your role may not enrol accounts.")
        )
        self.allow(
            self.run_button,
            "run_autopay",
            self.tr("Only a finance supervisor writes the autopay (NACHA) file."),
        )
        self.allow(
            self.returns_button,
            "return_payment",
            self.tr("Only a finance supervisor applies a returns file."),
        )

    def refresh(self) -> None:
        found = self.call(autopay.enrolments)
        if found is None:
            return
        self.rows = found
        fill(
            self.list,
            [
                (
                    e.account_no,
                    e.holder,
                    e.routing_no,
                    e.bank_account,
                    self.tr("Checking") if e.account_type == "checking" else self.tr("Savings"),
                    date_text(e.prenoted_on) if e.prenoted_on else self.tr("with the next run"),
                    date_text(e.enrolled_at),
                )
                for e in found
            ],
        )

    def enrol(self) -> autopay.Enrolment | None:
        done = self.call(
            autopay.enroll,
            self.account.text().strip(),
            self.holder.text(),
            self.routing.text(),
            self.bank_account.text(),
            self.kind.currentData(),
        )
        self.bank_account.clear()  # never kept on the screen, refused or not
        if done is None:
            return None
        for edit in (self.account, self.holder, self.routing):
            edit.clear()
        self.refresh()
        self.say(
            self.tr(
                "Account {account} enrolled ({bank}); a prenote goes with the next run."
            ).format(account=done.account_no, bank=done.bank_account)
        )
        return done

    def run_to(self, path: Path) -> autopay.AchRun | None:
        try:
            orig = autopay.originator(self.win.station)
        except CounterError as exc:
            self.say(str(exc))
            return None
        done = self.call(autopay.run, orig, self.run_date.date().toPython(), path)
        if done is None:
            return None
        self.win.refresh()
        self.say(
            self.tr(
                "NACHA file {n} saved to {path}: {debits} debit(s) of {total} in all, "
                "{prenotes} prenote(s)."
            ).format(
                n=done.file_no,
                path=done.path,
                debits=done.debits,
                total=done.total,
                prenotes=done.prenotes,
            )
        )
        return done

    def run_dialog(self) -> None:
        day = self.run_date.date().toString("yyyy-MM-dd")
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the autopay (NACHA) file"),
            f"ach-{day}.txt",
            self.tr("NACHA files (*.txt *.ach);;All files (*)"),
        )
        if name:
            self.run_to(Path(name))

    def apply_returns(self, path: Path) -> autopay.ReturnsResult | None:
        done = self.call(autopay.apply_returns, path)
        if done is None:
            return None  # refused with its line; nothing was posted
        if done.duplicate:
            self.say(
                self.tr("{name} was applied before; nothing was posted.").format(name=path.name)
            )
            return done
        self.win.refresh()
        self.say(
            self.tr(
                "{returned} returned debit(s) reversed with the returned-check fee; "
                "{prenotes} returned prenote(s) noted."
            ).format(returned=done.returned, prenotes=done.prenotes)
        )
        return done

    def returns_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Apply an ACH returns file"),
            "",
            self.tr("NACHA files (*.txt *.ach);;All files (*)"),
        )
        if name:
            self.apply_returns(Path(name))
