"""Which dialog rings a service: the passport dialog, or the form built from its fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from counterpos.services.sale.service_rules import rules_for
from counterpos.ui.till.passport_dialog import PassportDialog
from counterpos.ui.till.service_line_dialog import ServiceLineDialog

if TYPE_CHECKING:
    from counterpos.ui.till.state import TillState


def line_dialog(state: TillState, code: str, parent: QWidget) -> QDialog:
    """The dialog, not yet open, that rings service `code` for the state's customer and
    account. Raises PermissionDenied at once for a service this cashier may not sell:
    said now, not after the customer has paid (complete_sale would refuse it anyway)."""
    svc = state.service(code)
    rules = rules_for(code)
    if rules is not None and rules.permission:
        state.actor.require(rules.permission, rules.permission_what)
    if any(f.get("dialog") == "passport" for f in svc.fields):
        return PassportDialog(state.station, state.cart.customer_id, parent=parent)
    return ServiceLineDialog(
        state.station,
        svc,
        customer_panel=state.customer,
        account=state.account,
        parent=parent,
        customer_id=state.cart.customer_id,
    )
