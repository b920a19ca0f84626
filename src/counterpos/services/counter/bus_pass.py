"""Transit bus passes: pass type, the card (new or reload) and the validity period.

A monthly pass is good for a calendar month (domain/license_term.py counts it); from a set day
of the month (setting `bus_pass.next_month_from_day`) the till offers next month first and says
why, so a pass sold on the 30th is not, without a word, good for one day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.license_term import Term
from counterpos.services import settings
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
MONTH = Term(months=1)
DAY = Term(days=1)
RIDE_CARD = Term(years=1)  # a 10-ride card is good for a year
NEXT_MONTH_FROM = "bus_pass.next_month_from_day"
_CARD = re.compile(r"\d{8,16}")


def validity(pass_type: str, on: date, month: str = "this") -> tuple[date, date]:
    """First and last day the pass is good for."""
    if pass_type in MONTHLY:
        first = on.replace(day=1)
        if month == "next":
            first = MONTH.anniversary(first)
        return (on if month == "this" else first), MONTH.end(first)
    if pass_type == "day_pass":
        return on, DAY.end(on)
    return on, RIDE_CARD.end(on)


def next_month_first(session: Session, on: date) -> str:
    """Why next month's pass is offered first on `on`, or "" before the set day of the month."""
    from_day = settings.get_int(session, NEXT_MONTH_FROM)
    if on.day < from_day:
        return ""
    left = calendar.monthrange(on.year, on.month)[1] - on.day + 1
    return (
        f"from the {from_day}{_th(from_day)} next month is offered first: a pass for this "
        f"month is good for {left} more day{'s' if left != 1 else ''}"
    )


def _th(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@register
class BusPassRules(ServiceRules):
    codes = (PASS,)
    insert_only = True  # its document is queued with the sale's rows: it reads nothing then

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
        month = c.get("month") or (
            "next"
            if c["pass_type"] in MONTHLY and next_month_first(ctx.session, ctx.on)
            else "this"
        )
        c["month"] = month
        if c["pass_type"] not in MONTHLY and month == "next":
            raise InputError("Only a monthly pass can be bought for next month.", field="month")
        first, last = validity(c["pass_type"], ctx.on, month)
        c["valid_from"], c["valid_to"] = first.isoformat(), last.isoformat()

    def offered_fields(
        self, session: Session, fields: Sequence[dict[str, Any]], on: date
    ) -> Sequence[dict[str, Any]]:
        """From the set day of the month, next month's pass first, and why."""
        why = next_month_first(session, on)
        if not why:
            return fields
        out = []
        for spec in fields:
            if spec["name"] == "month":
                labels = dict(spec["choices"])
                spec = {
                    **spec,
                    "choices": [
                        ["next", f"{labels.get('next', 'Next month')} ({why})"],
                        ["this", labels.get("this", "This month")],
                    ],
                }
            out.append(spec)
        return out

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
