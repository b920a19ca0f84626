"""A bill stub scanned into the till's lookup: its customer, its account and a utility payment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from counterpos.services.utility.payments import scan_stub
from counterpos.ui.till.service_line_dialog import ServiceLineDialog

if TYPE_CHECKING:
    from counterpos.ui.till.state import TillState


def stub_payment(state: TillState, text: str, parent: QWidget) -> ServiceLineDialog:
    """A keyboard-wedge scanner typed `text` and Enter into the lookup: make the stub's customer
    and account the chosen ones and return the utility payment, not yet open, with the stub's
    amount due typed in. Raises CounterError (plainly worded) for a stub that does not scan."""
    pre = scan_stub(state.station, text)
    state.choose_customer(pre.customer_id)
    account = next((a for a in state.customer.accounts if a.account_no == pre.account_no), None)
    if account is not None:
        state.select_account(account)
    dialog = ServiceLineDialog(
        state.station,
        state.service("utility_payment"),
        customer_panel=state.customer,
        account=account,
        parent=parent,
        customer_id=pre.customer_id,
    )
    dialog.prefill_amount(pre.amount_due)  # the stub's amount, not the live balance
    return dialog
