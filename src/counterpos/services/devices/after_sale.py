"""What happens once a sale is saved: open the drawer (cash, check, money order), print the receipt."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.services.actor import Actor
from counterpos.services.devices import drawer_kick, printing
from counterpos.services.errors import DeviceError
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

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def message(self) -> str:
        if self.problems:
            return "\n".join(self.problems)
        return f"Sale {self.receipt_no} is saved and its receipt printed."


def after_sale(station: Station, actor: Actor, completed: CompletedSale) -> AfterSale:
    """Drawer first (the cashier needs it for change), then the receipt. Never raises on a
    hardware fault: the sale is already saved, each fault becomes a message."""
    problems: list[str] = []
    opened = False
    if completed.opens_drawer:
        try:
            opened = bool(drawer_kick.open_for_sale(station, actor, completed.receipt_no))
        except DeviceError as exc:
            problems.append(str(exc))
    printed = False
    preview = ""
    try:
        outcome = printing.print_receipt(station, actor, completed.receipt_no)
        printed = True
        if outcome.note.endswith(".txt"):
            preview = outcome.note
    except DeviceError as exc:
        problems.append(str(exc))
    return AfterSale(completed.receipt_no, printed, opened, tuple(problems), preview)
