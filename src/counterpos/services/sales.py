"""Completing a sale: one transaction holding the sale, its lines, tenders, ledger, documents, audit and outbox."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartError
from counterpos.domain.money import Money, MoneyError
from counterpos.domain.receipt_number import format_receipt_no
from counterpos.domain.tenders import DRAWER_KINDS, Tender, TenderError, settle
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.drawer_sessions import is_closed
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.service_rules import SaleContext, rules_for
from counterpos.services.station import Station
from counterpos.store.models import (
    DrawerSession,
    ReceiptSequence,
    Sale,
    SaleLine,
    TenderRow,
    UtilityAccount,
    new_id,
)


@dataclass(frozen=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total: Money
    change: Money
    opens_drawer: bool
    documents: tuple[str, ...]


def next_receipt_no(session: Session, station_code: str) -> tuple[int, str]:
    """Take the next number inside the caller's transaction: it rolls back with a failed sale."""
    seq = session.execute(
        text(
            "UPDATE receipt_sequence SET last_value = last_value + 1 WHERE station_code = :c RETURNING last_value"
        ),
        {"c": station_code},
    ).scalar()
    if seq is None:
        session.add(ReceiptSequence(station_code=station_code, last_value=1))
        session.flush()
        seq = 1
    return seq, format_receipt_no(station_code, seq)


def validate(cart: Cart, tenders: list[Tender]):
    try:
        cart.check_sellable()
    except (CartError, MoneyError) as exc:
        raise InputError(str(exc), field="cart") from exc
    try:
        return settle(cart.total, tenders)
    except TenderError as exc:
        raise InputError(str(exc), field="tender") from exc


def complete_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    cart: Cart,
    tenders: list[Tender],
    *,
    in_transaction: Callable[[Session, Sale], None] | None = None,
) -> CompletedSale:
    """Save the sale. Validates everything first; on any error nothing is written.

    `in_transaction(session, sale)`, if given, runs inside the sale's own transaction after
    everything else is written (card payments link their requests to the sale there): if it
    raises, the sale is not saved either."""
    actor.require("sell", "take payments")
    settlement = validate(cart, tenders)
    with station.store.write() as s:
        drawer = s.get(DrawerSession, session_id)
        if drawer is None or drawer.station_code != station.code or drawer.user_id != actor.user_id:
            raise StateError("Open your drawer session before taking payments.")
        if is_closed(s, session_id):
            raise StateError("This drawer session is closed; open a new session to take payments.")
        for index, line in enumerate(cart.lines):
            rules = rules_for(line.service_code)
            if rules is not None:
                if rules.permission:
                    actor.require(rules.permission, rules.permission_what)
                rules.validate(s, line, cart, index)
        seq, receipt_no = next_receipt_no(s, station.code)
        sale = Sale(
            receipt_no=receipt_no,
            station_code=station.code,
            sequence=seq,
            kind="sale",
            session_id=session_id,
            user_id=actor.user_id,
            customer_id=cart.customer_id,
            total_cents=cart.total.cents,
            change_cents=settlement.change.cents,
        )
        s.add(sale)
        s.flush()
        ctx = SaleContext(s, station.code, actor, sale, receipt_no, cart)
        for no, line in enumerate(cart.lines, start=1):
            account = None
            if line.account_no:
                account = s.scalar(
                    select(UtilityAccount).where(UtilityAccount.account_no == line.account_no)
                )
                if account is None:
                    raise NotFound(f"There is no utility account {line.account_no}.")
            row = SaleLine(
                id=new_id(),
                sale_id=sale.id,
                line_no=no,
                service_code=line.service_code,
                description=line.description,
                quantity=line.quantity,
                amount_cents=line.amount.cents,
                gl_account=line.gl_account,
                account_id=account.id if account else None,
                details=dict(line.details),
            )
            rules = rules_for(line.service_code)
            if rules is not None:
                rules.before_line(ctx, line, row)
            s.add(row)
            s.flush()
            if rules is not None:
                rules.on_sale(ctx, line, row)
        documents = ctx.documents
        for pos, applied in enumerate(settlement.applied, start=1):
            t = applied.tender
            s.add(
                TenderRow(
                    sale_id=sale.id,
                    position=pos,
                    kind=t.kind,
                    amount_cents=applied.applied.cents,
                    tendered_cents=t.amount.cents,
                    change_cents=applied.change.cents,
                    reference=t.reference.strip(),
                    payer=t.payer.strip(),
                    card_brand=t.card_brand,
                    card_last4=t.card_last4,
                )
            )
        audit.record(
            s,
            station.code,
            "sale",
            actor=actor.username,
            target=receipt_no,
            details={
                "total_cents": cart.total.cents,
                "lines": len(cart.lines),
                "tenders": [a.tender.kind for a in settlement.applied],
            },
        )
        if in_transaction is not None:
            s.flush()
            in_transaction(s, sale)
    opens = any(a.tender.kind in DRAWER_KINDS for a in settlement.applied)
    return CompletedSale(
        sale.id, receipt_no, cart.total, settlement.change, opens, tuple(documents)
    )
