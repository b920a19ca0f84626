"""Asking a supervisor on the spot for what the cashier's role lacks, from anywhere in the till."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from counterpos.services.access.overrides import Approval
from counterpos.services.errors import PermissionDenied
from counterpos.ui.controls.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


def with_permission(
    state: TillState,
    host: TillHost,
    permission: str,
    what: str,
    then: Callable[[Approval | None], None],
    *,
    for_sale: bool = True,
) -> None:
    """Run `then(None)` when the cashier's role holds `permission`; else, unless this sale
    already has a supervisor's approval of it, open the override dialog and run
    `then(approval)` once a supervisor approves. With `for_sale`, the approval is kept on the
    sale (complete_sale checks it again and spends it); else it is for this one action only.
    Backing out says plainly why nothing happened."""
    if state.actor.can(permission):
        then(None)
        return
    kept = state.approval_for(permission) if for_sale else None
    if kept is not None:
        then(kept)
        return
    try:
        state.actor.require(permission, what)
    except PermissionDenied as exc:
        refusal = str(exc)
    dialog = OverrideDialog(
        state.station,
        state.actor,
        permission,
        refusal
        + " "
        + QCoreApplication.translate(
            "Approval", "A supervisor can approve it now with their username and PIN."
        ),
        host.window(),
    )

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.approval is not None:
            if for_sale:
                state.approvals[permission] = dialog.approval
            then(dialog.approval)
        else:
            host.say(refusal)

    host.show_dialog(dialog, finished)
