"""Closing the drawer: blind count, checks ticked off, card batch total, and only then the result."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.denominations import DENOMINATIONS, count_total
from counterpos.domain.drawer_balance import describe
from counterpos.domain.money import Money, MoneyError
from counterpos.services.actor import Actor
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer.close import BalanceResult, ClosingCount
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog

COUNT, CHECKS, CARDS, RESULT = range(4)


class CloseSessionDialog(QDialog):
    """Constructed with the station, the person closing, and the drawer session to close."""

    closed = Signal(object)  # the BalanceResult once the session is closed and locked

    def __init__(self, station: Station, actor: Actor, session_id: str, parent=None) -> None:
        super().__init__(parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.sheet = balancing.closing_sheet(station, actor, session_id)
        self.result: BalanceResult | None = None
        self.override_dialog: OverrideDialog | None = None
        self.sync_warning: QLabel | None = None
        self.setWindowTitle(self.tr("Close drawer session"))
        self.resize(520, 560)
        layout = QVBoxLayout(self)
        self.step = QLabel()
        self.step.setObjectName("close_step")
        self.step.setStyleSheet("font-weight: bold")
        layout.addWidget(self.step)
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._checks_page())
        self.pages.addWidget(self._cards_page())
        self.pages.addWidget(self._result_page())
        self.error = QLabel()
        self.error.setObjectName("close_error")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.back = QPushButton(self.tr("Back"))
        self.next = QPushButton(self.tr("Next"))
        self.next.setObjectName("close_next")
        self.close_button = QPushButton(self.tr("Close session"))
        self.close_button.setObjectName("close_session")
        cancel = QPushButton(self.tr("Cancel"))
        for b in (cancel, self.back, self.next, self.close_button):
            row.addWidget(b)
        layout.addLayout(row)
        cancel.clicked.connect(self.reject)
        self.back.clicked.connect(lambda: self._go(self.pages.currentIndex() - 1))
        self.next.clicked.connect(self._next)
        self.close_button.clicked.connect(lambda: self.try_close())
        self._go(COUNT)
        if self.sheet.card_problems:  # the drawer cannot close until they are settled
            self.warn(
                " ".join(self.sheet.card_problems)
                + " "
                + self.tr("The drawer cannot close until then.")
            )

    def warn(self, text: str) -> None:
        """Show `text` above the count (the till's warning of sales not yet sent centrally)."""
        self.sync_warning = QLabel(text)
        self.sync_warning.setObjectName("syncWarning")
        self.sync_warning.setWordWrap(True)
        self.layout().insertWidget(0, self.sync_warning)

    # pages -----------------------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(QLabel(self.tr("Count the cash in the drawer, piece by piece.")))
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        for d in DENOMINATIONS:
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setObjectName(f"count_{d.key}")
            spin.valueChanged.connect(self._update_counted)
            self.spins[d.key] = spin
            form.addRow(self.tr(d.label), spin)
        v.addLayout(form)
        self.counted_label = QLabel()
        self.counted_label.setObjectName("counted_total")
        v.addWidget(self.counted_label)
        self._update_counted()
        return page

    def _checks_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(QLabel(self.tr("Tick each check and money order that is in the drawer.")))
        self.checks = QListWidget()
        self.checks.setObjectName("checks_list")
        for item in self.sheet.items:
            kind = self.tr("Check") if item.kind == "check" else self.tr("Money order")
            w = QListWidgetItem(f"{kind} {item.number}  {item.payer}  {item.amount}")
            w.setFlags(w.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            w.setCheckState(Qt.CheckState.Unchecked)
            w.setData(Qt.ItemDataRole.UserRole, item.tender_id)
            self.checks.addItem(w)
        if not self.sheet.items:
            v.addWidget(QLabel(self.tr("No checks or money orders were taken.")))
        v.addWidget(self.checks)
        return page

    def _cards_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(
            QLabel(
                self.tr(
                    "Print the card terminal's batch report ({n} card payments) and enter its total."
                ).format(n=self.sheet.card_count)
            )
        )
        self.card_total = QLineEdit("0.00")
        self.card_total.setObjectName("card_total")
        v.addWidget(self.card_total)
        v.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("close_summary")
        self.summary.setReadOnly(True)
        v.addWidget(self.summary)
        v.addWidget(QLabel(self.tr("Note (needed when a supervisor accepts a difference)")))
        self.note = QLineEdit()
        self.note.setObjectName("close_note")
        v.addWidget(self.note)
        return page

    # flow ------------------------------------------------------------------------------------
    def _go(self, index: int) -> None:
        index = max(COUNT, min(RESULT, index))
        self.pages.setCurrentIndex(index)
        titles = (
            self.tr("Count the cash"),
            self.tr("Checks and money orders"),
            self.tr("Card batch total"),
            self.tr("Result"),
        )
        self.step.setText(
            self.tr("Step {n} of 4: {title}").format(n=index + 1, title=titles[index])
        )
        self.back.setEnabled(index > COUNT)
        self.next.setVisible(index < RESULT)
        self.close_button.setVisible(index == RESULT)
        self.error.clear()

    def _update_counted(self) -> None:
        total = count_total({k: s.value() for k, s in self.spins.items()})
        self.counted_label.setText(self.tr("Counted: {total}").format(total=total.format()))

    def closing_count(self) -> ClosingCount:
        try:
            card = Money.parse(self.card_total.text() or "0")
        except MoneyError as exc:
            raise ValueError(str(exc)) from exc
        ticked = frozenset(
            self.checks.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.checks.count())
            if self.checks.item(i).checkState() == Qt.CheckState.Checked
        )
        return ClosingCount(
            {k: s.value() for k, s in self.spins.items() if s.value()}, ticked, card
        )

    def _next(self) -> None:
        index = self.pages.currentIndex()
        if index < CARDS:
            self._go(index + 1)
            return
        try:
            self.result = balancing.count_drawer(
                self.station, self.actor, self.session_id, self.closing_count()
            )
        except (CounterError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        self._show_result(self.result)
        self._go(RESULT)

    def _show_result(self, r: BalanceResult) -> None:
        lines = [
            self.tr("Expected cash: {v}").format(v=r.expected.format()),
            self.tr("Counted cash: {v}").format(v=r.counted.format()),
            self.tr("Over/short: {v}").format(v=describe(r.over_short)),
            self.tr("Card payments: {a}, terminal batch: {b}").format(
                a=r.card_expected.format(), b=r.card_batch.format()
            ),
        ]
        if r.needs_approval:
            lines.append("")
            lines.extend(r.problems())
            lines.append(self.tr("A supervisor must accept this with a note."))
        self.summary.setPlainText("\n".join(lines))

    def try_close(self, approval=None) -> None:
        try:
            result = balancing.close_session(
                self.station,
                self.actor,
                self.session_id,
                self.closing_count(),
                approval=approval,
                note=self.note.text(),
            )
        except PermissionDenied as exc:
            if approval is None and exc.permission == "accept_over_short":
                self._ask_override(str(exc))
                return
            self.error.setText(str(exc))
            return
        except (CounterError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        self.result = result
        self.closed.emit(result)
        self.accept()

    def _ask_override(self, message: str) -> None:
        if not self.note.text().strip():
            self.error.setText(self.tr("Write the note first, then ask the supervisor."))
            self.note.setFocus()
            return
        dlg = OverrideDialog(self.station, self.actor, "accept_over_short", message, self)
        self.override_dialog = dlg
        dlg.accepted.connect(lambda: self.try_close(dlg.approval))
        dlg.open()
