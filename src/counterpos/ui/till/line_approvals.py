"""Lines a supervisor approves on the spot before they go on the sale: an amount above its
service's ceiling, a late penalty owed on something paid earlier (services/sale/approved_lines)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from counterpos.domain.cart import CartLine
from counterpos.ui.controls.line_approval_dialog import LineApprovalDialog

if TYPE_CHECKING:
    from counterpos.ui.till.host import TillHost
    from counterpos.ui.till.state import TillState


class LineApprovals(QObject):
    """`take(lines, add)`: lines from a service form go on the sale through `add`, once each one
    above its service's ceiling is confirmed by a supervisor with a reason (backing out adds
    none and says why). `penalty(owed, number, add)`: a late penalty owed on its own, approved
    the same way, then added. `last` is the newest approval dialog (for tests and screens)."""

    def __init__(self, state: TillState, host: TillHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state, self.host = state, host
        self.last: LineApprovalDialog | None = None

    def _above(self, line: CartLine):
        ceiling = self.state.service(line.service_code).confirm_above
        if ceiling is None or line.amount <= ceiling or line.details.get("approval_ref"):
            return None
        return ceiling

    def take(self, lines: list[CartLine], add: Callable[[list[CartLine]], None]) -> None:
        lines = list(lines)
        index = next((i for i, x in enumerate(lines) if self._above(x) is not None), None)
        if index is None:
            add(lines)
            return
        line, ceiling = lines[index], self._above(lines[index])
        state = self.state
        dialog = LineApprovalDialog.for_amount(
            state.station, state.actor, state.session_id, line, ceiling, self.host.window()
        )
        self.last = dialog

        def finished(_result: int) -> None:
            if dialog.approved is None:
                self.host.say(
                    QCoreApplication.translate(
                        "LineApprovals",
                        "{description} of {amount} was not added: above {ceiling} a "
                        "supervisor confirms it with a reason. Ring it again to ask.",
                    ).format(
                        description=line.description,
                        amount=line.amount.format(),
                        ceiling=ceiling.format(),
                    )
                )
                return
            lines[index] = dialog.approved
            self.take(lines, add)

        self.host.show_dialog(dialog, finished)

    def penalty(self, owed: CartLine, number: str, add: Callable[[list[CartLine]], None]) -> None:
        state = self.state
        dialog = LineApprovalDialog.for_penalty(
            state.station, state.actor, state.session_id, owed, number, self.host.window()
        )
        self.last = dialog

        def finished(_result: int) -> None:
            if dialog.approved is None:
                self.host.say(
                    QCoreApplication.translate(
                        "LineApprovals",
                        "The late penalty on {number} was not added: a supervisor approves "
                        "it with a reason.",
                    ).format(number=number)
                )
                return
            add([dialog.approved])

        self.host.show_dialog(dialog, finished)
