"""Yard sale permit rules: consecutive-day limit and the per-address yearly limit."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from counterpos.domain.address import normalise_address
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.kinds import SaleKind
from counterpos.services import settings
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.errors import InputError
from counterpos.services.sale.service_rules import PriceContext, SaleContext, ServiceRules, register
from counterpos.services.sale.voids import voided_sales
from counterpos.store import plain_read
from counterpos.store.models import IssuedDocument, Sale

DOC_TYPE = "yard_sale_permit"


_PERMITS = (
    select(IssuedDocument.holder)
    .join(Sale, Sale.id == IssuedDocument.sale_id)
    .where(
        IssuedDocument.doc_type == DOC_TYPE,
        Sale.kind == SaleKind.SALE,
        IssuedDocument.valid_from.between(bindparam("first"), bindparam("last")),
        # Only holders that could be the address: every one whose key equals it holds its
        # house number as it is (digits do not change case), so the year's other permits
        # are not read and compared one by one.
        IssuedDocument.holder.like(bindparam("pattern")),
    )
    .where(Sale.id.not_in(voided_sales()))
)


def _number_pattern(key: str) -> str:
    """A LIKE pattern every holder with this address key matches: its longest run of digits
    (a house number), or anything when it has none."""
    digits = max((t for t in key.split() if t.isdigit()), key=len, default="")
    return f"%{digits}%"


def _days(details: dict[str, Any]) -> int:
    try:
        return int(details.get("days", 1))
    except (TypeError, ValueError):
        return 0


def check_permit(
    session: Session, details: dict[str, Any], in_cart: Iterable[dict[str, Any]] = ()
) -> None:
    """Refuse a permit over the day limit, over the address's yearly limit, or for an address
    and days a permit in the same cart already covers."""
    days = _days(details)
    max_days = settings.get_int(session, "yard_sale.max_days")
    if not 1 <= days <= max_days:
        raise InputError(
            "A yard sale permit covers 1 to {max_days} consecutive days.",
            field="days",
            max_days=max_days,
        )
    start = date.fromisoformat(details["start_date"])
    end = start + timedelta(days=days - 1)
    address = normalise_address(details["address"])
    limit = settings.get_int(session, "yard_sale.max_per_year")
    held = plain_read.rows(
        session,
        _PERMITS,
        {
            "first": date(start.year, 1, 1),
            "last": date(start.year, 12, 31),
            "pattern": _number_pattern(address),
        },
    )
    issued = sum(1 for (holder,) in held if normalise_address(holder) == address)
    for other in in_cart:
        if normalise_address(other["address"]) != address:
            continue
        first = date.fromisoformat(other["start_date"])
        last = first + timedelta(days=_days(other) - 1)
        if first <= end and start <= last:
            raise InputError(
                "The cart already has a yard sale permit for {address} on these days: one"
                " permit covers an address's sale.",
                field="address",
                address=details["address"],
            )
        if first.year == start.year:
            issued += 1
    if issued >= limit:
        raise InputError(
            "{address} has had {issued} yard sale permit in {year}; the limit is {limit} a "
            "calendar year."
            if issued == 1
            else "{address} has had {issued} yard sale permits in {year}; the limit is {limit} a "
            "calendar year.",
            field="address",
            address=details["address"],
            issued=issued,
            year=start.year,
            limit=limit,
        )


@register
class YardSaleRules(ServiceRules):
    """The permit: limits checked at pricing and again inside the sale; a permit document issued."""

    codes = (DOC_TYPE,)
    insert_only = True  # its one read (the address's permits) sees nothing this sale queued

    def prepare(self, ctx: PriceContext) -> None:
        start = date.fromisoformat(ctx.clean["start_date"])
        if start < ctx.on:
            raise InputError("A yard sale permit cannot start in the past.", field="start_date")
        check_permit(ctx.session, ctx.clean)

    def once_key(self, clean: dict) -> str:
        days = _days(clean)
        start = date.fromisoformat(clean["start_date"])
        return (
            f"A yard sale permit for {normalise_address(clean['address'])} from "
            f"{start:%m/%d/%Y} ({days} day{'s' if days != 1 else ''})"
        )

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        earlier = [other.details for other in cart.lines[:index] if other.service_code == DOC_TYPE]
        if earlier:  # the permit alone was checked when the line was priced again
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
