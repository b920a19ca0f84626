"""Card totals for end of day: the session's card tenders by brand, and the terminal's batch."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.hardware import card_terminal as ct
from counterpos.services.card.settings import terminal_for
from counterpos.services.errors import DeviceError
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, Sale, TenderRow


@dataclass(frozen=True)
class BrandTotal:
    brand: str
    count: int
    total: Money


def card_totals_by_brand(station: Station, session_id: str) -> list[BrandTotal]:
    """Card tenders of the session's sales by brand, less those voided or refunded."""
    with station.store.read() as s:
        reversed_sales = set(
            s.scalars(
                select(Sale.original_sale_id).where(
                    Sale.session_id == session_id, Sale.original_sale_id.is_not(None)
                )
            )
        )
        reversed_sales |= set(
            s.scalars(
                select(CardRequest.sale_id).where(
                    CardRequest.session_id == session_id,
                    CardRequest.status.in_(("voided", "refunded")),
                    CardRequest.sale_id.is_not(None),
                )
            )
        )
        rows = s.execute(
            select(Sale.id, TenderRow.card_brand, TenderRow.amount_cents)
            .join(TenderRow, TenderRow.sale_id == Sale.id)
            .where(
                Sale.session_id == session_id,
                Sale.kind == SaleKind.SALE,
                TenderRow.kind == TenderKind.CARD,
            )
        ).all()
    totals: dict[str, list[int]] = {}
    for sale_id, brand, cents in rows:
        if sale_id in reversed_sales:
            continue
        t = totals.setdefault(brand or "other", [0, 0])
        t[0] += 1
        t[1] += cents
    return [BrandTotal(b, n, Money(c)) for b, (n, c) in sorted(totals.items())]


def terminal_batch_total(
    station: Station, *, terminal: ct.CardTerminal | None = None
) -> dict[str, Money]:
    """The terminal's own batch totals by brand, for the cashier to confirm at end of day."""
    terminal = terminal or terminal_for(station)
    try:
        data = terminal.batch_total()
    except ct.TerminalError as exc:
        raise DeviceError("The card terminal did not give its batch total: {exc}", exc=exc) from exc
    return {str(b): Money(int(c)) for b, c in dict(data.get("by_brand", {})).items()}
