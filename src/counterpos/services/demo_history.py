"""Thirty days of closed drawer sessions with sales, so reprint, reports and sync have data.

Every sale goes through `sales.write_sale`, the same code the till's `complete_sale` runs, with
a past timestamp: receipt numbers, ledger payments, yard sale permits, audit events and outbox
rows are exactly what the till would have written. City hall is closed on weekends; each open
day has a morning session (maria, cashier) and an afternoon one (james, senior cashier), each
closed with a counted drawer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.money import Money
from counterpos.domain.tenders import CARD, CASH, CHECK, MONEY_ORDER, Tender
from counterpos.services import audit, yard_sale
from counterpos.services.actor import Actor
from counterpos.services.catalog import price_lines_in
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.sales import validate, write_sale
from counterpos.services.station import Station
from counterpos.store.models import (
    Citation,
    Customer,
    DrawerClose,
    DrawerSession,
    GlAccount,
    LedgerEntry,
    RolePermission,
    User,
    UtilityAccount,
)

HISTORY_SEED = 20261123
SALES_PER_DAY = 100
FLOAT = {"bill_20": 2, "bill_10": 3, "bill_5": 4, "bill_1": 20, "coin_25": 40, "coin_10": 50}
SHIFTS = (("maria", time(8, 0), time(12, 30)), ("james", time(12, 30), time(17, 0)))
MISC_MEMOS = {
    "4810": ["Copies of council minutes", "Certified copy of a record", "Police report copy"],
    "4820": ["Community room rental", "Park pavilion rental", "Gym rental deposit"],
    "4830": ["Returned item restitution", "Map sale", "Recycling bin replacement"],
    "4840": ["Restitution payment", "Lost and found claim fee"],
}


def _to_utc(day: date, at: time) -> datetime:
    """A local wall-clock time on `day` as the naive UTC the store keeps."""
    return datetime.combine(day, at).astimezone(UTC).replace(tzinfo=None)


def _actor(s: Session, username: str) -> Actor:
    user = s.scalar(select(User).where(User.username == username))
    perms = frozenset(
        s.scalars(select(RolePermission.permission).where(RolePermission.role == user.role))
    )
    return Actor(user.id, user.username, user.full_name, user.role, perms)


@dataclass
class _City:
    """What the history draws from: accounts with their running balances, people, addresses."""

    accounts: list[tuple[str, str, str, str]]  # account_no, customer_id, address, customer name
    balances: dict[str, int]
    people: list[tuple[str, str]]  # customer_id, full name
    misc_gl: list[str]
    permits: dict[tuple[str, int], int] = field(default_factory=dict)


def _load_city(s: Session) -> _City:
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
    return _City(
        accounts=[(r[0], r[1], r[2], f"{r[3]} {r[4]}") for r in rows],
        balances={r[0]: int(r[5]) for r in rows},
        people=[(r[1], f"{r[3]} {r[4]}") for r in rows],
        misc_gl=list(
            s.scalars(select(GlAccount.code).where(GlAccount.misc_allowed).order_by(GlAccount.code))
        ),
    )


def _lines(
    s: Session, rng: random.Random, city: _City, actor: Actor, day: date
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
        key = (yard_sale.normalise_address(address), start.year)
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


def _tenders(rng: random.Random, total: int, payer: str) -> list[Tender]:
    """Cash with change, checks, money orders, a few cards and split tenders."""
    roll = rng.random()
    if total == 0:
        return []
    if roll < 0.55:
        return [Tender(CASH, Money(_cash_handed(rng, total)))]
    if roll < 0.80:
        return [Tender(CHECK, Money(total), reference=str(rng.randint(1001, 9999)), payer=payer)]
    if roll < 0.88:
        return [Tender(MONEY_ORDER, Money(total), reference=f"{rng.randint(10**9, 10**10 - 1)}")]
    if roll < 0.95:
        return [
            Tender(
                CARD,
                Money(total),
                reference=f"{rng.randint(100000, 999999)}",
                card_brand=rng.choice(["Visa", "Visa", "Mastercard", "Discover", "Amex"]),
                card_last4=f"{rng.randint(0, 9999):04d}",
            )
        ]
    if total < 200:
        return [Tender(CASH, Money(_cash_handed(rng, total)))]
    check = rng.randint(1, total // 100 - 1) * 100 if total >= 200 else total // 2
    rest = total - check
    return [
        Tender(CHECK, Money(check), reference=str(rng.randint(1001, 9999)), payer=payer),
        Tender(CASH, Money(_cash_handed(rng, rest))),
    ]


def _cash_handed(rng: random.Random, due: int) -> int:
    """Exact change, or the next $5, $10, $20 or $100 up."""
    step = rng.choice([0, 500, 1000, 2000, 2000, 10000])
    if not step:
        return due
    return (due // step + 1) * step


def _count_of(rng: random.Random, cents: int) -> dict[str, int]:
    """A believable drawer count by denomination adding up to `cents`."""
    counts: dict[str, int] = {}
    left = cents
    for d in DENOMINATIONS:
        if d.kind == "roll" or d.key in ("bill_2", "coin_100", "coin_50"):
            continue
        pieces = left // d.cents
        if d.key in ("bill_100", "bill_50") and pieces:
            pieces = rng.randint(0, pieces)
        if pieces:
            counts[d.key] = pieces
            left -= pieces * d.cents
    return counts


def _over_short(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.8:
        return 0
    if roll < 0.95:
        return rng.choice([-100, -25, -10, -5, 5, 10, 100, 200, -200, -300])
    return rng.choice([-700, -1000, 600, 1500])


def _session(
    s: Session,
    rng: random.Random,
    station_code: str,
    city: _City,
    actor: Actor,
    supervisor: Actor,
    day: date,
    start: time,
    end: time,
    sales: int,
) -> int:
    """Open, ring `sales` visits, and close one drawer session; returns the sales made."""
    float_cents = sum(
        next(d.cents for d in DENOMINATIONS if d.key == k) * n for k, n in FLOAT.items()
    )
    opened = _to_utc(day, start)
    row = DrawerSession(
        station_code=station_code,
        user_id=actor.user_id,
        opening_float_cents=float_cents,
        opening_count=dict(FLOAT),
        opened_at=opened,
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        station_code,
        "session_open",
        actor=actor.username,
        target=row.id,
        details={"float_cents": float_cents},
        at=opened,
    )
    span = (datetime.combine(day, end) - datetime.combine(day, start)).seconds - 900
    moments = sorted(rng.randint(300, span) for _ in range(sales))
    cash_in = 0
    made = 0
    for offset in moments:
        at = opened + timedelta(seconds=offset)
        try:
            with s.begin_nested():  # a visit the rules refuse leaves nothing behind
                lines, customer_id, payer = _lines(s, rng, city, actor, day)
                cart = Cart(lines=lines, customer_id=customer_id)
                settlement = validate(cart, _tenders(rng, cart.total.cents, payer))
                write_sale(s, station_code, actor, row.id, cart, settlement, at=at)
        except (InputError, StateError, NotFound):
            continue
        cash_in += sum(a.applied.cents for a in settlement.applied if a.tender.kind == CASH)
        made += 1
    expected = float_cents + cash_in
    over_short = _over_short(rng)
    closed = _to_utc(day, end)
    limit = 500
    approver = supervisor if abs(over_short) > limit else None
    note = ""
    if approver:
        note = "Recounted with the supervisor; " + (
            "overage deposited." if over_short > 0 else "shortage written up."
        )
    s.add(
        DrawerClose(
            session_id=row.id,
            closed_at=closed,
            closed_by=actor.user_id,
            counted_cash_cents=expected + over_short,
            expected_cash_cents=expected,
            over_short_cents=over_short,
            closing_count=_count_of(rng, expected + over_short),
            approver_id=approver.user_id if approver else None,
            note=note,
        )
    )
    s.flush()
    audit.record(
        s,
        station_code,
        "session_close",
        actor=actor.username,
        approver=approver.username if approver else "",
        target=row.id,
        details={
            "expected_cents": expected,
            "counted_cents": expected + over_short,
            "over_short_cents": over_short,
        },
        at=closed,
    )
    return made


def add_demo_history(station: Station, days: int, seed: int = HISTORY_SEED) -> str:
    """Closed sessions with about 100 sales a weekday for the `days` days before today."""
    rng = random.Random(seed)
    today = local_today()
    with station.store.read() as s:
        city = _load_city(s)
        staff = {name: _actor(s, name) for name in ("maria", "james", "sofia")}
    if not city.accounts:
        return ""
    total_sales = sessions = 0
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        if day.weekday() >= 5:  # city hall is closed on weekends
            continue
        todays = rng.randint(SALES_PER_DAY - 15, SALES_PER_DAY + 15)
        with station.store.write() as s:  # one transaction per day: all of it or none
            for i, (username, start, end) in enumerate(SHIFTS):
                share = todays // 2 if i == 0 else todays - todays // 2
                total_sales += _session(
                    s,
                    rng,
                    station.code,
                    city,
                    staff[username],
                    staff["sofia"],
                    day,
                    start,
                    end,
                    share,
                )
                sessions += 1
    return f"History: {total_sales} sales in {sessions} closed drawer sessions over {days} days."
