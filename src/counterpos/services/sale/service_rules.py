"""The one extension point for per-service rules: pricing checks, sale hooks, companions, voids.

Each counter service with rules of its own has a small module in `services/counter/` or
`services/utility/` (animal_license.py, passport.py, ...) that registers a `ServiceRules`
subclass for its service codes. `catalog.price_line` calls
`prepare` while pricing a line, and again inside the sale's one transaction where every line is
priced anew (`catalog.reprice_cart`); `sales.complete_sale` then calls `validate`,
`before_line` and `on_sale`; a void calls `on_void` (see `void_sale_lines`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.services.clock import local_today, to_local
from counterpos.store.outbox import insert_synced

# The packages whose modules register rules (with @register, at import). They are imported
# once, on first use, by walking the packages: a new service module needs no list kept by hand.
RULE_PACKAGES = ("counterpos.services.counter", "counterpos.services.utility")


@dataclass
class PriceContext:
    """What `prepare` sees while a line is priced. It may add to clean (stored) and attrs (fee)."""

    session: Session
    service_code: str
    clean: dict[str, Any]
    attrs: dict[str, Any]
    on: date
    customer_id: str | None = None
    raw: dict[str, Any] = field(
        default_factory=dict
    )  # the details as given, before the field check


@dataclass
class SaleContext:
    """The sale being written; `documents` collects the numbers of documents issued with it."""

    session: Session
    station_code: str
    actor: Any
    sale: Any
    receipt_no: str
    cart: Cart
    at: datetime | None = None  # the sale's time (naive UTC); rows written with it carry it
    documents: list[str] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)  # shared between lines of one sale

    _queued: list[tuple[Any, list[dict[str, Any]]]] = field(default_factory=list)

    def insert(self, model: Any, *rows: dict[str, Any]) -> None:
        """Queue complete rows of a synced model (built by store/rows.py) for the sale's one
        round of inserts (with their outbox rows), bypassing the ORM's unit of work: the sale's
        hot path. Every row with a `created_at` takes the sale's time. Queued rows are written,
        in the order queued, before any rule that may read the database runs (`write_queued`)."""
        if self.at is not None and "created_at" in model.__table__.c:
            full = [{**values, "created_at": self.at} for values in rows]
        else:
            full = [dict(values) for values in rows]  # as they are now, whatever rules do later
        if self._queued and self._queued[-1][0] is model:
            self._queued[-1][1].extend(full)
        else:
            self._queued.append((model, full))

    def write_queued(self) -> None:
        if self._queued:
            insert_synced(self.session, self._queued)
            self._queued = []

    @property
    def on(self) -> date:
        """The sale's local day: a license issued with it starts then (the demo's past sales)."""
        return to_local(self.at).date() if self.at is not None else local_today()

    def doc_suffix(self, line_no: int) -> str:
        return f"-{line_no}" if len(self.cart.lines) > 1 else ""


@dataclass(frozen=True)
class Companion:
    """A line that goes with another (the disability-access split, a new transit card, ...)."""

    service_code: str
    details: dict[str, Any]
    quantity: int = 1


class ServiceRules:
    """Default hooks do nothing; a service module overrides only what it needs."""

    codes: tuple[str, ...] = ()
    # A permission the seller needs beyond "sell" (checked by complete_sale), and what it allows.
    permission: str = ""
    permission_what: str = ""
    # Fields the rules need filled beyond the catalog's own `required` flags (the business
    # license checks them together, as a reviewer's list); the screens mark them as required.
    required_fields: tuple[str, ...] = ()
    # True when before_line and on_sale read nothing from the database and write only through
    # `SaleContext.insert`: the sale then needs no round trip before its one batch of inserts.
    # Rules that override neither hook are insert-only whatever they say (`register`).
    insert_only: bool = False

    def prepare(self, ctx: PriceContext) -> None:
        """Validate details beyond their field types; add fee attributes. Raise InputError."""

    def companions(self, line: CartLine) -> list[Companion]:
        """Lines the till adds with this one: each exists only with it, once (sale/companions)."""
        return []

    def once_key(self, clean: dict[str, Any]) -> str:
        """What the line pays for, sold once a cart ("Citation PC240002"); "" if it may repeat."""
        return ""

    def offered_fields(
        self, session: Session, fields: Sequence[dict[str, Any]], on: date
    ) -> Sequence[dict[str, Any]]:
        """The service's fields as the till offers them on `on` (choices in the order to offer)."""
        return fields

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        """Re-check at sale time, inside the transaction (limits, stock, the rest of the cart)."""

    def before_line(self, ctx: SaleContext, line: CartLine, row: Any) -> None:
        """Adjust the sale line row before it is written (e.g. the account it belongs to)."""

    def on_sale(self, ctx: SaleContext, line: CartLine, row: Any) -> None:
        """Write this service's records (ledger, licenses, documents) for the saved line."""

    def on_void(self, session: Session, station_code: str, row: Any) -> None:
        """Undo what on_sale did, by new rows (return a tag, reopen a citation...)."""


_REGISTRY: dict[str, ServiceRules] = {}
_loaded = False


def register(cls: type[ServiceRules]) -> type[ServiceRules]:
    instance = cls()
    if cls.before_line is ServiceRules.before_line and cls.on_sale is ServiceRules.on_sale:
        instance.insert_only = True  # nothing of its own is written or read with its line
    for code in cls.codes:
        _REGISTRY[code] = instance
    return cls


def rules_for(service_code: str) -> ServiceRules | None:
    global _loaded
    if not _loaded:
        _loaded = True
        for package in RULE_PACKAGES:
            path = importlib.import_module(package).__path__
            for module in pkgutil.iter_modules(path, package + "."):
                importlib.import_module(module.name)
    return _REGISTRY.get(service_code)


def void_sale_lines(session: Session, station_code: str, sale: Any) -> None:
    """Call from the void, inside its transaction: tags go back to stock, licenses are voided."""
    for row in sale.lines:
        rules = rules_for(row.service_code)
        if rules is not None:
            rules.on_void(session, station_code, row)
