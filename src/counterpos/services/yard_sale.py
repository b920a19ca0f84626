"""Yard sale permit rules: consecutive-day limit and the per-address yearly limit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased

from counterpos.services import settings
from counterpos.services.errors import InputError
from counterpos.store.models import IssuedDocument, Sale

_Void = aliased(Sale)

DOC_TYPE = "yard_sale_permit"


def normalise_address(address: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", address.lower()).strip()


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
        .where(IssuedDocument.doc_type == DOC_TYPE, Sale.kind == "sale")
        # A permit whose sale was voided (services/voids.py) no longer counts.
        .where(~exists().where(_Void.original_sale_id == Sale.id, _Void.kind == "void"))
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
