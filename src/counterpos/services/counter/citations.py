"""Citation payments: look the citation up, its amount, and the late penalty after 21 days."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.fee_rules import FeeInput, compute_fee
from counterpos.domain.kinds import SaleKind
from counterpos.domain.money import Money
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.sale.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.station import Station
from counterpos.store.models import Citation, CitationPayment, Sale, SaleLine

PAYMENT = "citation"
PENALTY = "citation_late_penalty"
_NUMBER = re.compile(r"[A-Z]{0,3}\d{4,12}")


@dataclass(frozen=True)
class CitationView:
    citation_no: str
    issued_on: date
    amount: Money
    violation: str
    name: str
    plate: str
    paid: bool
    late: bool


def normalise(citation_no: str) -> str:
    text = re.sub(r"[\s-]", "", str(citation_no or "")).upper()
    if not _NUMBER.fullmatch(text):
        raise InputError(
            "“{citation_no}” is not a citation number (digits, with up to three letters before).",
            field="citation_no",
            citation_no=citation_no,
        )
    return text


def paid_line(session: Session, citation_no: str) -> SaleLine | None:
    """The sale line that paid the citation, unless that sale was voided."""
    voided = select(Sale.original_sale_id).where(
        Sale.kind == SaleKind.VOID, Sale.original_sale_id.is_not(None)
    )
    return session.scalar(
        select(SaleLine)
        .join(CitationPayment, CitationPayment.sale_line_id == SaleLine.id)
        .where(CitationPayment.citation_no == citation_no, SaleLine.sale_id.not_in(voided))
        .limit(1)
    )


def late_penalty(session: Session, issued_on: date, on: date) -> Money:
    """The penalty the fee schedule sets for a citation of that date ($0 while not late)."""
    rule = rule_in_effect(session, PENALTY, on)
    return compute_fee(rule, FeeInput(attributes={"issued_on": issued_on}, on=on))


def view(session: Session, citation_no: str, on: date) -> CitationView:
    no = normalise(citation_no)
    c = session.get(Citation, no)
    if c is None:
        raise NotFound("There is no citation {no}; check the number on the ticket.", no=no)
    return CitationView(
        c.citation_no,
        c.issued_on,
        Money(c.amount_cents),
        c.violation,
        c.name,
        c.plate,
        paid_line(session, no) is not None,
        late_penalty(session, c.issued_on, on).cents > 0,
    )


def lookup(station: Station, citation_no: str, on: date | None = None) -> CitationView:
    from counterpos.services.clock import local_today  # noqa: PLC0415

    with station.store.read() as s:
        return view(s, citation_no, on or local_today())


@register
class CitationRules(ServiceRules):
    codes = (PAYMENT,)

    def prepare(self, ctx: PriceContext) -> None:
        v = view(ctx.session, str(ctx.clean.get("citation_no", "")), ctx.on)
        if v.paid:
            raise InputError(
                "Citation {citation_no} is already paid.",
                field="citation_no",
                citation_no=v.citation_no,
            )
        ctx.clean["citation_no"] = v.citation_no
        ctx.clean["issued_on"] = v.issued_on.isoformat()
        ctx.attrs["citation_amount_cents"] = v.amount.cents
        ctx.clean.pop("late", None)
        if v.late:
            ctx.clean["late"] = True

    def once_key(self, clean: dict) -> str:
        return f"Citation {clean['citation_no']}"

    def companions(self, line: CartLine) -> list[Companion]:
        if line.details.get("late"):
            return [Companion(PENALTY, {"citation_no": line.details["citation_no"]})]
        return []

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        no = line.details["citation_no"]
        if paid_line(session, no) is not None:
            raise InputError("Citation {no} is already paid.", field="citation_no", no=no)
        if any(
            x.details.get("citation_no") == no
            for x in cart.lines[:index]
            if x.service_code == PAYMENT
        ):
            raise InputError("Citation {no} is in the cart twice.", field="cart", no=no)
        if line.details.get("late") and not any(
            x.service_code == PENALTY and x.details.get("citation_no") == no for x in cart.lines
        ):
            raise InputError(
                "Citation {no} is past due: add the late penalty.", field="cart", no=no
            )

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        no = line.details["citation_no"]
        penalty = sum(
            x.amount.cents
            for x in ctx.cart.lines
            if x.service_code == PENALTY and x.details.get("citation_no") == no
        )
        ctx.session.add(
            CitationPayment(
                citation_no=no,
                sale_line_id=row.id,
                amount_cents=line.amount.cents,
                penalty_cents=penalty,
            )
        )


def _after_days(session: Session, on: date) -> int:
    return int(rule_in_effect(session, PENALTY, on).get("after_days", 0))


def _penalty_owed_after_payment(session: Session, v: CitationView, on: date) -> None:
    """A penalty on its own: the citation was paid late, without it, and it is still unpaid."""
    from counterpos.services.clock import to_local  # noqa: PLC0415

    line = paid_line(session, v.citation_no)
    payment = (
        session.scalar(select(CitationPayment).where(CitationPayment.sale_line_id == line.id))
        if line is not None
        else None
    )
    days = _after_days(session, on)
    if (
        payment is None
        or payment.penalty_cents
        or not late_penalty(session, v.issued_on, to_local(payment.created_at).date()).cents
        or _penalty_paid(session, v.citation_no)
    ):
        raise InputError(
            "No late penalty is owed on citation {citation_no}: it was paid within {days}"
            " days, or with its penalty, or the penalty was paid since.",
            field="citation_no",
            citation_no=v.citation_no,
            days=days,
        )


def _penalty_paid(session: Session, citation_no: str) -> bool:
    voided = select(Sale.original_sale_id).where(Sale.kind == SaleKind.VOID)
    return (
        session.connection()
        .execute(
            select(SaleLine.id)
            .join(Sale, Sale.id == SaleLine.sale_id)
            .where(
                SaleLine.service_code == PENALTY,
                func.json_extract(SaleLine.details, "$.citation_no") == citation_no,
                Sale.kind == SaleKind.SALE,
                Sale.id.not_in(voided),
            )
            .limit(1)
        )
        .first()
        is not None
    )


@register
class CitationPenaltyRules(ServiceRules):
    """The $25 after 21 days unpaid: with its citation, once; owed on a citation paid earlier
    without it, on its own with a supervisor's approval (sale/approved_lines.py)."""

    codes = (PENALTY,)

    def prepare(self, ctx: PriceContext) -> None:
        v = view(ctx.session, str(ctx.clean.get("citation_no", "")), ctx.on)
        ctx.clean["citation_no"] = v.citation_no
        ctx.attrs["issued_on"] = v.issued_on
        if ctx.raw.get("approval_ref"):
            if not v.paid:
                raise InputError(
                    "Citation {citation_no} is not paid: its late penalty is rung with it.",
                    field="citation_no",
                    citation_no=v.citation_no,
                )
            _penalty_owed_after_payment(ctx.session, v, ctx.on)
            return
        if v.paid:
            raise InputError(
                "Citation {citation_no} is already paid: a late penalty owed on it is a "
                "supervisor's approval with a reason.",
                field="citation_no",
                citation_no=v.citation_no,
            )
        if not v.late:
            raise InputError(
                "Citation {citation_no} is not late yet: the late penalty is added after "
                "{days} days unpaid.",
                field="citation_no",
                citation_no=v.citation_no,
                days=_after_days(ctx.session, ctx.on),
            )
