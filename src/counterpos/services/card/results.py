"""What the till sees of a card request: its status, amounts and the sentence for the cashier."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from counterpos.domain.kinds import TenderKind
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.clock import local_today, to_local
from counterpos.services.errors import NotFound
from counterpos.store.models import CardRequest
from counterpos.store.models.card_request import OPEN_STATUSES


@dataclass(frozen=True)
class CardResult:
    request_id: str
    status: str  # pending, unknown, approved, declined, cancelled, voided, refunded
    requested: Money
    approved: Money
    base: Money  # part of `approved` that pays the sale
    fee: Money  # part of `approved` that is the convenience fee
    brand: str = ""
    last4: str = ""
    approval_code: str = ""
    terminal_ref: str = ""
    reason: str = ""
    sale_id: str | None = None
    approved_at: datetime | None = None  # naive UTC, when the terminal's answer was recorded
    orphaned: bool = False  # approved, found later not on a saved sale (services/card/unattached)
    session_id: str = ""

    @property
    def is_approved(self) -> bool:
        return self.status == "approved"

    @property
    def is_partial(self) -> bool:
        return self.is_approved and self.approved.cents < self.requested.cents

    @property
    def is_unknown(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def tender(self) -> Tender:
        """The card tender for `sales.complete_sale` (approved requests only)."""
        return Tender(
            kind=TenderKind.CARD,
            amount=self.approved,
            reference=self.approval_code,
            # a card approved earlier and attached to the sale rung again is named on the receipt
            payer=self.earlier_note() if self.orphaned else "",
            card_brand=self.brand,
            card_last4=self.last4,
        )

    def earlier_note(self) -> str:
        """How the receipt names a card approved earlier: when, which card, the terminal's ref."""
        when = ""
        if self.approved_at is not None:
            local = to_local(self.approved_at)
            when = f"{local:%H:%M}" if local.date() == local_today() else f"{local:%m/%d %H:%M}"
        ref = self.terminal_ref or self.approval_code
        parts = ["Card approved earlier", when, f"{self.brand.upper()} ...{self.last4}"]
        if ref:
            parts.append(f"ref {ref}")
        return ", ".join(p for p in parts if p)[:80]

    def message(self) -> str:
        """One plain sentence for the cashier."""
        if self.status == "approved":
            if self.is_partial:
                return (
                    f"Partly approved: {self.approved} of {self.requested}. "
                    "Take the rest another way."
                )
            return f"Approved: {self.approved}, {self.brand.upper()} ending {self.last4}."
        if self.status in OPEN_STATUSES:
            return (
                "The terminal has not said whether the card was charged. Do not run the card "
                "again: check the terminal's status first."
            )
        if self.status == "declined":
            return f"Declined: {self.reason or 'the card was not accepted'}."
        if self.status == "cancelled":
            return f"Cancelled: {self.reason or 'nothing was charged'}."
        return f"{self.status.capitalize()}."


def request_row(s: Session, request_id: str) -> CardRequest:
    """The card request with this id, or NotFound."""
    row = s.get(CardRequest, request_id)
    if row is None:
        raise NotFound("There is no such card request.")
    return row


def result_of(row: CardRequest) -> CardResult:
    return CardResult(
        request_id=row.request_id,
        status=row.status,
        requested=Money(row.amount_cents),
        approved=Money(row.approved_cents),
        base=Money(row.approved_cents - row.approved_fee_cents),
        fee=Money(row.approved_fee_cents),
        brand=row.brand,
        last4=row.last4,
        approval_code=row.approval_code,
        terminal_ref=row.terminal_ref,
        reason=row.reason,
        sale_id=row.sale_id,
        approved_at=row.resolved_at,
        orphaned=row.orphaned_at is not None,
        session_id=row.session_id,
    )
