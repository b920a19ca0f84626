"""Water rates as data: a base charge by meter size, tiered volume rates, a flat sewer charge.

A schedule is effective-dated JSON (see db/seed/utility.json); `parse_schedule` checks it and
`price` turns one account's month into bill lines. Consumption is whole units (HCF); a rate is
dollars per unit as a decimal string; each line is rounded half-up to the cent once, so a bill
is exactly the sum of its lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money, MoneyError


class RateError(Explained, ValueError):
    """A rate schedule that cannot price a bill; the message says which part and why."""


@dataclass(frozen=True, slots=True)
class Tier:
    upto: int | None  # the last unit billed at this rate; None: every unit above the last tier
    rate: Decimal  # dollars per unit


@dataclass(frozen=True, slots=True)
class TierUse:
    """The units of one consumption that fall in one tier: units first..last (1-based)."""

    tier: int  # index into the tiers
    first: int
    last: int
    rate: Decimal

    @property
    def units(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True, slots=True)
class BillLine:
    code: str  # base, volume_1, volume_2, ..., sewer
    label: str
    units: int
    rate: str  # as printed: "1.60" per unit, "" for a flat charge
    cents: int
    gl: str


@dataclass(frozen=True)
class RateSchedule:
    effective_from: date
    unit: str
    due_days: int
    class_groups: Mapping[str, str]  # customer class -> rate class (residential, commercial)
    base_by_size: Mapping[str, int]  # meter size -> cents a month
    volume: Mapping[str, tuple[Tier, ...]]  # rate class -> tiers, lowest first
    sewer: Mapping[str, int]  # rate class -> flat cents a month (absent: no sewer line)
    gl: Mapping[str, str]  # base / volume / sewer -> GL account

    def group(self, customer_class: str) -> str:
        try:
            return self.class_groups[customer_class]
        except KeyError:
            raise RateError(
                "The rate schedule has no rates for class {customer_class!r}.",
                customer_class=customer_class,
            ) from None

    def tiers(self, customer_class: str) -> tuple[Tier, ...]:
        return self.volume[self.group(customer_class)]


def _dollars(value: Any, what: str) -> Decimal:
    if isinstance(value, float | bool):
        raise RateError('{what}: write the amount as text, like "1.60", never a float.', what=what)
    try:
        rate = Decimal(str(value))
    except InvalidOperation:
        raise RateError("{what}: {value!r} is not an amount.", what=what, value=value) from None
    if not rate.is_finite() or rate < 0:
        raise RateError("{what}: {value!r} is not an amount.", what=what, value=value)
    return rate


def _cents(value: Any, what: str) -> int:
    if isinstance(value, float | bool) or not isinstance(value, str | int):
        raise RateError('{what}: write the amount as text, like "20.50", never a float.', what=what)
    try:
        cents = Money.parse(str(value)).cents
    except MoneyError as exc:
        raise RateError("{what}: {exc}", what=what, exc=exc) from None
    if cents < 0:
        raise RateError("{what}: a charge is never negative.", what=what)
    return cents


def parse_tiers(raw: Any, what: str) -> tuple[Tier, ...]:
    if not isinstance(raw, list) or not raw:
        raise RateError("{what}: list at least one tier.", what=what)
    tiers: list[Tier] = []
    last = 0
    for i, t in enumerate(raw, 1):
        if not isinstance(t, dict) or "rate" not in t:
            raise RateError(
                "{what}, tier {i}: give its rate (and its upto, but for the last).", what=what, i=i
            )
        upto = t.get("upto")
        if upto is not None:
            if isinstance(upto, bool) or not isinstance(upto, int) or upto <= last:
                raise RateError(
                    "{what}, tier {i}: upto must be a whole number above {last}.",
                    what=what,
                    i=i,
                    last=last,
                )
            last = upto
        elif i != len(raw):
            raise RateError(
                "{what}, tier {i}: only the last tier may be open-ended.", what=what, i=i
            )
        tiers.append(Tier(upto, _dollars(t["rate"], f"{what}, tier {i}")))
    if tiers[-1].upto is not None:
        raise RateError("{what}: the last tier must be open-ended (no upto).", what=what)
    return tuple(tiers)


def parse_schedule(body: Mapping[str, Any], effective_from: date) -> RateSchedule:
    """Check a schedule's JSON and build it; RateError says what is wrong."""
    if not isinstance(body, Mapping):
        raise RateError("A rate schedule is an object with base_by_size, volume and sewer.")
    groups = body.get("class_groups")
    if not isinstance(groups, dict) or not groups:
        raise RateError("class_groups: map each customer class to a rate class.")
    volume_raw = body.get("volume")
    if not isinstance(volume_raw, dict):
        raise RateError("volume: give the tiers of each rate class.")
    volume = {g: parse_tiers(v, f"volume {g}") for g, v in volume_raw.items()}
    for klass, group in groups.items():
        if group not in volume:
            raise RateError(
                "class_groups: {klass} is billed as {group!r}, which has no volume rates.",
                klass=klass,
                group=group,
            )
    base_raw = body.get("base_by_size")
    if not isinstance(base_raw, dict) or not base_raw:
        raise RateError("base_by_size: give the monthly base charge of each meter size.")
    base = {str(k): _cents(v, f"base charge {k}") for k, v in base_raw.items()}
    sewer = {str(k): _cents(v, f"sewer {k}") for k, v in (body.get("sewer") or {}).items()}
    gl = body.get("gl") or {}
    for part in ("base", "volume", "sewer"):
        if not isinstance(gl.get(part), str) or not gl[part]:
            raise RateError("gl: name the GL account of the {part} charge.", part=part)
    due_days = body.get("due_days", 21)
    if isinstance(due_days, bool) or not isinstance(due_days, int) or not 1 <= due_days <= 90:
        raise RateError("due_days: a bill is due 1 to 90 days after its date.")
    return RateSchedule(
        effective_from=effective_from,
        unit=str(body.get("unit", "HCF")),
        due_days=due_days,
        class_groups=dict(groups),
        base_by_size=base,
        volume=volume,
        sewer=sewer,
        gl=dict(gl),
    )


def split(consumption: int, tiers: tuple[Tier, ...]) -> list[TierUse]:
    """The consumption's units tier by tier, each unit at its own tier's rate."""
    if consumption < 0:
        raise RateError("Consumption is never negative.")
    uses: list[TierUse] = []
    start = 1
    for i, tier in enumerate(tiers):
        if start > consumption:
            break
        end = consumption if tier.upto is None else min(tier.upto, consumption)
        if end >= start:
            uses.append(TierUse(i, start, end, tier.rate))
        start = end + 1
    return uses


def line_cents(units: int, rate: Decimal) -> int:
    """units x rate dollars, in cents, rounded half-up once."""
    return int((Decimal(units) * rate * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def volume_cents(consumption: int, tiers: tuple[Tier, ...]) -> int:
    """The volume charge alone (what a leak or estimate correction re-prices)."""
    return sum(line_cents(u.units, u.rate) for u in split(consumption, tiers))


def _rate_text(rate: Decimal) -> str:
    return f"{rate.quantize(Decimal('0.01')) if rate == rate.quantize(Decimal('0.01')) else rate}"


def price(
    schedule: RateSchedule, meter_size: str, customer_class: str, consumption: int
) -> tuple[BillLine, ...]:
    """A month's bill lines: base by meter size, one line per tier used, the sewer charge."""
    group = schedule.group(customer_class)
    if meter_size not in schedule.base_by_size:
        raise RateError(
            'The rate schedule has no base charge for a {meter_size}" meter.', meter_size=meter_size
        )
    unit = schedule.unit
    lines = [
        BillLine(
            "base",
            f'Base charge, {meter_size}" meter',
            0,
            "",
            schedule.base_by_size[meter_size],
            schedule.gl["base"],
        )
    ]
    tiers = schedule.volume[group]
    for use in split(consumption, tiers):
        span = (
            f"{use.first}–{use.last}"
            if tiers[use.tier].upto is not None
            else f"over {use.first - 1}"
        )
        if len(tiers) == 1:
            label = f"Water, {use.units} {unit}"
        else:
            label = f"Water, tier {use.tier + 1} ({span} {unit})"
        lines.append(
            BillLine(
                f"volume_{use.tier + 1}",
                label,
                use.units,
                _rate_text(use.rate),
                line_cents(use.units, use.rate),
                schedule.gl["volume"],
            )
        )
    if group in schedule.sewer and schedule.sewer[group]:
        lines.append(
            BillLine("sewer", "Sewer service", 0, "", schedule.sewer[group], schedule.gl["sewer"])
        )
    return tuple(lines)


def total(lines: tuple[BillLine, ...] | list[BillLine]) -> int:
    return sum(line.cents for line in lines)
