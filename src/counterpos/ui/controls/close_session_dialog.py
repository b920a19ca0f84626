"""Closing the drawer: blind count, checks ticked off, card batch total, and only then the result.

Four steps in one dialog that fits a 1366x768 screen with its buttons in view. Enter moves on
(to the next line of the count, then to the next step) and never throws the count away; Esc
asks first once anything was counted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.drawer_balance import describe
from counterpos.domain.money import Money, MoneyError
from counterpos.services.actor import Actor
from counterpos.services.drawer import close as balancing
from counterpos.services.drawer.close import BalanceResult, ClosingCount
from counterpos.services.errors import CounterError, PermissionDenied
from counterpos.services.station import Station
from counterpos.ui.controls.override_dialog import OverrideDialog
from counterpos.ui.widgets.counter_dialog import CounterDialog
from counterpos.ui.widgets.denomination_grid import DenominationGrid

COUNT, CHECKS, CARDS, RESULT = range(4)


class CloseSessionDialog(CounterDialog):
    """Constructed with the station, the person closing, and the drawer session to close."""

    closed = Signal(object)  # the BalanceResult once the session is closed and locked

    def __init__(self, station: Station, actor: Actor, session_id: str, parent=None) -> None:
        super().__init__(self.tr("Close drawer session"), parent)
        self.station, self.actor, self.session_id = station, actor, session_id
        self.sheet = balancing.closing_sheet(station, actor, session_id)
        self.result: BalanceResult | None = None
        self.override_dialog: OverrideDialog | None = None
        self.sync_warning: QLabel | None = None
        self.discard_text = self.tr("Throw away this count? The drawer stays open.")
        self.step = QLabel()
        self.step.setObjectName("stepTitle")
        self.body_layout.addWidget(self.step)
        self.pages = QStackedWidget()
        self.body_layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._count_page())
        self.pages.addWidget(self._checks_page())
        self.pages.addWidget(self._cards_page())
        self.pages.addWidget(self._result_page())
        self.error = self.message

        self.counted_label = QLabel()
        self.counted_label.setObjectName("counted_total")
        self.buttons.insertWidget(0, self.counted_label)
        cancel = self.add_button(self.tr("Cancel (Esc)"), back=True, name="close_cancel")
        self.back = self.add_button(
            self.tr("Previous step"), lambda: self._go(self.pages.currentIndex() - 1)
        )
        self.next = self.add_button(self.tr("Next (Enter)"), self._next, name="close_next")
        self.close_button = self.add_button(
            self.tr("Close session (Enter)"), self.try_close, name="close_session"
        )
        self.cancel_button = cancel
        self.enter_moves = True
        self.enter_order = list(self.grid.order())
        self.first_field = self.enter_order[0]
        self._update_counted()
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
        self.body_layout.insertWidget(0, self.sync_warning)

    # pages -----------------------------------------------------------------------------------
    def _count_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Count the cash in the drawer, piece by piece. Enter: the next line; "
                "Ctrl+Enter: the next step."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("subtitle")
        v.addWidget(hint)
        self.grid = DenominationGrid(prefix="count_")
        self.spins = self.grid.spins
        self.grid.changed.connect(self._update_counted)
        v.addWidget(self.grid)
        v.addStretch(1)
        return page

    def _checks_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        text = (
            self.tr(
                "Tick each check and money order that is in the drawer (Space ticks the "
                "highlighted one; Enter: the next step)."
            )
            if self.sheet.items
            else self.tr("No checks or money orders were taken. Enter: the next step.")
        )
        hint = QLabel(text)
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.checks = QListWidget()
        self.checks.setObjectName("checks_list")
        self.checks.setAccessibleName(self.tr("Checks and money orders"))
        for item in self.sheet.items:
            kind = self.tr("Check") if item.kind == "check" else self.tr("Money order")
            w = QListWidgetItem(f"{kind} {item.number}   {item.payer}   {item.amount}")
            w.setFlags(w.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            w.setCheckState(Qt.CheckState.Unchecked)
            w.setData(Qt.ItemDataRole.UserRole, item.tender_id)
            self.checks.addItem(w)
        if self.sheet.items:
            self.checks.setCurrentRow(0)
        self.checks.setVisible(bool(self.sheet.items))
        v.addWidget(self.checks, 1)
        return page

    def _cards_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr(
                "Print the card terminal's batch report ({n} card payments) and enter its total."
            ).format(n=self.sheet.card_count)
        )
        hint.setWordWrap(True)
        v.addWidget(hint)
        self.card_total = QLineEdit("0.00")
        self.card_total.setObjectName("card_total")
        self.card_total.setAccessibleName(self.tr("Card batch total"))
        self.card_total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.card_total.setMaximumWidth(self.card_total.fontMetrics().horizontalAdvance("0") * 14)
        v.addWidget(self.card_total)
        v.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("close_summary")
        self.summary.setAccessibleName(self.tr("Result"))
        self.summary.setReadOnly(True)
        v.addWidget(self.summary, 1)
        note = QLabel(self.tr("&Note (needed when a supervisor accepts a difference)"))
        v.addWidget(note)
        self.note = QLineEdit()
        self.note.setObjectName("close_note")
        note.setBuddy(self.note)
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
        self.back.setVisible(index > COUNT)  # a recount after the result is audited too
        self.next.setVisible(index < RESULT)
        self.close_button.setVisible(index == RESULT)
        self.primary = self.close_button if index == RESULT else self.next
        self.next.setDefault(index < RESULT)
        self.close_button.setDefault(index == RESULT)
        self.say("")
        focus = {
            COUNT: self.grid.order()[0],
            CHECKS: self.checks if self.sheet.items else self.next,
            CARDS: self.card_total,
            RESULT: self.note,
        }[index]
        if self.isVisible():
            focus.setFocus()
            if isinstance(focus, QLineEdit):
                focus.selectAll()

    def _update_counted(self) -> None:
        self.counted_label.setText(
            self.tr("Counted: {total}").format(total=self.grid.total().format())
        )

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
        return ClosingCount({k: n for k, n in self.grid.counts().items() if n}, ticked, card)

    def has_work(self) -> bool:
        return self.grid.total().cents > 0 or any(
            self.checks.item(i).checkState() == Qt.CheckState.Checked
            for i in range(self.checks.count())
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
            self.say(str(exc))
            self.card_total.setFocus()
            self.card_total.selectAll()
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
            self.say(str(exc))
            return
        except (CounterError, ValueError) as exc:
            self.say(str(exc))
            return
        self.result = result
        self.closed.emit(result)
        self.accept()

    def _ask_override(self, message: str) -> None:
        if not self.note.text().strip():
            self.say(self.tr("Write the note first, then ask the supervisor."))
            self.note.setFocus()
            return
        dlg = OverrideDialog(self.station, self.actor, "accept_over_short", message, self)
        self.override_dialog = dlg
        dlg.accepted.connect(lambda: self.try_close(dlg.approval))
        dlg.open()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # Enter in the checks list moves on (Space ticks); Ctrl+Enter: the next step.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() is (
            self.checks
        ):
            self._next()
            return
        super().keyPressEvent(event)
