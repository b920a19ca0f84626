"""Yard sale permit rules: consecutive-day limit and the per-address yearly limit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.address import normalise_address
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.kinds import SaleKind
from counterpos.services import settings
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.errors import InputError
from counterpos.services.sale.service_rules import PriceContext, SaleContext, ServiceRules, register
from counterpos.services.sale.voids import voided_sales
from counterpos.store.models import IssuedDocument, Sale

DOC_TYPE = "yard_sale_permit"


def check_permit(
    session: Session, details: dict[str, Any], in_cart: Iterable[dict[str, Any]] = ()
) -> None:
    """Refuse a permit over the day limit or over the address's yearly limit."""
    days = int(details.get("days", 1))
    max_days = settings.get_int(session, "yard_sale.max_days")
    if days > max_days:
        raise InputError(
            f"A yard sale permit covers at most {max_days} consecutive days.", field="days"
        )
    start = date.fromisoformat(details["start_date"])
    address = normalise_address(details["address"])
    limit = settings.get_int(session, "yard_sale.max_per_year")
    issued = 0
    for doc in session.scalars(
        select(IssuedDocument)
        .join(Sale, Sale.id == IssuedDocument.sale_id)
        .where(IssuedDocument.doc_type == DOC_TYPE, Sale.kind == SaleKind.SALE)
        .where(Sale.id.not_in(voided_sales()))
    ):
        if (
            doc.valid_from
            and doc.valid_from.year == start.year
            and normalise_address(doc.holder) == address
        ):
            issued += 1
    for other in in_cart:
        if (
            normalise_address(other["address"]) == address
            and date.fromisoformat(other["start_date"]).year == start.year
        ):
            issued += 1
    if issued >= limit:
        raise InputError(
            f"{details['address']} has had {issued} yard sale permit{'s' if issued != 1 else ''} in {start.year}; "
            f"the limit is {limit} a calendar year.",
            field="address",
        )


@register
class YardSaleRules(ServiceRules):
    """The permit: limits checked at pricing and again inside the sale; a permit document issued."""

    codes = (DOC_TYPE,)

    def prepare(self, ctx: PriceContext) -> None:
        start = date.fromisoformat(ctx.clean["start_date"])
        if start < ctx.on:
            raise InputError("A yard sale permit cannot start in the past.", field="start_date")
        check_permit(ctx.session, ctx.clean)

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        earlier = [other.details for other in cart.lines[:index] if other.service_code == DOC_TYPE]
        check_permit(session, line.details, earlier)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        start = date.fromisoformat(line.details["start_date"])
        doc_no = f"YS-{ctx.receipt_no}{ctx.doc_suffix(row.line_no)}"
        issue_document(
            ctx,
            row,
            DOC_TYPE,
            doc_no,
            holder=line.details["address"],
            valid_from=start,
            valid_to=start + timedelta(days=int(line.details.get("days", 1)) - 1),
        )
