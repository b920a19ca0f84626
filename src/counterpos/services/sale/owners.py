"""The customer a license or a new account belongs to: the one on the cart, or a new one."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.customers import index_customer
from counterpos.store import plain_read
from counterpos.store.models import Customer, new_id
from counterpos.store.models.customer import display_name


@dataclass(frozen=True)
class Owner:
    """Who a license is issued to, as the sale needs it: id, name, mailing address."""

    id: str
    display_name: str
    mailing_address: str


_OWNER = select(
    Customer.id,
    Customer.first_name,
    Customer.last_name,
    Customer.business_name,
    Customer.mailing_address,
)
_OWNER_BY_ID = _OWNER.where(Customer.id == bindparam("id"))


def check_owner(session, customer_id: str | None, clean: dict, what: str) -> None:
    """At pricing: a customer on the cart, or at least the new owner's name and address."""
    if customer_id:
        if plain_read.first(session, _OWNER_BY_ID, {"id": customer_id}) is None:
            raise NotFound("That customer is no longer on file.")
        return
    missing = [
        label
        for key, label in (("owner_name", "name"), ("owner_address", "address"))
        if not str(clean.get(key, "")).strip()
    ]
    if missing:
        raise InputError(
            "Look the customer up first, or enter the new owner's {missing} for the {what}.",
            field="owner_name",
            missing=" and ".join(missing),
            what=what,
        )


def owner_for(session, station_code: str, customer_id: str | None, details: dict) -> Customer:
    """Inside the sale: the cart's customer, else a new customer from the owner's details."""
    if customer_id:
        cust = session.get(Customer, customer_id)
        if cust is None:
            raise NotFound("That customer is no longer on file.")
        return cust
    name = str(details.get("owner_name", "")).strip()
    if not name:
        raise InputError("Look the customer up first, or enter the owner's name.", "owner_name")
    first, _, last = name.partition(" ")
    cust = Customer(
        id=new_id(),
        customer_no=f"N{station_code}-{secrets.token_hex(4).upper()}"[:20],
        first_name=first[:60],
        last_name=last[:60],
        business_name=str(details.get("business_name", ""))[:120],
        phone=str(details.get("owner_phone", ""))[:20],
        mailing_address=str(details.get("owner_address", ""))[:200],
    )
    session.add(cust)
    session.flush()
    index_customer(session, cust.id)
    return cust


def owner_of(session, station_code: str, customer_id: str | None, details: dict) -> Owner:
    """`owner_for` read plainly when the customer is on file (the sale's hot path)."""
    if customer_id:
        row = plain_read.first(session, _OWNER_BY_ID, {"id": customer_id})
        if row is None:
            raise NotFound("That customer is no longer on file.")
        return Owner(
            row.id,
            display_name(row.first_name, row.last_name, row.business_name),
            row.mailing_address or "",
        )
    cust = owner_for(session, station_code, None, details)
    return Owner(cust.id, cust.display_name, cust.mailing_address or "")
