"""A bill stub scanned into the till's lookup: its customer, its account and a utility payment."""

from __future__ import annotations

from counterpos.services.errors import CounterError
from counterpos.services.utility.payments import scan_stub
from counterpos.ui.till.service_line_dialog import ServiceLineDialog


def open_stub_payment(till, text: str) -> None:
    """A keyboard-wedge scanner types the stub and Enter into the lookup: choose the stub's
    customer and account and open the utility payment with the stub's amount due."""
    try:
        pre = scan_stub(till.station, text)
    except CounterError as exc:
        till.lookup.clear()
        till.message.setText(str(exc))
        till.lookup.focus()
        return
    till.lookup.clear()
    till.choose_customer(pre.customer_id)
    panel = till.panel.panel
    if panel is None:
        return
    account = None
    for row, a in enumerate(panel.accounts):
        if a.account_no == pre.account_no:
            till.panel.accounts.selectRow(row)
            account = a
    dialog = ServiceLineDialog(
        till.station,
        till.service("utility_payment"),
        customer_panel=panel,
        account=account,
        parent=till,
        customer_id=pre.customer_id,
    )
    dialog.prefill_amount(pre.amount_due)  # the stub's amount, not the live balance
    till.open_line_dialog(dialog)
