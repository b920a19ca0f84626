"""Approved card requests onto a sale: finishing the sale with them, and relinking after a crash."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart
from counterpos.domain.kinds import SaleKind, TenderKind
from counterpos.domain.messages import word
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.card.fees import cart_with_fee, check_fee_charged
from counterpos.services.card.results import CardResult, request_row, result_of
from counterpos.services.errors import NotFound, StateError
from counterpos.services.sale import sales
from counterpos.services.station import Station
from counterpos.store.models import CardRequest, Sale, TenderRow

log = logging.getLogger(__name__)


def relink(session: Session, session_id: str) -> int:
    """Link approved requests to the sale that already holds their tender.

    `finish_sale` links the requests in the sale's own transaction; this repairs a sale saved
    with a card tender some other way (directly through `sales.complete_sale`, or by a station
    from before the link was atomic): the sale's card tender (same session, approval code, last
    four and amount, not yet claimed) names the request. Returns how many were linked.
    """
    rows = session.scalars(
        select(CardRequest).where(
            CardRequest.session_id == session_id,
            CardRequest.status.in_(("approved", "voided", "refunded")),
            CardRequest.sale_id.is_(None),
        )
    ).all()
    linked = 0
    for row in rows:
        claimed = select(CardRequest.sale_id).where(CardRequest.sale_id.is_not(None))
        sale_id = session.scalar(
            select(Sale.id)
            .join(TenderRow, TenderRow.sale_id == Sale.id)
            .where(
                Sale.session_id == session_id,
                Sale.kind == SaleKind.SALE,
                TenderRow.kind == TenderKind.CARD,
                TenderRow.reference == row.approval_code,
                TenderRow.card_last4 == row.last4,
                TenderRow.amount_cents == row.approved_cents,
                Sale.id.not_in(claimed),
            )
            .order_by(Sale.created_at)
            .limit(1)
        )
        if sale_id is not None:
            row.sale_id = sale_id
            session.flush()
            linked += 1
    return linked


def unattached_approvals(station: Station, session_id: str) -> list[CardResult]:
    """Approved card payments not yet on a sale: carry them into the sale or void them."""
    with station.store.write() as s:
        if relink(s, session_id):
            log.warning("card requests relinked to their sales in session %s", session_id)
    with station.store.read() as s:
        rows = s.scalars(
            select(CardRequest)
            .where(
                CardRequest.session_id == session_id,
                CardRequest.status == "approved",
                CardRequest.sale_id.is_(None),
            )
            .order_by(CardRequest.created_at)
        )
        return [result_of(r) for r in rows]


def finish_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    tenders: list[Tender],
    request_ids: list[str],
    *,
    approvals: Sequence[Approval] = (),
) -> sales.CompletedSale:
    """Complete the sale with the other tenders plus the approved card requests
    (`approvals` as for `sales.complete_sale`).

    Adds the convenience fee line (what the approved cards carried) and one card tender per
    approved request, and links the requests to the sale in the sale's own transaction.
    """
    with station.store.write() as s:
        relink(s, session_id)  # a sale saved before a crash keeps its card
    with station.store.read() as s:
        results = []
        for rid in request_ids:
            row = s.get(CardRequest, rid)
            if row is None or row.session_id != session_id:
                raise NotFound("That card payment does not belong to this drawer session.")
            if row.status != "approved":
                raise StateError(
                    "The card payment of {amount} is {status}.",
                    amount=Money(row.amount_cents),
                    status=word(row.status),
                )
            if row.sale_id is not None:
                raise StateError("That card payment is already on a sale.")
            results.append(result_of(row))
        # One fee for the sale, a function of its card total: each card carried its growth.
        fee = Money(sum(r.fee.cents for r in results))
        check_fee_charged(s, cart, Money(sum(r.base.cents for r in results)), fee)
    full_cart = cart_with_fee(cart, fee)

    def link(s: Session, sale: Sale) -> None:
        # In the sale's own transaction: a sale is never saved without its card requests
        # pointing at it, nor a request linked to a sale that was not saved.
        for r in results:
            row = request_row(s, r.request_id)
            if row.sale_id is not None:
                raise StateError("That card payment is already on a sale.")
            row.sale_id = sale.id

    return sales.complete_sale(
        station,
        actor,
        session_id,
        full_cart,
        [t for t in tenders if t.kind != TenderKind.CARD] + [r.tender for r in results],
        in_transaction=link,
        approvals=approvals,
    )
