"""How the demo history's visitors pay, and how its drawers count out at the close."""

from __future__ import annotations

import random

from counterpos.domain.denominations import DENOMINATIONS
from counterpos.domain.money import Money
from counterpos.domain.tenders import CARD, CASH, CHECK, MONEY_ORDER, Tender


def tenders_for(rng: random.Random, total: int, payer: str) -> list[Tender]:
    """Cash with change, checks, money orders, a few cards and split tenders."""
    roll = rng.random()
    if total == 0:
        return []
    if roll < 0.55:
        return [Tender(CASH, Money(cash_handed(rng, total)))]
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
        return [Tender(CASH, Money(cash_handed(rng, total)))]
    check = rng.randint(1, total // 100 - 1) * 100 if total >= 200 else total // 2
    rest = total - check
    return [
        Tender(CHECK, Money(check), reference=str(rng.randint(1001, 9999)), payer=payer),
        Tender(CASH, Money(cash_handed(rng, rest))),
    ]


def cash_handed(rng: random.Random, due: int) -> int:
    """Exact change, or the next $5, $10, $20 or $100 up."""
    step = rng.choice([0, 500, 1000, 2000, 2000, 10000])
    if not step:
        return due
    return (due // step + 1) * step


def count_of(rng: random.Random, cents: int) -> dict[str, int]:
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


def over_short_of(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.8:
        return 0
    if roll < 0.95:
        return rng.choice([-100, -25, -10, -5, 5, 10, 100, 200, -200, -300])
    return rng.choice([-700, -1000, 600, 1500])
