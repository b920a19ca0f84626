"""The service catalog as the till sees it, and pricing a line from the fee rule in effect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, TypedDict, Unpack

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.document_language import either
from counterpos.domain.fee_rules import FeeInput, FeeRuleError, compute_fee, needs_entered_amount
from counterpos.domain.money import Money, MoneyError
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import FeeSchedule, GlAccount, Service


@dataclass(frozen=True)
class ServiceView:
    code: str
    name: str
    category: str
    gl_account: str
    hotkey: str
    fields: tuple[dict[str, Any], ...]
    rule: dict[str, Any]

    @property
    def takes_amount(self) -> bool:
        return needs_entered_amount(self.rule)

    @property
    def takes_quantity(self) -> bool:
        return self.rule.get("kind") == "per_quantity"


def rule_in_effect(session: Session, service_code: str, on: date) -> dict[str, Any]:
    row = session.scalar(
        select(FeeSchedule)
        .where(FeeSchedule.service_code == service_code, FeeSchedule.effective_from <= on)
        .order_by(FeeSchedule.effective_from.desc(), FeeSchedule.created_at.desc())
        .limit(1)
    )
    if row is None:
        raise NotFound(
            f"No fee is in effect for {service_code} on {on:%m/%d/%Y}; ask a supervisor."
        )
    return row.rule


def list_services(station: Station, on: date | None = None) -> list[ServiceView]:
    on = on or local_today()
    with station.store.read() as s:
        rows = s.scalars(select(Service).where(Service.active).order_by(Service.sort_order)).all()
        return [
            ServiceView(
                r.code,
                r.name,
                r.category,
                r.gl_account,
                r.hotkey,
                tuple(r.fields or ()),
                rule_in_effect(s, r.code, on),
            )
            for r in rows
        ]


def misc_gl_accounts(station: Station) -> list[tuple[str, str]]:
    with station.store.read() as s:
        return [
            (g.code, g.name)
            for g in s.scalars(
                select(GlAccount).where(GlAccount.misc_allowed).order_by(GlAccount.code)
            )
        ]


class LineRequest(TypedDict, total=False):
    """What the till says of a line to price: the details the service captures, an amount the
    cashier typed (a bill payment, a misc receipt), how many, on which day, for whom."""

    details: dict[str, Any] | None
    amount_text: str | None
    quantity: int
    on: date | None
    customer_id: str | None


def price_line(station: Station, service_code: str, **request: Unpack[LineRequest]) -> CartLine:
    """Build a priced cart line, validating the details the service captures."""
    with station.store.read() as s:
        return price_line_in(s, service_code, **request)


def price_line_in(
    s: Session,
    service_code: str,
    *,
    details: dict[str, Any] | None = None,
    amount_text: str | None = None,
    quantity: int = 1,
    on: date | None = None,
    customer_id: str | None = None,
) -> CartLine:
    """`price_line` inside the caller's session (the demo history prices past days with it)."""
    from counterpos.services.sale.line_details import check_details  # noqa: PLC0415 (cycle-free helper)
    from counterpos.services.sale.service_rules import PriceContext, rules_for  # noqa: PLC0415

    details = dict(details or {})
    on = on or local_today()
    svc = s.get(Service, service_code)
    if svc is None or not svc.active:
        raise NotFound(f"There is no service {service_code!r} in the catalog.")
    rule = rule_in_effect(s, service_code, on)
    clean, attrs, account_no = check_details(s, svc, details)
    rules = rules_for(service_code)
    if rules is not None:
        ctx = PriceContext(s, service_code, clean, attrs, on, customer_id, details)
        rules.prepare(ctx)
        quantity = int(ctx.attrs.pop("_quantity", quantity))
    entered = None
    if needs_entered_amount(rule):
        try:
            entered = Money.parse(amount_text or "")
        except MoneyError as exc:
            raise InputError(exc, field="amount") from exc
    try:
        amount = compute_fee(
            rule, FeeInput(attributes=attrs, quantity=quantity, entered=entered, on=on)
        )
    except FeeRuleError as exc:
        raise InputError(exc, field="amount" if entered is not None else None) from exc
    # A misc receipt's GL account is a required field the cashier picks; others come with the service.
    gl = str(clean["gl_account"]) if service_code == "misc_receipt" else svc.gl_account
    description = svc.name
    if clean.get("memo"):
        description = f"{svc.name} – {clean['memo']}"
    try:
        return CartLine(
            service_code=svc.code,
            description=description,
            amount=amount,
            gl_account=gl,
            quantity=quantity,
            account_no=account_no,
            details=clean,
        )
    except (ValueError, MoneyError) as exc:
        raise InputError(exc, field="amount") from exc


def price_lines(
    station: Station, service_code: str, **request: Unpack[LineRequest]
) -> list[CartLine]:
    """The line for a service plus the lines that go with it (disability-access fee, new card).

    The till should call this rather than `price_line` and add every returned line to the cart.
    """
    with station.store.read() as s:
        return price_lines_in(s, service_code, **request)


def price_lines_in(s: Session, service_code: str, **request: Unpack[LineRequest]) -> list[CartLine]:
    """`price_lines` inside the caller's session."""
    from counterpos.services.sale.service_rules import rules_for  # noqa: PLC0415

    main = price_line_in(s, service_code, **request)
    on, customer_id = request.get("on"), request.get("customer_id")
    lines = [main]
    rules = rules_for(service_code)
    if rules is not None:
        for extra in rules.companions(main):
            line = price_line_in(
                s,
                extra.service_code,
                details=extra.details,
                quantity=extra.quantity,
                on=on,
                customer_id=customer_id,
            )
            if line.amount.cents:  # a $0 deposit (an owner's) is not worth a receipt line
                lines.append(line)
    return lines


@cache
def names_by_code() -> dict[str, tuple[str, str]]:
    """Each catalog service's (English, Spanish) name, from db/seed/catalog.json ("name_es")."""
    import json  # noqa: PLC0415

    from counterpos.resources_path import data_path  # noqa: PLC0415

    seed = json.loads((data_path("db") / "seed" / "catalog.json").read_text(encoding="utf-8"))
    return {s["code"]: (s["name"], s.get("name_es", "")) for s in seed["services"]}


def line_name(service_code: str, description: str, language: str) -> str:
    """A sale line's description on a customer document in `language` ("en", "es", "both"):
    the service's Spanish name where the line carries the catalog's English one."""
    english, spanish = names_by_code().get(service_code, ("", ""))
    return either(description, spanish if description == english else "", language)
