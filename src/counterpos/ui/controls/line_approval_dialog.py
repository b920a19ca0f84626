"""A supervisor approves one line on the spot, with a reason: an amount above its service's
ceiling (a large misc receipt), or a late penalty owed on something paid earlier."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from counterpos.domain.cart import CartLine
from counterpos.domain.money import Money
from counterpos.services.access.overrides import Approval
from counterpos.services.sale import approved_lines
from counterpos.ui.controls.approved_action import ApprovedActionDialog


class LineApprovalDialog(ApprovedActionDialog):
    """`approved` is the approved CartLine (carrying the approval's reference) once done.

    The cashier types the reason; a supervisor's name and PIN follow in the override dialog
    (a supervisor at the till approves it themselves). The service checks the reason, the
    approval and (for a penalty) that it is owed, and says plainly why it refuses."""

    permission = approved_lines.PERMISSION

    def __init__(
        self,
        station,
        actor,
        session_id: str,
        title: str,
        about: str,
        approve: Callable[[str, Approval | None], CartLine],
        parent=None,
    ) -> None:
        super().__init__(station, actor, session_id, title, self.tr("Approve (Enter)"), parent)
        self._approve = approve
        self.approved: CartLine | None = None
        self.about = QLabel(about)
        self.about.setObjectName("line_approval_about")
        self.about.setWordWrap(True)
        self.body_layout.insertWidget(0, self.about)
        self.reason = QLineEdit()
        self.reason.setObjectName("line_approval_reason")
        self.reason.setPlaceholderText(self.tr("Why, in a few words"))
        self.field(self.tr("R&eason"), self.reason, "reason")
        self.first_field = self.reason

    @classmethod
    def for_amount(
        cls, station, actor, session_id: str, line: CartLine, ceiling: Money, parent=None
    ) -> LineApprovalDialog:
        """A line above its service's ceiling (catalog `confirm_above_cents`)."""
        about = QCoreApplication.translate(
            "LineApprovalDialog",
            "{description} of {amount} is above {ceiling}: a supervisor confirms an amount "
            "that large, with the reason.",
        ).format(
            description=line.description, amount=line.amount.format(), ceiling=ceiling.format()
        )
        return cls(
            station,
            actor,
            session_id,
            QCoreApplication.translate("LineApprovalDialog", "Confirm a large amount"),
            about,
            lambda reason, approval: approved_lines.confirm_amount(
                station, actor, line, reason, approval
            ),
            parent,
        )

    @classmethod
    def for_penalty(
        cls, station, actor, session_id: str, owed: CartLine, number: str, parent=None
    ) -> LineApprovalDialog:
        """A late penalty owed on its own on the citation or license `number`."""
        about = QCoreApplication.translate(
            "LineApprovalDialog",
            "{number} was paid late without its penalty: {description} of {amount} is still "
            "owed. A supervisor approves charging it now, with the reason.",
        ).format(number=number, description=owed.description, amount=owed.amount.format())
        return cls(
            station,
            actor,
            session_id,
            QCoreApplication.translate("LineApprovalDialog", "Late penalty owed"),
            about,
            lambda reason, approval: approved_lines.penalty_on_its_own(
                station, actor, owed.service_code, number, reason, approval
            ),
            parent,
        )

    def outcome(self) -> CartLine | None:
        return self.approved

    def perform(self, approval) -> str:
        line = self._approve(self.reason.text(), approval)
        self.approved = line
        return self.tr("Approved: {description} of {amount} goes on the sale.").format(
            description=line.description, amount=line.amount.format()
        )
