"""The service catalog as the till sees it, and pricing a line from the fee rule in effect.

Pricing reads the catalog with plain queries (columns, not ORM objects): the same code prices a
line when the cashier rings it and again inside the sale's transaction (`reprice_cart`), where
every line is priced anew from the rules in force at that moment.
"""

from __future__ import annotations

import dataclasses
import json
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, TypedDict, Unpack

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.document_language import either
from counterpos.domain.fee_rules import FeeInput, FeeRuleError, compute_fee, needs_entered_amount
from counterpos.domain.messages import Msg
from counterpos.domain.money import Money, MoneyError
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store import plain_read
from counterpos.store.models import FeeSchedule, GlAccount, Service, UtilityAccount

# The field of the InputError a sale is refused with when a line's price changed since it was
# rung: the till prices the cart again (`reprice`) and shows the new total.
PRICES_CHANGED = "prices_changed"
# Lines priced by the card payment itself (services/card/fees.py), not by a fee rule.
CARD_FEE_CATEGORY = "card_fee"


@dataclass(frozen=True)
class ServiceView:
    code: str
    name: str
    category: str
    gl_account: str
    hotkey: str
    fields: tuple[dict[str, Any], ...]
    rule: dict[str, Any]
    companion_of: tuple[str, ...] = ()  # rung only with these services, never alone
    confirm_above: Money | None = None  # a supervisor confirms a line above this

    @property
    def takes_amount(self) -> bool:
        return needs_entered_amount(self.rule)

    @property
    def takes_quantity(self) -> bool:
        return self.rule.get("kind") == "per_quantity"

    @property
    def offered_alone(self) -> bool:
        """Whether the till's service list offers it (a companion comes with its parent)."""
        return not self.companion_of


@dataclass(frozen=True)
class ServiceRow:
    """A catalog entry as pricing reads it."""

    code: str
    name: str
    category: str
    gl_account: str
    hotkey: str
    active: bool
    fields: tuple[dict[str, Any], ...]
    companion_of: tuple[str, ...]
    confirm_above_cents: int | None
    sort_order: int = 0


# The codes asked for, as one JSON array parameter: a fixed statement, so it runs on the
# driver's cursor (store/plain_read.py; an expanding IN list would go through SQLAlchemy's
# execution machinery, which costs more than SQLite spends on the read).
_CODES = select(func.json_each(bindparam("codes")).table_valued("value").c.value)
_SERVICES = select(
    Service.code,
    Service.name,
    Service.category,
    Service.gl_account,
    Service.hotkey,
    Service.active,
    Service.fields,
    Service.companion_of,
    Service.confirm_above_cents,
    Service.sort_order,
).where(Service.code.in_(_CODES))
_RULES = (
    select(FeeSchedule.service_code, FeeSchedule.rule)
    .where(
        FeeSchedule.service_code.in_(_CODES),
        FeeSchedule.effective_from <= bindparam("on"),
    )
    .order_by(FeeSchedule.effective_from, FeeSchedule.created_at)  # the newest comes last
)


CACHE = "catalog.sale_cache"  # session.info key: the catalog as one sale has read it

# The whole catalog as the store last held it, kept between sales with the number the store
# moves whenever a service or fee schedule row changes (migration 0017_s4_14c's triggers) and
# the schema's own version (a schema change could drop those triggers): a sale reads those
# two integers, and the catalog again only when one moved.
_VERSION = text(
    "SELECT (SELECT n FROM catalog_version WHERE id = 1), "
    "(SELECT schema_version FROM pragma_schema_version())"
)
_TRIGGERS = text(
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ("
    + ", ".join(
        f"'catalog_version_{table}_{when}'"
        for table in ("service", "fee_schedule")
        for when in ("insert", "update", "delete")
    )
    + ")"
)
_ALL_SERVICES = select(*_SERVICES.selected_columns)
_ALL_RULES = select(
    FeeSchedule.service_code, FeeSchedule.effective_from, FeeSchedule.rule
).order_by(FeeSchedule.effective_from, FeeSchedule.created_at)


@dataclass(frozen=True)
class _Catalog:
    version: tuple[int, int]
    services: dict[str, ServiceRow]
    rules: dict[str, tuple[tuple[date, dict[str, Any]], ...]]  # by code, oldest first

    def rule(self, code: str, on: date) -> dict[str, Any] | None:
        """The rule in effect on `on`: the newest schedule from then or before (as _RULES)."""
        found = None
        for start, rule in self.rules.get(code, ()):
            if start <= on:
                found = rule
        return found


_CATALOGS: weakref.WeakKeyDictionary[Any, _Catalog] = weakref.WeakKeyDictionary()  # by engine


def _catalog(session: Session) -> _Catalog | None:
    """The catalog as the store holds it now, inside the caller's transaction; None when the
    store cannot tell when it changes (then each sale reads what it needs, as before)."""
    conn = plain_read.connection_of(session)
    version = plain_read.first(conn, _VERSION, {})
    if version is None or version[0] is None:
        return None
    known = _CATALOGS.get(conn.engine)
    if known is not None and known.version == tuple(version):
        return known
    if plain_read.scalar(conn, _TRIGGERS, {}) != 6:  # nothing would move the number
        return None
    services = {r.code: _service_row(r) for r in plain_read.rows(conn, _ALL_SERVICES, {})}
    rules: dict[str, list[tuple[date, dict[str, Any]]]] = {}
    for code, start, rule in plain_read.rows(conn, _ALL_RULES, {}):
        rules.setdefault(code, []).append((start, rule))
    catalog = _Catalog((version[0], version[1]), services, {c: tuple(v) for c, v in rules.items()})
    _CATALOGS[conn.engine] = catalog
    return catalog


@contextmanager
def cached_for_the_sale(session: Session) -> Iterator[None]:
    """Inside it, `service_rows` and `rules_in_effect` take the store's whole catalog as kept
    between sales (`_catalog`: two integers read to know it is unchanged), or else read each
    service, and each service's rule for a date, once: a sale re-prices its lines, checks companions and limits, and its
    rules price penalties, from the same catalog rows; `utility_account` reads a bill payment's
    account once (its details, its late fee and its ledger entry all need it). Only for a
    sale's own transaction (nothing in it changes the catalog or an account's number or due
    date)."""
    if CACHE in session.info:
        yield
        return
    session.info[CACHE] = ({}, {}, {}, _catalog(session))
    try:
        yield
    finally:
        session.info.pop(CACHE, None)


def _service_row(r) -> ServiceRow:
    return ServiceRow(
        r.code,
        r.name,
        r.category,
        r.gl_account,
        r.hotkey,
        bool(r.active),
        tuple(r.fields or ()),
        tuple(r.companion_of or ()),
        r.confirm_above_cents,
        r.sort_order,
    )


def _read_services(session: Session, codes: list[str]) -> list:
    return plain_read.rows(session, _SERVICES, {"codes": json.dumps(codes)})


def _read_rules(session: Session, codes: list[str], on: date) -> list:
    return plain_read.rows(session, _RULES, {"codes": json.dumps(codes), "on": on})


def service_rows(session: Session, codes: Iterable[str]) -> dict[str, ServiceRow]:
    wanted = sorted(set(codes))
    cache = session.info.get(CACHE)
    if cache is None:
        return {r.code: _service_row(r) for r in _read_services(session, wanted)}
    if cache[3] is not None:  # the store's catalog, unchanged since it was read
        known = cache[3].services
        return {c: row for c in wanted if (row := known.get(c)) is not None}
    services: dict[str, ServiceRow | None] = cache[0]
    missing = [c for c in wanted if c not in services]
    if missing:
        found = {r.code: _service_row(r) for r in _read_services(session, missing)}
        services.update((c, found.get(c)) for c in missing)
    return {c: row for c in wanted if (row := services[c]) is not None}


def rules_in_effect(session: Session, codes: Iterable[str], on: date) -> dict[str, dict[str, Any]]:
    """The fee rule in effect on `on` for each code that has one (the newest schedule wins)."""
    wanted = sorted(set(codes))
    cache = session.info.get(CACHE)
    if cache is None:
        return {code: rule for code, rule in _read_rules(session, wanted, on)}
    if cache[3] is not None:
        catalog: _Catalog = cache[3]
        return {c: rule for c in wanted if (rule := catalog.rule(c, on)) is not None}
    rules: dict[tuple[str, date], dict[str, Any] | None] = cache[1]
    missing = [c for c in wanted if (c, on) not in rules]
    if missing:
        found = {code: rule for code, rule in _read_rules(session, missing, on)}
        rules.update(((c, on), found.get(c)) for c in missing)
    return {c: rule for c in wanted if (rule := rules[(c, on)]) is not None}


_UTILITY_ACCOUNT = select(
    UtilityAccount.id, UtilityAccount.account_no, UtilityAccount.due_date
).where(UtilityAccount.account_no == bindparam("no"))


def utility_account(session: Session, account_no: str) -> Any:
    """The account with exactly this number (its id, number and due date), or None; read once
    per sale inside `cached_for_the_sale` (an account not found is read again: the sale may
    open it)."""
    cache = session.info.get(CACHE)
    if cache is not None and account_no in cache[2]:
        return cache[2][account_no]
    row = plain_read.first(session, _UTILITY_ACCOUNT, {"no": account_no})
    if cache is not None and row is not None:
        cache[2][account_no] = row
    return row


def _no_rule(service_code: str, on: date) -> NotFound:
    return NotFound(
        "No fee is in effect for {service_code} on {on:%m/%d/%Y}; ask a supervisor.",
        service_code=service_code,
        on=on,
    )


def rule_in_effect(session: Session, service_code: str, on: date) -> dict[str, Any]:
    rule = rules_in_effect(session, (service_code,), on).get(service_code)
    if rule is None:
        raise _no_rule(service_code, on)
    return rule


def list_services(station: Station, on: date | None = None) -> list[ServiceView]:
    """Every active service (companions included: `offered_alone` says which the till lists),
    each with its fields as the service's rules offer them on `on`."""
    from counterpos.services.sale.service_rules import rules_for  # noqa: PLC0415

    on = on or local_today()
    with station.store.read() as s:
        codes = s.scalars(select(Service.code).where(Service.active)).all()
        rows = service_rows(s, codes)
        rules = rules_in_effect(s, codes, on)
        out = []
        for r in sorted(rows.values(), key=lambda r: r.sort_order):
            if r.code not in rules:
                raise _no_rule(r.code, on)
            fields = r.fields
            service_rules = rules_for(r.code)
            if service_rules is not None:
                fields = tuple(service_rules.offered_fields(s, fields, on))
            out.append(
                ServiceView(
                    r.code,
                    r.name,
                    r.category,
                    r.gl_account,
                    r.hotkey,
                    fields,
                    rules[r.code],
                    r.companion_of,
                    Money(r.confirm_above_cents) if r.confirm_above_cents is not None else None,
                )
            )
        return out


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
    """Build a priced cart line, validating the details the service captures.

    A service rung only with another (a late penalty) is refused: ring its parent, and
    `price_lines` brings it along."""
    with station.store.read() as s:
        _refuse_companion(s, service_code, request.get("details"))
        return price_line_in(s, service_code, **request)


def _refuse_companion(session: Session, service_code: str, details: dict | None) -> None:
    from counterpos.services.sale.line_details import refuse_card_numbers  # noqa: PLC0415

    svc = service_rows(session, (service_code,)).get(service_code)
    if svc is not None and svc.companion_of:
        refuse_card_numbers(svc, details or {})  # PCI: before anything else is said
        parents = service_rows(session, svc.companion_of)
        names = " or ".join(p.name.lower() for p in parents.values()) or "its service"
        raise InputError(
            "The {name} is rung only with the {names} it belongs to: ring that, and it "
            "comes along. Owed on something paid earlier, it needs a supervisor.",
            field="service",
            name=svc.name.lower(),
            names=names,
        )


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
    on = on or local_today()
    svc = service_rows(s, (service_code,)).get(service_code)
    if svc is None or not svc.active:
        raise NotFound(
            "There is no service {service_code!r} in the catalog.", service_code=service_code
        )
    return _price(
        s,
        svc,
        rule_in_effect(s, service_code, on),
        details=dict(details or {}),
        amount_text=amount_text,
        quantity=quantity,
        on=on,
        customer_id=customer_id,
    )


def _price(
    s: Session,
    svc: ServiceRow,
    rule: dict[str, Any],
    *,
    details: dict[str, Any],
    amount_text: str | None,
    quantity: int,
    on: date,
    customer_id: str | None,
) -> CartLine:
    from counterpos.services.sale.line_details import check_details  # noqa: PLC0415 (cycle-free helper)
    from counterpos.services.sale.service_rules import PriceContext, rules_for  # noqa: PLC0415

    clean, attrs, account_no = check_details(s, svc, details)
    if details.get("approval_ref"):  # a supervisor's approval of this line (sale/approved_lines)
        clean["approval_ref"] = str(details["approval_ref"])
    rules = rules_for(svc.code)
    once_key = ""
    if rules is not None:
        ctx = PriceContext(s, svc.code, clean, attrs, on, customer_id, details)
        rules.prepare(ctx)
        quantity = int(ctx.attrs.pop("_quantity", quantity))
        once_key = rules.once_key(clean)
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
    gl = str(clean["gl_account"]) if svc.code == "misc_receipt" else svc.gl_account
    description = svc.name
    if clean.get("memo"):
        description = f"{svc.name}{MEMO_SEP}{clean['memo']}"
    try:
        return CartLine(
            service_code=svc.code,
            description=description,
            amount=amount,
            gl_account=gl,
            quantity=quantity,
            account_no=account_no,
            details=clean,
            once_key=once_key,
        )
    except (ValueError, MoneyError) as exc:
        raise InputError(exc, field="amount") from exc


def price_lines(
    station: Station, service_code: str, **request: Unpack[LineRequest]
) -> list[CartLine]:
    """The line for a service plus the lines that go with it (disability-access fee, new card).

    The till should call this rather than `price_line` and add every returned line to the cart:
    the companions name the main line as their parent, and go when it goes.
    """
    with station.store.read() as s:
        return price_lines_in(s, service_code, **request)


def price_lines_in(s: Session, service_code: str, **request: Unpack[LineRequest]) -> list[CartLine]:
    """`price_lines` inside the caller's session."""
    _refuse_companion(s, service_code, request.get("details"))
    main = price_line_in(s, service_code, **request)
    return [main, *_companion_lines(s, main, request.get("on"), request.get("customer_id"))]


def _companion_lines(
    s: Session, main: CartLine, on: date | None, customer_id: str | None
) -> list[CartLine]:
    from counterpos.services.sale.service_rules import rules_for  # noqa: PLC0415

    rules = rules_for(main.service_code)
    lines = []
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
                lines.append(dataclasses.replace(line, parent_id=main.line_id))
    return lines


def reprice(station: Station, cart: Cart, on: date | None = None) -> Cart:
    """The cart priced again from the rules in force now (the till calls it when a sale was
    refused because a price changed): same lines, today's amounts, companions as the rules
    want them now. Raises InputError for a line that can no longer be sold."""
    with station.store.read() as s:
        return reprice_cart(s, cart, on or local_today(), strict=False)


def reprice_cart(s: Session, cart: Cart, on: date, *, strict: bool = True) -> Cart:
    """Every line of the cart priced again from the fee rules in force on `on`.

    Only amounts entered by design (a bill payment, a misc receipt) come from the cart; every
    other amount, description, GL account and derived detail is the rules' own. `strict`
    (inside the sale): a line whose price changed refuses the sale with both amounts named
    (InputError, field PRICES_CHANGED); otherwise the new price is taken and the companions
    the rules want now are added or dropped. The companions are then checked (sale/companions).
    """
    from counterpos.services.sale.companions import check_companions  # noqa: PLC0415

    codes = {line.service_code for line in cart.lines}
    services = service_rows(s, codes)
    rules = rules_in_effect(s, codes, on)
    lines: list[CartLine] = []
    changed: list[tuple[CartLine, CartLine]] = []
    for line in cart.lines:
        svc = services.get(line.service_code)
        if svc is None or not (svc.active or svc.category == CARD_FEE_CATEGORY):
            raise NotFound(
                "There is no service {service_code!r} in the catalog.",
                service_code=line.service_code,
            )
        if svc.category == CARD_FEE_CATEGORY:
            lines.append(line)  # what the approved cards carried: checked against the tenders
            continue
        if line.service_code not in rules:
            raise _no_rule(line.service_code, on)
        rule = rules[line.service_code]
        again = _price(
            s,
            svc,
            rule,
            details=dict(line.details),
            amount_text=line.amount.plain() if needs_entered_amount(rule) else None,
            quantity=line.quantity,
            on=on,
            customer_id=cart.customer_id,
        )
        again = dataclasses.replace(again, line_id=line.line_id, parent_id=line.parent_id)
        if again.amount != line.amount:
            changed.append((line, again))
        lines.append(again)
    if changed and strict:
        raise InputError(
            "Prices changed since the cart was rung: {changes}. The cart is priced again: show the "
            "customer the new total and take payment.",
            field=PRICES_CHANGED,
            changes="; ".join(
                Msg(
                    "{description} is now {new}, not {old}",
                    description=new.description,
                    new=new.amount,
                    old=old.amount,
                ).text()
                for old, new in changed
            ),
        )
    again_cart = Cart(lines, customer_id=cart.customer_id)
    if not strict:
        again_cart = _companions_as_wanted_now(s, again_cart, on)
    check_companions(s, again_cart, on)
    return again_cart


def _companions_as_wanted_now(s: Session, cart: Cart, on: date) -> Cart:
    """Re-derive each parent's companions (a citation that became late gets its penalty)."""
    services = service_rows(s, {line.service_code for line in cart.lines})
    out: list[CartLine] = []
    for line in cart.lines:
        if line.parent_id is not None:
            continue
        out.append(line)
        svc = services.get(line.service_code)
        if svc is not None and svc.companion_of:
            continue  # an approved penalty on its own: no companions of its own
        fresh = _companion_lines(s, line, on, cart.customer_id)
        kept = {x.service_code: x for x in cart.companions(line)}
        for extra in fresh:
            old = kept.get(extra.service_code)
            out.append(dataclasses.replace(extra, line_id=old.line_id) if old else extra)
    return Cart(out, customer_id=cart.customer_id)


@cache
def names_by_code() -> dict[str, tuple[str, str]]:
    """Each catalog service's (English, Spanish) name, from db/seed/catalog.json ("name_es")."""
    import json  # noqa: PLC0415

    from counterpos.resources_path import data_path  # noqa: PLC0415

    seed = json.loads((data_path("db") / "seed" / "catalog.json").read_text(encoding="utf-8"))
    return {s["code"]: (s["name"], s.get("name_es", "")) for s in seed["services"]}


MEMO_SEP = " – "  # between a service's name and the memo typed with it


def line_name(service_code: str, description: str, language: str) -> str:
    """A sale line's description on a customer document in `language` ("en", "es", "both"):
    the service's Spanish name where the line carries the catalog's English one, also before
    the memo typed with it ("Miscellaneous receipt – copies" reads "Recibo varios – copies")."""
    english, spanish = names_by_code().get(service_code, ("", ""))
    if not english or not spanish:
        return description
    if description == english:
        return either(description, spanish, language)
    if description.startswith(english + MEMO_SEP):
        memo = description[len(english) :]
        return either(english, spanish, language) + memo
    return description
