"""Transit bus passes: pass type, the card (new or reload) and the validity period."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from counterpos.domain.cart import CartLine
from counterpos.services.counter.issued_documents import issue_document
from counterpos.services.errors import InputError
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)

PASS = "bus_pass"
NEW_CARD = "bus_card_new"
MONTHLY = ("adult_monthly", "senior_monthly", "student_monthly")
RIDE_CARD_DAYS = 365
_CARD = re.compile(r"\d{8,16}")


def validity(pass_type: str, on: date, month: str = "this") -> tuple[date, date]:
    """First and last day the pass is good for."""
    if pass_type in MONTHLY:
        first = on.replace(day=1)
        if month == "next":
            first = (first + timedelta(days=32)).replace(day=1)
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return (on if month == "this" else first), last
    if pass_type == "day_pass":
        return on, on
    return on, on + timedelta(days=RIDE_CARD_DAYS - 1)


@register
class BusPassRules(ServiceRules):
    codes = (PASS,)

    def prepare(self, ctx: PriceContext) -> None:
        c = ctx.clean
        card = re.sub(r"[\s-]", "", str(c.get("card_no", "")))
        if not _CARD.fullmatch(card):
            raise InputError(
                "Card number: the 8 to 16 digits printed on the back of the card.", field="card_no"
            )
        c["card_no"] = card
        action = c.get("card_action", "reload")
        if action not in ("new", "reload"):
            raise InputError("Choose a new card or a reload.", field="card_action")
        c["card_action"] = action
        month = c.get("month", "this")
        if c["pass_type"] not in MONTHLY and month == "next":
            raise InputError("Only a monthly pass can be bought for next month.", field="month")
        first, last = validity(c["pass_type"], ctx.on, month)
        c["valid_from"], c["valid_to"] = first.isoformat(), last.isoformat()

    def companions(self, line: CartLine) -> list[Companion]:
        if line.details.get("card_action") == "new":
            return [Companion(NEW_CARD, {})]
        return []

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        d = line.details
        issue_document(
            ctx,
            row,
            PASS,
            f"BP-{ctx.receipt_no}{ctx.doc_suffix(row.line_no)}",
            holder=d["card_no"],
            valid_from=date.fromisoformat(d["valid_from"]),
            valid_to=date.fromisoformat(d["valid_to"]),
        )
