"""What the demo history's visitors buy: one visit's cart lines, drawn from the demo city."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.address import normalise_address
from counterpos.domain.cart import CartLine
from counterpos.domain.money import Money
from counterpos.services.actor import Actor
from counterpos.services.sale.catalog import price_lines_in
from counterpos.store.models import (
    Citation,
    Customer,
    GlAccount,
    LedgerEntry,
    UtilityAccount,
)

MISC_MEMOS = {
    "4810": ["Copies of council minutes", "Certified copy of a record", "Police report copy"],
    "4820": ["Community room rental", "Park pavilion rental", "Gym rental deposit"],
    "4830": ["Returned item restitution", "Map sale", "Recycling bin replacement"],
    "4840": ["Restitution payment", "Lost and found claim fee"],
}


@dataclass
class City:
    """What the history draws from: accounts with their running balances, people, addresses."""

    accounts: list[tuple[str, str, str, str]]  # account_no, customer_id, address, customer name
    balances: dict[str, int]
    people: list[tuple[str, str]]  # customer_id, full name
    misc_gl: list[str]
    permits: dict[tuple[str, int], int] = field(default_factory=dict)


def load_city(s: Session) -> City:
    balance = (
        select(LedgerEntry.account_id, func.sum(LedgerEntry.amount_cents).label("due"))
        .group_by(LedgerEntry.account_id)
        .subquery()
    )
    rows = s.execute(
        select(
            UtilityAccount.account_no,
            UtilityAccount.customer_id,
            UtilityAccount.service_address,
            Customer.first_name,
            Customer.last_name,
            func.coalesce(balance.c.due, 0),
        )
        .join(Customer, Customer.id == UtilityAccount.customer_id)
        .outerjoin(balance, balance.c.account_id == UtilityAccount.id)
        .order_by(UtilityAccount.account_no)
    ).all()
    return City(
        accounts=[(r[0], r[1], r[2], f"{r[3]} {r[4]}") for r in rows],
        balances={r[0]: int(r[5]) for r in rows},
        people=[(r[1], f"{r[3]} {r[4]}") for r in rows],
        misc_gl=list(
            s.scalars(select(GlAccount.code).where(GlAccount.misc_allowed).order_by(GlAccount.code))
        ),
    )


def visit_lines(
    s: Session, rng: random.Random, city: City, actor: Actor, day: date
) -> tuple[list[CartLine], str | None, str]:
    """One visit's lines, the customer (if any) and the payer's name.

    Lines are priced with `price_lines_in`, so each service's own rules (and its companion
    lines, such as a late penalty) apply exactly as at the till. A visit the rules refuse
    raises InputError and is skipped by the caller.
    """

    def price(
        code: str,
        quantity: int = 1,
        amount: int | None = None,
        customer: str | None = None,
        **details,
    ) -> list[CartLine]:
        text = Money(amount).plain() if amount is not None else None
        return price_lines_in(
            s,
            code,
            details=details,
            amount_text=text,
            quantity=quantity,
            on=day,
            customer_id=customer,
        )

    account_no, customer_id, address, name = rng.choice(city.accounts)
    roll = rng.random()
    senior = actor.can("passport")
    if roll < 0.42:  # utility bill payment: the balance, part of it, or a round over-payment
        due = [a for a in rng.sample(city.accounts, 8) if city.balances[a[0]] > 0]
        if due:
            account_no, customer_id, address, name = due[0]
        balance = city.balances[account_no]
        if balance <= 0:
            amount = rng.choice([2500, 5000, 7500])
        else:
            pick = rng.random()
            if pick < 0.72:
                amount = balance
            elif pick < 0.9:
                amount = max(100, balance // 2 // 100 * 100)
            else:
                amount = (balance // 1000 + 1) * 1000
        lines = price("utility_payment", amount=amount, account_no=account_no)
        city.balances[account_no] = balance - amount
        if rng.random() < 0.04:
            lines += price("nsf_fee", occurrence=rng.choice(["first", "first", "later"]))
        return lines, customer_id, name
    if roll < 0.50:  # yard sale permit, within the per-address yearly limit
        start = day + timedelta(days=rng.randint(2, 10))
        key = (normalise_address(address), start.year)
        if city.permits.get(key, 0) < 2:
            lines = price(
                "yard_sale_permit",
                address=address,
                start_date=start,
                days=rng.choice(["1", "2", "2", "3"]),
            )
            city.permits[key] = city.permits.get(key, 0) + 1
            return lines, customer_id, name
    if roll < 0.57 and senior:  # passport acceptance: execution fee per applicant, often photos
        people = [rng.choice(city.people)[1] for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        records = [
            {
                "name": person,
                "date_of_birth": date(
                    rng.randint(1950, 2020), rng.randint(1, 12), rng.randint(1, 28)
                ).isoformat(),
                "form_type": "DS-11",
                "checklist": dict.fromkeys(
                    ("form_complete", "citizenship", "identity", "photo", "oath"), True
                ),
                "dos_payment_kind": rng.choice(["check", "money_order"]),
                "dos_payment_no": str(rng.randint(1000, 9999)),
                "dos_amount": rng.choice(["130.00", "100.00"]),
            }
            for person in people
        ]
        photos = str(len(people)) if rng.random() < 0.6 else "0"
        lines = price("passport_execution", applicant_records=records, photo_sets=photos)
        return lines, None, people[0]
    if roll < 0.65:  # animal license, its tag from this station's block
        species = "dog" if rng.random() < 0.8 else "cat"
        term = rng.choice(["1", "1", "2", "3"]) if species == "dog" else "1"
        years = int(term)
        lines = price(
            "animal_license",
            customer=customer_id,
            animal_name=rng.choice(
                [
                    "Max",
                    "Luna",
                    "Bella",
                    "Rocky",
                    "Coco",
                    "Milo",
                    "Canela",
                    "Toby",
                    "Daisy",
                    "Chispa",
                ]
            )
            + f" {rng.randint(1, 99)}",
            species=species,
            breed=rng.choice(
                [
                    "Labrador",
                    "Chihuahua",
                    "German Shepherd",
                    "Mixed",
                    "Poodle",
                    "Domestic shorthair",
                ]
            ),
            colour=rng.choice(["Black", "Brown", "White", "Tan", "Grey", "Brindle"]),
            sex=rng.choice(["male", "female"]),
            altered="yes" if rng.random() < 0.8 else "no",
            term=term,
            senior="yes" if rng.random() < 0.15 else "no",
            rabies_certificate=f"RC{rng.randint(100000, 999999)}",
            rabies_expires=day + timedelta(days=365 * years + rng.randint(10, 200)),
            veterinarian=rng.choice(
                ["Mission Vista Animal Clinic", "Palm Veterinary Hospital", "Canyon Pet Care"]
            ),
            owner_name=name,
            owner_address=address,
        )
        return lines, customer_id, name
    if roll < 0.78:  # bus pass, reloaded or on a new card
        pass_type = rng.choice(
            ["adult_monthly"] * 4
            + ["senior_monthly"] * 2
            + ["student_monthly"] * 2
            + ["day_pass", "ride_10", "ride_10"]
        )
        lines = price(
            "bus_pass",
            pass_type=pass_type,
            card_no=str(rng.randint(10**7, 10**8 - 1)),
            card_action="new" if rng.random() < 0.2 else "reload",
        )
        return lines, None, rng.choice(city.people)[1]
    if roll < 0.87:  # citation from the issuing department; its late penalty comes with it
        number = f"MV{rng.randint(200000, 299999)}"
        if s.get(Citation, number) is None:
            s.add(
                Citation(
                    citation_no=number,
                    issued_on=day - timedelta(days=rng.choice([2, 5, 9, 14, 30, 45])),
                    amount_cents=rng.choice([3500, 5000, 6500, 7500, 10000, 15000]),
                    violation=rng.choice(
                        ["Expired meter", "Street sweeping", "Red zone", "Overnight parking"]
                    ),
                    plate=f"{rng.randint(1, 9)}{''.join(rng.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{rng.randint(100, 999)}",
                )
            )
            s.flush()
        return price("citation", citation_no=number), customer_id, name
    if roll < 0.95:
        return price("home_occupation_permit", address=address), customer_id, name
    gl = rng.choice(city.misc_gl)
    memo = rng.choice(MISC_MEMOS.get(gl, ["Other city revenue"]))
    amount = rng.choice([100, 250, 500, 1000, 2500, 7500, 15000])
    return price("misc_receipt", amount=amount, gl_account=gl, memo=memo), None, name
