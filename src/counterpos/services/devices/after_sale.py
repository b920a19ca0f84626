"""What happens once a sale is saved: open the drawer (cash, check, money order), print the receipt."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.messages import Msg
from counterpos.services import settings
from counterpos.services.actor import Actor
from counterpos.services.devices import drawer_kick, printing
from counterpos.services.errors import DeviceError
from counterpos.services.sale import receipts
from counterpos.services.sale.sales import CompletedSale
from counterpos.services.station import Station


@dataclass(frozen=True)
class AfterSale:
    """The hardware's answer for a saved sale. `problems` are plain messages for the cashier."""

    receipt_no: str
    printed: bool
    drawer_opened: bool
    problems: tuple[str, ...] = ()
    preview: str = ""  # the preview printer's text file, when printing to preview
    confirmed: bool = True  # False: the printer took the bytes but reports no status

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        if self.problems:
            return "\n".join(self.problems)
        if not self.confirmed:
            return str(
                Msg(
                    "Sale {receipt_no} is saved; its receipt was sent to the printer, not "
                    "confirmed (the printer does not report its status): check that it printed.",
                    receipt_no=self.receipt_no,
                )
            )
        return str(
            Msg("Sale {receipt_no} is saved and its receipt printed.", receipt_no=self.receipt_no)
        )


def after_sale(station: Station, actor: Actor, completed: CompletedSale) -> AfterSale:
    """Drawer first (the cashier needs it for change), then the receipt. Never raises on a
    hardware fault: the sale is already saved, each fault becomes a message.

    The receipt printed is `completed.receipt`, the one the screen shows (receipts.with_receipt),
    read back here only when the sale comes without it; the settings are read once for both."""
    with station.store.read() as s:
        values = settings.all_values(s)
    problems: list[str] = []
    opened = False
    if completed.opens_drawer:
        try:
            opened = bool(drawer_kick.open_for_sale(station, actor, completed.receipt_no, values))
        except DeviceError as exc:
            problems.append(str(exc))
    doc = completed.receipt
    if doc is None:
        with station.store.read() as s:
            doc = receipts.document_for(s, completed.sale_id, values=values)
    printed = False
    confirmed = True
    preview = ""
    try:
        outcome = printing.print_document(station, actor, completed.sale_id, doc, values)
        printed, confirmed = True, outcome.confirmed
        if outcome.note.endswith(".txt"):
            preview = outcome.note
    except DeviceError as exc:
        problems.append(str(exc))
    return AfterSale(completed.receipt_no, printed, opened, tuple(problems), preview, confirmed)
