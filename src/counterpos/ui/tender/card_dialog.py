"""The card payment dialog: shows the amount and fee, runs the card off the GUI thread, reports."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.actor import Actor
from counterpos.services.card.fees import quote
from counterpos.services.card.requests import cancel, charge, check_status, open_requests
from counterpos.services.card.results import CardResult
from counterpos.services.card.settings import CardTerminal, terminal_for
from counterpos.services.card.standalone import BRANDS, record_standalone
from counterpos.services.errors import CounterError
from counterpos.services.station import Station


class _Bridge(QObject):
    """Carries a worker thread's answer back to the GUI thread (queued signal)."""

    done = Signal(object, object)  # (result, error)
    recorded = Signal(str)


class CardPaymentDialog(QDialog):
    """Take `amount` of `cart` by card. After `exec()` returns Accepted, `payment` holds the
    approved CardResult (it may be a partial approval: `payment.base` is what it paid)."""

    def __init__(
        self,
        station: Station,
        actor: Actor,
        session_id: str,
        cart: Cart,
        amount: Money,
        parent: QWidget | None = None,
        *,
        terminal: CardTerminal | None = None,
        prior: list[str] | None = None,
        held: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.station, self.actor, self.session_id, self.cart = station, actor, session_id, cart
        self.prior = list(prior or ())  # this sale's cards approved before: one fee for all
        self.held = list(held or [])  # the payment's approved cards: another may follow them
        self.payment: CardResult | None = None
        self.last_result: CardResult | None = None
        self._request_id: str | None = None
        self._busy = False
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._finished)
        self._bridge.recorded.connect(self._on_recorded)
        self.setWindowTitle(self.tr("Card payment"))
        self.setModal(True)
        self.setMinimumWidth(460)

        self.quote = quote(station, cart, amount, prior=self.prior, session_id=session_id)
        self.terminal = terminal or terminal_for(station)

        layout = QVBoxLayout(self)
        # The window title alone is not seen on a full-screen counter: the dialog says it too.
        self.heading = QLabel(self.tr("Card payment"))
        self.heading.setObjectName("title")
        layout.addWidget(self.heading)
        form = QFormLayout()
        self.amount_label = QLabel(self.quote.base.format())
        self.fee_label = QLabel(self.quote.fee.format())
        self.charge_label = QLabel(f"<b style='font-size:16pt'>{self.quote.charge.format()}</b>")
        form.addRow(self.tr("Amount"), self.amount_label)
        form.addRow(self.tr("Card convenience fee"), self.fee_label)
        form.addRow(self.tr("Run on the card"), self.charge_label)
        layout.addLayout(form)

        self.standalone = QWidget()
        sform = QFormLayout(self.standalone)
        self.approval_edit = QLineEdit()
        self.approval_edit.setMaxLength(12)
        self.brand_combo = QComboBox()
        for b in BRANDS:
            self.brand_combo.addItem(b.upper() if len(b) <= 4 else b.capitalize(), b)
        self.last4_edit = QLineEdit()
        self.last4_edit.setMaxLength(4)
        self.last4_edit.setInputMask("9999")
        self.approved_edit = QLineEdit(self.quote.charge.plain())
        sform.addRow(self.tr("Approval code"), self.approval_edit)
        sform.addRow(self.tr("Card brand"), self.brand_combo)
        sform.addRow(self.tr("Last four digits"), self.last4_edit)
        sform.addRow(self.tr("Amount approved"), self.approved_edit)
        self.standalone.setVisible(not self.terminal.integrated)
        layout.addWidget(self.standalone)

        self.status_label = QLabel(
            self.tr("Show the customer the amount, then run the card.")
            if self.terminal.integrated
            else self.tr("Run the card on the terminal, then key in what it printed.")
        )
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        buttons = QHBoxLayout()
        self.run_button = QPushButton(
            self.tr("Run card (Enter)")
            if self.terminal.integrated
            else self.tr("Record card (Enter)")
        )
        self.run_button.setDefault(True)
        self.check_button = QPushButton(self.tr("Ask the terminal again"))
        self.check_button.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.done_button = QPushButton(self.tr("Done (Enter)"))
        self.done_button.setVisible(False)
        # As in every other dialog: backing out on the left, going on on the right.
        buttons.addStretch(1)
        for b in (self.cancel_button, self.check_button, self.run_button, self.done_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        # A card left without an answer (dialog closed, station restarted) comes first.
        waiting = open_requests(station, session_id)
        if waiting:
            self._show(waiting[0])

        self.run_button.clicked.connect(self.run_card)
        self.check_button.clicked.connect(self.check_status)
        self.cancel_button.clicked.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        """The focus starts where Enter goes on: the approval code to key in, else the run
        button (Cancel, placed first on the row, would otherwise take it and Enter cancel)."""
        super().showEvent(event)
        if self.standalone.isVisibleTo(self) and self.approval_edit.isEnabled():
            self.approval_edit.setFocus()
        elif self.run_button.isVisibleTo(self) and self.run_button.isEnabled():
            self.run_button.setFocus()

    # -- actions -------------------------------------------------------------------------
    def run_card(self) -> None:
        if self._busy:
            return
        if not self.terminal.integrated:
            self._record_standalone()
            return
        station, actor, session_id, cart = self.station, self.actor, self.session_id, self.cart
        base, terminal, recorded = self.quote.base, self.terminal, self._bridge.recorded
        prior, held = self.prior, self.held
        self._start(
            lambda: charge(
                station,
                actor,
                session_id,
                cart,
                base,
                terminal=terminal,
                on_recorded=recorded.emit,
                prior=prior,
                held=held,
            )
        )

    def check_status(self) -> None:
        if self._busy or self._request_id is None:
            return
        station, rid, terminal = self.station, self._request_id, self.terminal
        self._start(lambda: check_status(station, rid, terminal=terminal))

    def reject(self) -> None:
        """Cancel: while the terminal works, ask it to stop; the card's own answer follows."""
        if self._busy:
            if self._request_id is not None:
                rid = self._request_id
                self._say(self.tr("Cancelling at the terminal…"))
                self.cancel_button.setEnabled(False)
                threading.Thread(
                    target=_send_cancel, args=(self.station, rid, self.terminal), daemon=True
                ).start()
            return
        if self.last_result is not None and self.last_result.is_unknown:
            # The money may have been taken: the request stays open; the till asks again later.
            self._say(
                self.tr(
                    "The outcome is still unknown. It is kept and will be checked with the "
                    "terminal before the next card payment."
                ),
                "warn",
            )
        super().reject()

    # -- plumbing ------------------------------------------------------------------------
    # The worker threads below hold no reference to the dialog: if the last reference to a
    # Qt object is dropped on a worker thread, Python deletes the object there, and Qt may
    # crash the whole till. They reach the screen only through the bridge, a child of the
    # dialog (Qt owns it, so dropping its Python wrapper on the thread deletes nothing).

    def _start(self, work: Callable[[], Any]) -> None:
        self._busy = True
        self.run_button.setEnabled(False)
        self.check_button.setEnabled(False)
        self.done_button.setVisible(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self._say(self.tr("Waiting for the terminal…"))

        threading.Thread(
            target=_run_and_report, args=(work, self._bridge), name="card-payment", daemon=True
        ).start()

    def _on_recorded(self, request_id: str) -> None:
        self._request_id = request_id

    def _finished(self, result: CardResult | None, error: Exception | None) -> None:
        self._busy = False
        self.cancel_button.setEnabled(True)
        if error is not None:
            self._say(str(error), "error")
            self.run_button.setEnabled(True)
            return
        self._show(result)

    def _show(self, result: CardResult) -> None:
        self.last_result = result
        self._request_id = result.request_id
        if result.is_approved:
            self.payment = result
            text = self.tr("Approved: {amount}, {brand} ending {last4}.").format(
                amount=result.approved.format(), brand=result.brand.upper(), last4=result.last4
            )
            if result.is_partial:
                rest = self.quote.base - result.base
                text = self.tr(
                    "Partly approved: {approved} of {requested}. {rest} is still due: "
                    "take it another way."
                ).format(
                    approved=result.approved.format(),
                    requested=result.requested.format(),
                    rest=rest.format(),
                )
            self._say(text, "warn" if result.is_partial else "ok")
            self.run_button.setVisible(False)
            self.check_button.setVisible(False)
            self.cancel_button.setVisible(False)
            self.done_button.setVisible(True)
            self.done_button.setFocus()
        elif result.is_unknown:
            self._say(
                self.tr(
                    "No answer from the terminal: the card may or may not have been charged. "
                    "Do not run it again; ask the terminal for its status."
                ),
                "error",
            )
            self.run_button.setEnabled(False)
            self.check_button.setVisible(True)
            self.check_button.setEnabled(True)
        else:
            reason = result.reason or self.tr("nothing was charged")
            title = self.tr("Declined") if result.status == "declined" else self.tr("Cancelled")
            self._say(
                self.tr("{title}: {reason}. Take another card or another tender.").format(
                    title=title, reason=reason.rstrip(".")
                ),
                "error",
            )
            self.run_button.setText(self.tr("Try again (Enter)"))
            self.run_button.setEnabled(True)
            self.cancel_button.setText(self.tr("Back to tender (Esc)"))

    def _record_standalone(self) -> None:
        try:
            result = record_standalone(
                self.station,
                self.actor,
                self.session_id,
                self.cart,
                self.quote.base,
                approval_code=self.approval_edit.text(),
                brand=self.brand_combo.currentData(),
                last4=self.last4_edit.text(),
                approved_text=self.approved_edit.text(),
                prior=self.prior,
                held=self.held,
            )
        except CounterError as exc:
            self._say(str(exc), "error")
            return
        self._show(result)

    def _say(self, text: str, tone: str = "info") -> None:
        """The status line, coloured by what it says: an error or a decline in the error's
        red, an approval in the done colour; a refused approval code looked like a hint."""
        label = self.status_label
        label.setText(text)
        label.setProperty("tone", tone)
        label.style().unpolish(label)
        label.style().polish(label)


def _run_and_report(work: Callable[[], Any], bridge: _Bridge) -> None:
    """On the worker thread: the terminal's answer (or the fault) goes back through the bridge."""
    try:
        result, error = work(), None
    except Exception as exc:  # a fault must come back to the screen, not vanish
        result, error = None, exc
    with contextlib.suppress(RuntimeError):  # the dialog, and its bridge, are already gone
        bridge.done.emit(result, error)


def _send_cancel(station: Any, request_id: str, terminal: Any) -> None:
    with contextlib.suppress(CounterError):  # the sale's own answer tells what happened
        cancel(station, request_id, terminal=terminal)
