"""One call wires the end-of-day and supervisor dialogs into the till's menu bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from counterpos.services.actor import Actor
from counterpos.services.station import Station
from counterpos.ui.back_office.audit_view import AuditView
from counterpos.ui.back_office.day_view import DayViewDialog
from counterpos.ui.controls.close_session_dialog import CloseSessionDialog
from counterpos.ui.controls.no_sale_dialog import NoSaleDialog
from counterpos.ui.controls.paid_in_out_dialog import PaidInOutDialog
from counterpos.ui.controls.refund_dialog import RefundDialog
from counterpos.ui.controls.void_dialog import VoidDialog

SHORTCUTS = {
    "void": "Ctrl+Shift+V",
    "refund": "Ctrl+Shift+R",
    "paid": "Ctrl+Shift+P",
    "no_sale": "Ctrl+Shift+N",
    "close": "Ctrl+Shift+C",
    "day": "Ctrl+Shift+D",
    "audit": "Ctrl+Shift+A",
}


def add_controls_menu(
    menu: QMenu,
    window: QWidget,
    station: Station,
    actor: Callable[[], Actor | None],
    session_id: Callable[[], str | None],
    opened: Callable[[str, QWidget], None] | None = None,
) -> dict[str, QAction]:
    """Add Void / Refund / Paid-in-out / No sale / Close drawer / Day view / Audit trail to `menu`. `actor()` and `session_id()`
    give the logged-in cashier and their open session at the moment the action is chosen.
    `opened(key, dialog)`, if given, is handed each dialog to open (the till follows a void's
    slip and a closed session through it); without it the dialogs open on their own."""

    def show(key: str, dialog) -> None:
        if opened is not None:
            opened(key, dialog)
        else:
            dialog.open()

    def need_session() -> tuple[Actor, str] | None:
        who, sid = actor(), session_id()
        if who is None or not sid:
            QMessageBox.information(
                window,
                QCoreApplication.translate("ControlsMenu", "No drawer"),
                QCoreApplication.translate("ControlsMenu", "Open your drawer session first."),
            )
            return None
        return who, sid

    def void() -> None:
        got = need_session()
        if got:
            show("void", VoidDialog(station, got[0], got[1], parent=window))

    def refund() -> None:
        got = need_session()
        if got:
            show("refund", RefundDialog(station, got[0], got[1], parent=window))

    def paid() -> None:
        got = need_session()
        if got:
            show("paid", PaidInOutDialog(station, got[0], got[1], parent=window))

    def no_sale() -> None:
        got = need_session()
        if got:
            show("no_sale", NoSaleDialog(station, got[0], got[1], parent=window))

    def close() -> None:
        got = need_session()
        if got:
            show("close", CloseSessionDialog(station, got[0], got[1], window))

    def day() -> None:
        who = actor()
        if who is not None:
            show("day", DayViewDialog(station, who, window))

    def audit() -> None:
        who = actor()
        if who is not None:
            show("audit", AuditView(station, who, window))

    actions = {}
    for key, label, slot in (
        ("void", QCoreApplication.translate("ControlsMenu", "Void a sale…"), void),
        ("refund", QCoreApplication.translate("ControlsMenu", "Refund a sale…"), refund),
        ("paid", QCoreApplication.translate("ControlsMenu", "Paid-in / paid-out…"), paid),
        ("no_sale", QCoreApplication.translate("ControlsMenu", "Open drawer, no sale…"), no_sale),
        ("close", QCoreApplication.translate("ControlsMenu", "Close drawer…"), close),
        ("day", QCoreApplication.translate("ControlsMenu", "Day view…"), day),
        ("audit", QCoreApplication.translate("ControlsMenu", "Audit trail…"), audit),
    ):
        act = QAction(label, window)
        act.setShortcut(QKeySequence(SHORTCUTS[key]))
        act.triggered.connect(slot)
        menu.addAction(act)
        actions[key] = act
    return actions
