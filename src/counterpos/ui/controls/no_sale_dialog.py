"""Opening the drawer without a sale: a reason, the permission or a supervisor, then the kick."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from counterpos.services.drawer import no_sale
from counterpos.ui.controls.approved_action import ApprovedActionDialog


class NoSaleDialog(ApprovedActionDialog):
    permission = "no_sale"

    def __init__(self, station, actor, session_id: str, parent=None) -> None:
        super().__init__(
            station,
            actor,
            session_id,
            self.tr("Open the drawer (no sale)"),
            self.tr("Open drawer (Enter)"),
            parent,
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("no_sale_reason")
        self.reason.setPlaceholderText(self.tr("e.g. change for a customer"))
        self.field(self.tr("&Reason"), self.reason, "reason")
        self.first_field = self.reason

    def perform(self, approval) -> str:
        # The kick waits at most drawer.open_within seconds; a fault is a plain DeviceError.
        self.result = no_sale.no_sale(
            self.station,
            self.actor,
            self.reason.text(),
            session_id=self.session_id,
            approval=approval,
        )
        return self.result
