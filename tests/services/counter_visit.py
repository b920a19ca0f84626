"""Helpers the counter-service tests share: ring lines, pay, and give a station tag stock."""

from __future__ import annotations

from datetime import date, timedelta

from counterpos.domain.cart import Cart
from counterpos.domain.tenders import Tender
from counterpos.services import sessions
from counterpos.services.counter import tag_inventory
from counterpos.services.sale import catalog, sales
from tests.conftest import login

TODAY = date.today()
CHECKLIST_OK = {k: True for k in ("form_complete", "citizenship", "identity", "photo", "oath")}


def days(n: int) -> str:
    return (TODAY + timedelta(days=n)).isoformat()


def dog(**over) -> dict:
    d = dict(
        animal_name="Rex",
        species="dog",
        breed="Labrador",
        colour="Black",
        sex="male",
        altered="yes",
        term="1",
        senior="no",
        rabies_certificate="RC-2024-118",
        rabies_expires=days(800),
        veterinarian="Mission Vista Animal Clinic",
        owner_name="Ann Smith",
        owner_address="12 Elm St, Mission Vista",
    )
    d.update(over)
    return d


def applicant(name="Ana Lopez", **over) -> dict:
    d = dict(
        name=name,
        date_of_birth="1990-04-02",
        form_type="DS-11",
        checklist=dict(CHECKLIST_OK),
        dos_payment_kind="check",
        dos_payment_no="1043",
        dos_amount="130.00",
    )
    d.update(over)
    return d


def business(**over) -> dict:
    d = dict(
        business_name="Vista Tacos",
        owner_name="Luis Garcia",
        business_address="210 Main St",
        category="food",
        start_date=TODAY.isoformat(),
        gross_receipts_cents="120,000.00",
        review={"zoning_ok": True, "id_seen": True, "seller_permit": True, "health_permit": True},
    )
    d.update(over)
    return d


def ring(station, cart: Cart, code: str, customer_id=None, **kw) -> Cart:
    for line in catalog.price_lines(station, code, customer_id=customer_id, **kw):
        cart.add(line)
    return cart


def pay_cash(station, actor, session_id, cart: Cart):
    return sales.complete_sale(station, actor, session_id, cart, [Tender("cash", cart.total)])


def senior_drawer(station):
    """James (senior cashier) with his drawer open: he may ring passports and licenses."""
    james = login(station, "james")
    view = sessions.open_session(station, james, {"bill_20": 5})
    return james, view.session_id


def give_tags(station, code: str | None = None, first: int = 1, last: int = 500) -> None:
    tag_inventory.assign_block(
        station, login(station, "sofia"), code or station.code, TODAY.year, first, last
    )


def void(station, actor, session_id: str, receipt_no: str) -> None:
    """What the void work does, minimally: a void sale pointing at the original, and the hooks."""
    from sqlalchemy import select

    from counterpos.services.sale import service_rules
    from counterpos.services.sale.sales import next_receipt_no
    from counterpos.store.models import Sale

    with station.store.write() as s:
        original = s.scalar(select(Sale).where(Sale.receipt_no == receipt_no))
        seq, number = next_receipt_no(s, station.code)
        s.add(
            Sale(
                receipt_no=number,
                station_code=station.code,
                sequence=seq,
                kind="void",
                original_sale_id=original.id,
                session_id=session_id,
                user_id=actor.user_id,
                total_cents=-original.total_cents,
            )
        )
        s.flush()
        service_rules.void_sale_lines(s, station.code, original)
