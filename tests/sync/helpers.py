"""Sales rung in sync tests through the real services, and the centre as its admin sees it."""

from __future__ import annotations

import json
from datetime import date

import psycopg
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.domain.tenders import Tender
from counterpos.services.central import sync as sync_service
from counterpos.services.sale import catalog, sales
from counterpos.services.station import Station
from counterpos.store.models import OutboxRow, UtilityAccount, new_id, utcnow
from counterpos.sync import central


def first_accounts(station, n: int = 3) -> list[str]:
    """The first accounts whose bill is not yet due: a payment with no late fee beside it."""
    with station.store.read() as s:
        return list(
            s.scalars(
                select(UtilityAccount.account_no)
                .where(UtilityAccount.due_date >= date.today())
                .order_by(UtilityAccount.account_no)
                .limit(n)
            )
        )


def sell(station, actor, drawer, *, account_no: str, pay: str = "12.34", extra: str = "") -> str:
    """A utility payment (with the late fee of a past-due account, and a misc receipt of
    `extra`), paid in cash; returns the receipt no."""
    cart = Cart()
    cart.add_all(
        catalog.price_lines(
            station, "utility_payment", details={"account_no": account_no}, amount_text=pay
        )
    )
    if extra:
        cart.add(
            catalog.price_line(
                station,
                "misc_receipt",
                details={"gl_account": "4810", "memo": "Copies"},
                amount_text=extra,
            )
        )
    done = sales.complete_sale(
        station, actor, drawer.session_id, cart, [Tender("cash", cart.total + Money(100))]
    )
    return done.receipt_no


def attach(station: Station, admin_url: str, code: str | None = None) -> dict:
    """Register the station centrally and connect it as its own role."""
    engine = central.make_central_engine(admin_url)
    try:
        info = central.add_station(engine, code or station.code)
    finally:
        engine.dispose()
    sync_service.connect(station, info["url"], info["password"])
    return info


def admin_query(admin_url: str, sql: str, params=None) -> list[tuple]:
    u = make_url(admin_url).set(drivername="postgresql").render_as_string(False)
    with psycopg.connect(u) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else []


def outbox_states(station) -> dict[str, int]:
    """How many outbox rows are in each state (pending, sent, failed)."""
    with station.store.read() as s:
        return dict(s.execute(text("SELECT state, count(*) FROM outbox GROUP BY state")).all())


def queue_record(station, table: str, **fields) -> str:
    """An outbox row for `table` holding {"id": ..., **fields}, as the store queues a record;
    its record id."""
    record_id = new_id()
    with station.store.write() as s:
        s.add(
            OutboxRow(
                record_id=record_id,
                table_name=table,
                payload=json.dumps({"id": record_id, **fields}),
                created_at=utcnow(),
            )
        )
    return record_id


def apply_held(admin_url: str, station_code: str | None = None) -> int:
    """The administrator applies every change stations sent that waits for them."""
    engine = central.make_central_engine(admin_url)
    try:
        return central.decide_changes(engine, None, apply=True, station_code=station_code)
    finally:
        engine.dispose()
