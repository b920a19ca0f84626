"""Which dialog rings a service: the passport dialog, or the form built from its fields."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QWidget

from counterpos.services.clock import local_today
from counterpos.services.sale.service_rules import rules_for
from counterpos.ui.till.passport_dialog import PassportDialog
from counterpos.ui.till.service_line_dialog import ServiceLineDialog

if TYPE_CHECKING:
    from counterpos.ui.till.state import TillState


def rule_permission(code: str) -> tuple[str, str] | None:
    """(permission, what it allows) a service needs beyond "sell", or None. The till asks a
    supervisor on the spot before the form opens; complete_sale checks it again."""
    rules = rules_for(code)
    if rules is not None and rules.permission:
        return rules.permission, rules.permission_what
    return None


def line_dialog(state: TillState, code: str, parent: QWidget) -> QDialog:
    """The dialog, not yet open, that rings service `code` for the state's customer and
    account."""
    svc = state.service(code)
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


def reuse_key(state: TillState, code: str) -> tuple:
    """What a service's form was built for: a kept form is opened again only for the same
    service (as the catalog has it now: its fields and fee), customer, accounts (with their
    balances), chosen account and day."""
    customer = state.customer
    accounts = tuple(
        (a.account_no, a.balance.cents, a.service_address)
        for a in (customer.accounts if customer else ())
    )
    account = state.account.account_no if state.account is not None else None
    return (state.service(code), state.cart.customer_id, accounts, account, local_today())
