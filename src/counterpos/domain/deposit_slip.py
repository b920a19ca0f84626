"""The bank deposit: what leaves the drawer after the float is kept back, and its text form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from counterpos.domain.denominations import BY_KEY, DENOMINATIONS
from counterpos.domain.kinds import TenderKind
from counterpos.domain.money import Money


@dataclass(frozen=True, slots=True)
class DepositItem:
    kind: str  # check, money_order
    number: str
    payer: str
    amount: Money
    receipt_no: str = ""


@dataclass(frozen=True, slots=True)
class DepositSlip:
    city_name: str
    account_label: str  # "City of Example - General deposit account"
    scope: str  # "Session 1a2b3c4d, Maria Lopez" or "11/22/2026, all stations"
    prepared_at: datetime
    prepared_by: str
    currency: tuple[tuple[str, int, Money], ...]  # (label, pieces, amount) bills deposited
    coin: tuple[tuple[str, int, Money], ...]  # coins and rolls deposited
    items: tuple[DepositItem, ...]
    float_kept: Money
    float_shortfall: Money = Money(0)  # the count could not make up the float exactly

    @property
    def currency_total(self) -> Money:
        return Money(sum(a.cents for _, _, a in self.currency))

    @property
    def coin_total(self) -> Money:
        return Money(sum(a.cents for _, _, a in self.coin))

    @property
    def checks_total(self) -> Money:
        return Money(sum(i.amount.cents for i in self.items))

    @property
    def total(self) -> Money:
        return Money(self.currency_total.cents + self.coin_total.cents + self.checks_total.cents)


def _greedy(left: dict[str, int], need: int, order) -> tuple[dict[str, int], int]:
    kept: dict[str, int] = {}
    for d in order:
        if need <= 0:
            break
        take = min(left.get(d.key, 0), need // d.cents)
        if take:
            kept[d.key] = take
            need -= take * d.cents
    return kept, need


def split_float(
    counted: dict[str, int], keep_cents: int, prefer: dict[str, int] | None = None
) -> tuple[dict[str, int], dict[str, int], int]:
    """Split counted pieces into (kept for the float, deposited, cents the float is short).

    The float is kept in the pieces it was opened with when the count still holds them; else
    it is made up from the smallest pieces upward (large bills go to the bank), else from the
    largest down; never more than the float. What cannot be made up exactly is reported.
    """
    if (
        prefer
        and all(counted.get(k, 0) >= n for k, n in prefer.items())
        and (sum(BY_KEY[k].cents * n for k, n in prefer.items()) == keep_cents)
    ):
        kept, need = {k: n for k, n in prefer.items() if n}, 0
    else:
        ascending = sorted(DENOMINATIONS, key=lambda d: d.cents)
        kept, need = _greedy(counted, keep_cents, ascending)
        if need:
            big_first, big_need = _greedy(counted, keep_cents, reversed(ascending))
            if big_need < need:
                kept, need = big_first, big_need
    deposit = {k: n - kept.get(k, 0) for k, n in counted.items() if n - kept.get(k, 0) > 0}
    return kept, deposit, need


def deposit_lines(
    deposit: dict[str, int],
) -> tuple[tuple[tuple[str, int, Money], ...], tuple[tuple[str, int, Money], ...]]:
    """The deposit's bills and coins as (label, count, amount) rows, largest first."""
    currency: list[tuple[str, int, Money]] = []
    coin: list[tuple[str, int, Money]] = []
    for d in DENOMINATIONS:
        n = deposit.get(d.key, 0)
        if n:
            (currency if d.kind == "bill" else coin).append((d.label, n, Money(d.cents * n)))
    return tuple(currency), tuple(coin)


def _pair(left: str, right: str, width: int) -> str:
    left = left[: max(width - len(right) - 1, 0)]
    return f"{left}{' ' * (width - len(left) - len(right))}{right}"


def render_text(slip: DepositSlip, width: int = 42) -> list[str]:
    """The short form for the receipt printer."""
    rule = "-" * width
    out = [slip.city_name.center(width).rstrip(), "BANK DEPOSIT".center(width).rstrip()]
    out.append(slip.scope[:width])
    out.append(_pair("Prepared", slip.prepared_at.strftime("%m/%d/%Y %I:%M %p"), width))
    out.append(_pair("By", slip.prepared_by, width))
    out.append(rule)
    for label, n, amount in slip.currency:
        out.append(_pair(f"{n} x {label}", amount.format(), width))
    out.append(_pair("CURRENCY", slip.currency_total.format(), width))
    for label, n, amount in slip.coin:
        out.append(_pair(f"{n} x {label}", amount.format(), width))
    out.append(_pair("COIN", slip.coin_total.format(), width))
    out.append(rule)
    for i in slip.items:
        kind = "Chk" if i.kind == TenderKind.CHECK else "MO"
        out.append(_pair(f"{kind} {i.number} {i.payer}", i.amount.format(), width))
    out.append(_pair(f"CHECKS/MO ({len(slip.items)})", slip.checks_total.format(), width))
    out.append(rule)
    out.append(_pair("TOTAL DEPOSIT", slip.total.format(), width))
    out.append(_pair("Float kept back", slip.float_kept.format(), width))
    if slip.float_shortfall:
        out.append(_pair("Float short by", slip.float_shortfall.format(), width))
    return out
