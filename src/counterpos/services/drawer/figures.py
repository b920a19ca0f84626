"""The sums of one drawer session, read with a few aggregate queries (cost grows with its sales)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from counterpos.domain.drawer_balance import CashMovements
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.money import Money
from counterpos.store.models import DrawerSession


@dataclass(frozen=True)
class ListedItem:
    """A check or money order the drawer should hold."""

    tender_id: str
    kind: str  # check, money_order
    number: str
    payer: str
    amount: Money
    receipt_no: str


@dataclass(frozen=True)
class SessionFigures:
    movements: CashMovements
    card_total: Money
    card_count: int
    items: tuple[ListedItem, ...]  # checks and money orders of sales not voided


_TENDER_SUMS = text(
    "SELECT s.kind AS sale_kind, t.kind AS kind, COUNT(*) AS n, "
    "SUM(t.amount_cents) AS applied, SUM(t.tendered_cents) AS tendered, "
    "SUM(t.change_cents) AS change FROM tender t JOIN sale s ON s.id = t.sale_id "
    "WHERE s.session_id = :sid GROUP BY s.kind, t.kind"
)
_PAID = text(
    "SELECT direction, SUM(amount_cents) FROM paid_in_out WHERE session_id = :sid GROUP BY direction"
)
_ITEMS = text(
    "SELECT t.id, t.kind, t.reference, t.payer, t.amount_cents, s.receipt_no "
    "FROM tender t JOIN sale s ON s.id = t.sale_id "
    f"WHERE s.session_id = :sid AND s.kind = '{SaleKind.SALE}' "
    f"AND t.kind IN ('{TenderKind.CHECK}', '{TenderKind.MONEY_ORDER}') "
    "AND s.id NOT IN (SELECT original_sale_id FROM sale "
    f"                 WHERE session_id = :sid AND kind = '{SaleKind.VOID}') "
    "ORDER BY s.sequence, t.position"
)


def session_figures(s: Session, session_id: str) -> SessionFigures:
    drawer = s.get_one(DrawerSession, session_id)
    taken = change = refunds = card = card_n = 0
    for row in s.execute(_TENDER_SUMS, {"sid": session_id}):
        if row.kind == TenderKind.CASH:
            if row.sale_kind == SaleKind.REFUND:
                refunds += -int(row.applied)
            else:  # sales and the negative mirrors of voided sales
                taken += int(row.tendered)
                change += int(row.change)
        elif row.kind == TenderKind.CARD:
            card += int(row.applied)
            card_n += row.n if row.sale_kind == SaleKind.SALE else -row.n
    paid = {d: int(v) for d, v in s.execute(_PAID, {"sid": session_id})}
    items = tuple(
        ListedItem(r[0], r[1], r[2], r[3], Money(r[4]), r[5])
        for r in s.execute(_ITEMS, {"sid": session_id})
    )
    return SessionFigures(
        CashMovements(
            opening_float=Money(drawer.opening_float_cents),
            cash_taken=Money(taken),
            change_given=Money(change),
            paid_in=Money(paid.get("in", 0)),
            paid_out=Money(paid.get("out", 0)),
            cash_refunds=Money(refunds),
        ),
        Money(card),
        card_n,
        items,
    )
