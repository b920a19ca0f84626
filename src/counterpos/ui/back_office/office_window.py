"""The finance office's window: opened instead of the till for a user with a finance role.

Its first tab is the exceptions screen (deposits late or differing, sessions not deposited);
then the city-wide day (drill to a session's sales and a receipt), deposits (prepare, verify,
bank), the bank, payment files and mail batches, suspense, returned checks, autopay (each a
page module of its own), the day's journal (draft, post, export) and the period reports.
Everything goes through services/office; a failure is shown in the window's status line and
nothing is lost; what the role may not do is disabled with the reason.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.receipt_document import render_text
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import CounterError
from counterpos.services.office import connection, deposits, journal, journal_export
from counterpos.services.office import reconciliation as recon
from counterpos.services.station import Station
from counterpos.ui.accessible import plain
from counterpos.ui.back_office.autopay_page import AutopayPage
from counterpos.ui.back_office.bank_page import BankPage
from counterpos.ui.back_office.office_parts import OfficePage, permitted, table
from counterpos.ui.back_office.office_parts import fill as _fill
from counterpos.ui.back_office.office_parts import picked as _picked
from counterpos.ui.back_office.payments_page import PaymentsPage, SuspensePage
from counterpos.ui.back_office.reports_page import ReportsPage
from counterpos.ui.back_office.returns_page import ReturnsPage
from counterpos.ui.formats import date_text, set_date_format, time_text


def _table(name: str, columns: list[str]) -> QTableWidget:
    return table(name, columns, "")


class OfficeWindow(QMainWindow):
    logged_out = Signal()

    def __init__(self, station: Station, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor = station, actor
        self.office: connection.Office | None = None
        self._failed = False
        self.sessions: list[recon.SessionRecon] = []
        self.sales: list[recon.SaleSummary] = []
        self._day_rows: list[tuple] = []
        self.deposit_rows: list[deposits.DepositView] = []
        self.journal_view: journal.JournalView | None = None
        self.setWindowTitle(self.tr("Finance office - {name}").format(name=actor.full_name))
        self.resize(1280, 700)  # inside a 1366x768 screen with the task bar
        body = QWidget()
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        t = local_today()
        self.day = QDateEdit(QDate(t.year, t.month, t.day))
        self.day.setObjectName("office_date")
        self.day.setCalendarPopup(True)
        set_date_format(self.day)
        self.day.dateChanged.connect(self.refresh)
        date_label = QLabel(self.tr("Date"))
        date_label.setBuddy(self.day)
        self.day.setAccessibleName(plain(date_label.text()))
        top.addWidget(date_label)
        top.addWidget(self.day)
        top.addStretch(1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        out = QPushButton(self.tr("Log out"))
        out.clicked.connect(self.log_out)
        top.addWidget(refresh)
        top.addWidget(out)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("The office's pages"))
        layout.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setObjectName("office_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.setCentralWidget(body)
        self._exceptions_tab()
        self._day_tab()
        self._deposits_tab()
        self.bank = BankPage(self)
        self.payments = PaymentsPage(self)
        self.suspense = SuspensePage(self)
        self.returns = ReturnsPage(self)
        self.autopay = AutopayPage(self)
        self.pages: list[OfficePage] = [
            self.bank,
            self.payments,
            self.suspense,
            self.returns,
            self.autopay,
        ]
        for page, title in (
            (self.bank, self.tr("Bank")),
            (self.payments, self.tr("Payments")),
            (self.suspense, self.tr("Suspense")),
            (self.returns, self.tr("Returned checks")),
            (self.autopay, self.tr("Autopay")),
        ):
            page.setAccessibleName(title)
            self.tabs.addTab(page, title)
        self._journal_tab()
        self.reports = ReportsPage(self)
        self.pages.append(self.reports)
        self.reports.setAccessibleName(self.tr("Reports"))
        self.tabs.addTab(self.reports, self.tr("Reports"))
        self.connect_office()

    # --- tabs --------------------------------------------------------------------------------

    def _exceptions_tab(self) -> None:
        self.exceptions = _table(
            "office_exceptions", [self.tr("What"), self.tr("Age (days)"), self.tr("Details")]
        )
        self.exceptions.setAccessibleName(self.tr("Exceptions"))
        self.tabs.addTab(self.exceptions, self.tr("Exceptions"))

    def _day_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        self.day_table = _table(
            "office_day",
            [
                self.tr("Station"),
                self.tr("Session"),
                self.tr("Cashier"),
                self.tr("Status"),
                self.tr("Float"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Over/short"),
                self.tr("Accepted by"),
                self.tr("Sales"),
                self.tr("Collected"),
            ],
        )
        self.day_table.itemSelectionChanged.connect(self.show_sales)
        self.sales_table = _table(
            "office_sales",
            [
                self.tr("Receipt"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("Cashier"),
                self.tr("Total"),
                self.tr("Tenders"),
            ],
        )
        self.sales_table.itemSelectionChanged.connect(self.show_receipt)
        self.receipt = QPlainTextEdit()
        self.receipt.setObjectName("office_receipt")
        self.receipt.setReadOnly(True)
        # each list named for a screen reader (a table has no label of its own)
        self.day_table.setAccessibleName(self.tr("Sessions of the day"))
        self.sales_table.setAccessibleName(self.tr("Sales"))
        self.receipt.setAccessibleName(self.tr("Receipt"))
        v.addWidget(self.day_table, 3)
        h = QHBoxLayout()
        h.addWidget(self.sales_table, 3)
        h.addWidget(self.receipt, 2)
        v.addLayout(h, 2)
        self.tabs.addTab(page, self.tr("Day"))

    def _deposits_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        h = QHBoxLayout()
        self.bag = QLineEdit()
        self.bag.setObjectName("office_bag")
        self.bag.setPlaceholderText(self.tr("Bag number"))
        self.bag.setAccessibleName(self.tr("Bag number"))
        prepare = QPushButton(self.tr("Prepare the day's deposit"))
        prepare.clicked.connect(self.prepare_deposit)
        verify = QPushButton(self.tr("Verify"))
        verify.clicked.connect(self.verify_deposit)
        permitted(
            verify,
            self.actor,
            "verify_deposit",
            self.tr("Only a finance supervisor verifies a deposit (not its preparer)."),
        )
        bank = QPushButton(self.tr("Banked today"))
        bank.clicked.connect(self.bank_deposit)
        for w in (self.bag, prepare, verify, bank):
            h.addWidget(w)
        h.addStretch(1)
        v.addLayout(h)
        self.deposit_table = _table(
            "office_deposits",
            [
                self.tr("No."),
                self.tr("Day"),
                self.tr("Bag"),
                self.tr("State"),
                self.tr("Total"),
                self.tr("Cash"),
                self.tr("Sessions' cash"),
                self.tr("Prepared by"),
                self.tr("Verified by"),
                self.tr("Banked"),
            ],
        )
        self.deposit_table.setAccessibleName(self.tr("Deposits"))
        v.addWidget(self.deposit_table)
        self.tabs.addTab(page, self.tr("Deposits"))

    def _journal_tab(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        h = QHBoxLayout()
        for label, slot, permission in (
            (self.tr("Draft the day's journal"), self.draft_journal, "draft_journal"),
            (self.tr("Post"), self.post_journal, "post_journal"),
            (self.tr("Export…"), self.export_dialog, "export_journal"),
        ):
            b = QPushButton(label)
            b.clicked.connect(slot)
            permitted(
                b,
                self.actor,
                permission,
                self.tr("Your role may not do this; a finance supervisor posts journals."),
            )
            h.addWidget(b)
        h.addStretch(1)
        self.journal_label = QLabel()
        self.journal_label.setObjectName("office_journal_label")
        h.addWidget(self.journal_label)
        v.addLayout(h)
        self.journal_table = _table(
            "office_journal",
            [
                self.tr("Line"),
                self.tr("Account"),
                self.tr("Fund"),
                self.tr("Name"),
                self.tr("Debit"),
                self.tr("Credit"),
                self.tr("Memo"),
            ],
        )
        self.journal_table.setAccessibleName(self.tr("Journal"))
        v.addWidget(self.journal_table)
        self.tabs.addTab(page, self.tr("Journal"))

    # --- the centre --------------------------------------------------------------------------

    def connect_office(self) -> bool:
        try:
            self.office = connection.open_office(self.station, self.actor)
        except CounterError as exc:
            self.status.setText(str(exc))
            return False
        self.refresh()
        return True

    def _run(self, fn, *args, **kw):
        """Call a service; a failure goes to the status line and returns None."""
        if self.office is None and not self.connect_office():
            return None
        try:
            return fn(self.office, *args, **kw)
        except CounterError as exc:
            self.status.setText(str(exc))
            self._failed = True
            return None

    def on(self):
        return self.day.date().toPython()

    def refresh(self) -> None:
        if self.office is None:
            return
        self._failed = False  # a page that cannot load leaves its message on the status line
        found = self._run(deposits.exceptions)
        if found is not None:
            _fill(self.exceptions, [(e.kind, e.age_days, e.message) for e in found])
            self.tabs.setTabText(
                0,
                self.tr("Exceptions ({n})").format(n=len(found))
                if found
                else self.tr("Exceptions"),
            )
        day = self._run(recon.day, self.on())
        if day is not None:
            rows: list[tuple] = []
            red: list[bool] = []
            for st in day.stations:
                if st.missing:
                    rows.append((st.code, "", self.tr("MISSING: {why}").format(why=st.reason)))
                    red.append(True)
                for s in st.sessions:
                    rows.append(
                        (
                            s.station_code,
                            s.session_id[-8:],
                            s.cashier,
                            s.status,
                            s.opening_float,
                            s.expected,
                            s.counted,
                            s.over_short,
                            s.accepted_by,
                            s.sales,
                            s.collected,
                        )
                    )
                    red.append(s.over_short is not None and s.over_short.cents < 0)
            self.sessions = [s for st in day.stations for s in st.sessions]
            self._day_rows = rows
            _fill(self.day_table, rows, red)
        self.load_deposits()
        for page in self.pages:
            page.refresh()
        if not self._failed:
            self.status.setText(self.tr("Up to date."))

    def _session_at(self, row: int) -> recon.SessionRecon | None:
        sid = self._day_rows[row][1] if row < len(self._day_rows) else ""
        return next((s for s in self.sessions if s.session_id[-8:] == sid and sid), None)

    def show_sales(self) -> None:
        row = _picked(self.day_table)
        s = None if row is None else self._session_at(row)
        if s is None:
            return
        self.sales = self._run(recon.session_sales, s.session_id) or []
        _fill(
            self.sales_table,
            [
                (x.receipt_no, time_text(x.at), x.kind, x.cashier, x.total, x.tenders)
                for x in self.sales
            ],
        )
        self.receipt.clear()

    def show_receipt(self) -> None:
        row = _picked(self.sales_table)
        if row is None or row >= len(self.sales):
            return
        doc = self._run(recon.sale_receipt, self.sales[row].sale_id)
        if doc is not None:
            self.receipt.setPlainText("\n".join(render_text(doc)))

    # --- deposits ----------------------------------------------------------------------------

    def load_deposits(self) -> None:
        found = self._run(deposits.deposits)
        if found is None:
            return
        self.deposit_rows = found
        _fill(
            self.deposit_table,
            [
                (
                    d.deposit_no,
                    date_text(d.business_day),
                    d.bag_no,
                    d.state,
                    d.total,
                    d.cash,
                    d.expected_cash,
                    d.prepared_by,
                    d.verified_by,
                    date_text(d.banked_on),
                )
                for d in found
            ],
            [d.cash != d.expected_cash for d in found],
        )

    def _picked_deposit(self) -> deposits.DepositView | None:
        row = _picked(self.deposit_table)
        if row is None:
            self.status.setText(self.tr("Choose a deposit in the list first."))
            return None
        return self.deposit_rows[row]

    def prepare_deposit(self) -> None:
        done = self._run(lambda o: deposits.prepare(o, bag_no=self.bag.text(), day=self.on()))
        if done is not None:
            self.bag.clear()
            self.refresh()
            self.status.setText(
                self.tr("Deposit {n} prepared: {total}.").format(
                    n=done.deposit_no, total=done.total
                )
            )

    def verify_deposit(self) -> None:
        d = self._picked_deposit()
        if d is not None and self._run(deposits.verify, d.id) is not None:
            self.refresh()
            self.status.setText(self.tr("Deposit {n} verified.").format(n=d.deposit_no))

    def bank_deposit(self) -> None:
        d = self._picked_deposit()
        if d is not None and self._run(deposits.bank, d.id) is not None:
            self.refresh()
            self.status.setText(self.tr("Deposit {n} banked.").format(n=d.deposit_no))

    # --- the journal -------------------------------------------------------------------------

    def show_journal(self, view: journal.JournalView) -> None:
        self.journal_view = view
        j = view.journal
        self.journal_label.setText(
            self.tr("Journal {n} ({state}): debits {d}, credits {c}").format(
                n=j.number, state=view.state, d=j.debits, c=j.credits
            )
        )
        _fill(
            self.journal_table,
            [
                (
                    ln.line_no,
                    ln.account,
                    ln.fund,
                    ln.account_name,
                    ln.debit if ln.debit.cents else "",
                    ln.credit if ln.credit.cents else "",
                    ln.memo,
                )
                for ln in j.lines
            ],
        )

    def draft_journal(self) -> None:
        view = self._run(journal.draft, self.on())
        if view is not None:
            self.show_journal(view)
            self.status.setText(self.tr("Journal {n} drafted.").format(n=view.journal.number))

    def post_journal(self) -> None:
        if self.journal_view is None:
            self.status.setText(self.tr("Draft the day's journal first."))
            return
        view = self._run(journal.post, self.journal_view.id)
        if view is not None:
            self.show_journal(view)
            self.status.setText(self.tr("Journal {n} posted.").format(n=view.journal.number))

    def export_to(self, path: Path) -> Path | None:
        if self.journal_view is None:
            self.status.setText(self.tr("Draft and post the day's journal first."))
            return None
        done = self._run(journal_export.export, self.journal_view.id, path)
        if done is None:
            return None
        self.status.setText(
            self.tr("Journal {n} saved to {path}{copy}.").format(
                n=done.journal_no,
                path=done.path,
                copy=self.tr(" (copy {n})").format(n=done.copy_no) if done.is_copy else "",
            )
        )
        return done.path

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the journal"), "journal.csv", "CSV (*.csv);;Excel (*.xlsx)"
        )
        if name:
            self.export_to(Path(name))

    def log_out(self) -> bool:
        """Close the window and the connection; not while a report is being written on it."""
        if self.reports.job is not None:
            self.status.setText(self.tr("A report is being written; log out when it has finished."))
            return False
        if self.office is not None:
            self.office.close()
            self.office = None
        self.close()
        self.logged_out.emit()
        return True
