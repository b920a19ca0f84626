"""The utility desk's entries in the till's Account menu: the account's desk, reads by route,
notices and letters. The till's menus call `add_utility_actions` once; nothing else changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from counterpos.services.errors import PermissionDenied

KEYS = {"desk": "Ctrl+Shift+U", "reads": "Ctrl+Shift+M", "notices": "Ctrl+Shift+O"}


def add_utility_actions(menu: QMenu, window: QWidget, state, host) -> dict[str, QAction]:
    """Add the actions to `menu` and return them by name ("desk", "reads", "notices")."""
    from counterpos.ui.account.notices_dialog import NoticesDialog
    from counterpos.ui.account.read_entry_dialog import ReadEntryDialog
    from counterpos.ui.account.utility_desk_dialog import UtilityDeskDialog

    tr = menu.tr

    def refused(permission: str, what: str) -> bool:
        if state.actor.can(permission):
            return False
        try:
            state.actor.require(permission, what)
        except PermissionDenied as exc:
            host.say(str(exc))
        return True

    def desk() -> None:
        account = state.account
        if account is None:
            host.say(tr("Find the customer (F2) and choose one of their accounts first."))
            return
        host.open_account_dialog(
            UtilityDeskDialog(state.station, state.actor, account.account_no, window), ""
        )

    def reads() -> None:
        if not refused("utility_desk", "enter meter reads"):
            host.open_account_dialog(ReadEntryDialog(state.station, state.actor, window), "")

    def notices() -> None:
        if not refused("send_notices", "send notices"):
            host.open_account_dialog(NoticesDialog(state.station, state.actor, window), "")

    menu.addSeparator()
    actions = {}
    for name, label, slot in (
        ("desk", tr("Utility desk: meters, reads, bills, notices…"), desk),
        ("reads", tr("Meter reads by route…"), reads),
        ("notices", tr("Notices and letters…"), notices),
    ):
        act = QAction(label, window)
        act.setShortcut(QKeySequence(KEYS[name]))
        act.triggered.connect(_call(slot))
        menu.addAction(act)
        actions[name] = act
    return actions


def _call(slot: Callable[[], None]) -> Callable[..., None]:
    return lambda _checked=False: slot()
