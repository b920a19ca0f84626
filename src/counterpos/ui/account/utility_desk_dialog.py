"""The utility desk's view of an account at the counter: meters, last reads, bills, notices, the
arrangement and open work orders; an arrangement or a leak adjustment starts from here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from counterpos.domain.messages import word
from counterpos.domain.money import Money
from counterpos.services.errors import CounterError
from counterpos.services.utility.desk import AccountDesk, account_desk
from counterpos.ui.accessible import plain
from counterpos.ui.account.arrangement_dialog import ArrangementDialog
from counterpos.ui.account.desk_tables import fill, table
from counterpos.ui.account.leak_adjustment_dialog import LeakAdjustmentDialog
from counterpos.ui.formats import date_text

STATES = {
    "kept": "kept",
    "missed": "behind (in grace)",
    "broken": "broken",
    "completed": "completed",
}


class UtilityDeskDialog(QDialog):
    """`desk` holds what is shown (services.utility.desk.AccountDesk)."""

    def __init__(self, station, actor, account_no: str, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor, self.account_no = station, actor, account_no
        self.desk: AccountDesk | None = None
        self.child: QDialog | None = None
        self.setWindowTitle(self.tr("Utility desk: account {no}").format(no=account_no))
        self.setMinimumSize(820, 520)
        self.head = QLabel()
        self.head.setObjectName("panelName")
        self.shutoff = QLabel()
        self.shutoff.setObjectName("shutoff")
        self.shutoff.setWordWrap(True)
        self.meters = table(
            "meters",
            [
                self.tr("Meter"),
                self.tr("Size"),
                self.tr("Installed"),
                self.tr("Route"),
                self.tr("Where"),
                self.tr("Last read"),
            ],
            4,
        )
        self.reads = table(
            "reads",
            [
                self.tr("Date"),
                self.tr("Meter"),
                self.tr("Read"),
                self.tr("Used"),
                self.tr("Kind"),
                self.tr("Review"),
            ],
            5,
        )
        self.bills = table(
            "bills",
            [
                self.tr("Bill"),
                self.tr("Cycle"),
                self.tr("Used"),
                self.tr("Amount"),
                self.tr("Due"),
                self.tr("Late fee"),
                self.tr("Status"),
            ],
            6,
        )
        self.notices = table(
            "notices",
            [
                self.tr("Notice"),
                self.tr("Sent"),
                self.tr("What"),
                self.tr("Amount"),
                self.tr("Shut-off on/after"),
            ],
            2,
        )
        self.arrangement_text = QLabel()
        self.arrangement_text.setObjectName("arrangement")
        self.arrangement_text.setWordWrap(True)
        self.instalments = table("instalments", [self.tr("Due"), self.tr("Amount")], 1)
        self.orders = table(
            "work_orders",
            [
                self.tr("Work order"),
                self.tr("Opened"),
                self.tr("What"),
                self.tr("Status"),
                self.tr("Why"),
            ],
            4,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("desk_tabs")
        arrangement_page = QVBoxLayout()
        arrangement_page.addWidget(self.arrangement_text)
        arrangement_page.addWidget(self.instalments)
        from PySide6.QtWidgets import QWidget  # noqa: PLC0415

        page = QWidget()
        page.setLayout(arrangement_page)
        for widget, label in (
            (self.meters, self.tr("&Meters")),
            (self.reads, self.tr("&Reads")),
            (self.bills, self.tr("&Bills")),
            (self.notices, self.tr("&Notices")),
            (page, self.tr("Arran&gement")),
            (self.orders, self.tr("&Work orders")),
        ):
            self.tabs.addTab(widget, label)
            if widget is not page:  # each table named by its page, for a screen reader
                widget.setAccessibleName(plain(label))
        self.tabs.setAccessibleName(self.tr("The account's records"))
        self.instalments.setAccessibleName(self.tr("Instalments"))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.arrange_button = QPushButton(self.tr("Start an &arrangement…"))
        self.arrange_button.setObjectName("arrange")
        self.leak_button = QPushButton(self.tr("&Leak adjustment…"))
        self.leak_button.setObjectName("leak")
        close = QPushButton(self.tr("Close (Esc)"))
        self.arrange_button.clicked.connect(self.start_arrangement)
        self.leak_button.clicked.connect(self.leak_adjustment)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.arrange_button)
        buttons.addWidget(self.leak_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addWidget(self.shutoff)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            desk = account_desk(self.station, self.account_no)
        except CounterError as exc:
            self.message.setText(str(exc))
            return
        self.desk = desk
        balance = (
            desk.balance.format()
            if desk.balance.cents >= 0
            else self.tr("{a} credit").format(a=Money(-desk.balance.cents).format())
        )
        self.head.setText(
            f"{desk.account_no} · {desk.service_address} · {word(desk.status)} · "
            + self.tr("balance due {b}").format(b=balance)
        )
        if desk.shutoff.disconnected:
            self.shutoff.setText(self.tr("Water is disconnected for non-payment."))
        elif desk.shutoff.eligible:
            self.shutoff.setText(
                self.tr("May be disconnected today: {a} past due.").format(
                    a=Money(desk.shutoff.past_due_cents).format()
                )
            )
        elif desk.shutoff.past_due_cents > 0:
            self.shutoff.setText(
                self.tr("{a} past due; not eligible for shut-off: {why}.").format(
                    a=Money(desk.shutoff.past_due_cents).format(),
                    why="; ".join(desk.shutoff.reasons),
                )
            )
        else:
            self.shutoff.setText(self.tr("Nothing past due."))
        fill(
            self.meters,
            [
                [
                    m.serial,
                    f'{m.size}"',
                    date_text(m.since) if m.since else "",
                    f"{m.route} #{m.route_seq}" if m.route else "",
                    m.location,
                    "" if m.last_value is None else f"{m.last_value} ({date_text(m.last_read_on)})",
                ]
                for m in desk.meters
            ],
        )
        fill(
            self.reads,
            [
                [
                    date_text(r.read_on),
                    r.serial,
                    str(r.value),
                    "" if r.consumption is None else str(r.consumption),
                    self.tr(r.kind) + (self.tr(" (replaced)") if r.replaced else ""),
                    r.held or r.decision,
                ]
                for r in desk.reads
            ],
            right={2, 3},
        )
        fill(
            self.bills,
            [
                [
                    b.bill_no,
                    b.cycle,
                    str(b.consumption) + (" E" if b.estimated else ""),
                    Money(b.total_cents).format(),
                    date_text(b.due_date),
                    Money(b.penalty_cents).format() if b.penalty_cents else "",
                    self.tr("reverses {n}").format(n=b.reverses_no)
                    if b.reverses_no
                    else (
                        self.tr("reversed by {n}").format(n=b.reversed_by)
                        if b.reversed_by
                        else (b.reason or self.tr("live"))
                    ),
                ]
                for b in desk.bills
            ],
            right={2, 3, 5},
        )
        fill(
            self.notices,
            [
                [
                    n.notice_no,
                    date_text(n.issued_on),
                    self.tr(n.kind_text) + (self.tr(" (returned)") if n.returned else ""),
                    Money(n.amount_cents).format() if n.amount_cents else "",
                    date_text(n.shutoff_on) if n.shutoff_on else "",
                ]
                for n in desk.notices
            ],
            right={3},
        )
        a = desk.arrangement
        if a is None:
            self.arrangement_text.setText(self.tr("No payment arrangement."))
            fill(self.instalments, [])
        else:
            nxt = (
                self.tr(", next {amount} on {day}").format(
                    amount=Money(a.next_due.cents).format(), day=date_text(a.next_due.due_on)
                )
                if a.next_due
                else ""
            )
            self.arrangement_text.setText(
                self.tr("{no}: {kind}, {state}; {paid} paid of {due} due so far{next}.").format(
                    no=a.arrangement_no,
                    kind=self.tr(a.kind_text),
                    state=self.tr(STATES.get(a.state, a.state)),
                    paid=Money(a.paid_cents).format(),
                    due=Money(a.due_cents).format(),
                    next=nxt,
                )
            )
            fill(
                self.instalments,
                [[date_text(i.due_on), Money(i.cents).format()] for i in a.instalments],
                right={1},
            )
        fill(
            self.orders,
            [
                [
                    o.wo_no,
                    date_text(o.opened_on),
                    self.tr(o.kind_text),
                    o.status.replace("_", " "),
                    o.reason,
                ]
                for o in desk.work_orders
            ],
        )
        self.arrange_button.setEnabled(desk.arrangement is None and desk.balance.cents > 0)
        self.leak_button.setEnabled(bool(desk.leak_bills))

    def start_arrangement(self) -> None:
        dialog = ArrangementDialog(self.station, self.actor, self.account_no, self)
        self._open(dialog, self.tr("Arrangement recorded."))

    def leak_adjustment(self) -> None:
        desk = self.desk
        dialog = LeakAdjustmentDialog(
            self.station,
            self.actor,
            self.account_no,
            desk.leak_bills if desk else (),
            desk.repaired_orders if desk else (),
            self,
        )
        self._open(dialog, self.tr("Leak adjustment saved."))

    def _open(self, dialog: QDialog, done: str) -> None:
        self.child = dialog

        def finished(result: int) -> None:
            self.child = None
            if result == QDialog.DialogCode.Accepted:
                self.refresh()
                self.message.setText(done)

        dialog.finished.connect(finished)
        dialog.open()
