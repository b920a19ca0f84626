"""Keeping fee schedules: a supervisor adds an effective-dated rule; nothing is ever overwritten."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from counterpos.domain.fee_rules import FeeInput, FeeRuleError, compute_fee, validate_rule
from counterpos.domain.money import Money, MoneyError
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, NotFound
from counterpos.services.sale.catalog import rule_in_effect
from counterpos.services.station import Station
from counterpos.store.models import FeeSchedule, Service

MAX_AHEAD_DAYS = 730


@dataclass(frozen=True)
class ScheduleRow:
    effective_from: date
    rule: dict[str, Any]
    created_by: str
    created_at: datetime
    in_effect: bool
    summary: str


def describe(rule: dict[str, Any]) -> str:
    """A rule in a few words for the schedule list."""
    kind = rule.get("kind")
    if kind == "fixed":
        return f"{Money(int(rule['cents']))}"
    if kind == "per_quantity":
        return f"{Money(int(rule['cents']))} each"
    if kind == "entered":
        return "amount entered"
    if kind == "table":
        return f"table by {', '.join(rule['keys'])} ({len(rule['rows'])} rows)"
    if kind == "bracket":
        return f"bracket on {rule['attribute'].replace('_cents', '').replace('_', ' ')}"
    if kind == "percent_late":
        return f"{describe(rule['of'])} + {rule['percent']}% late"
    if kind == "late_fixed":
        return f"{Money(int(rule['cents']))} after {rule.get('after_days', 0)} days"
    if kind == "attribute":
        return "amount on record"
    if kind == "sum":
        return " + ".join(describe(p) for p in rule["parts"])
    return str(kind)


def history(station: Station, service_code: str, on: date | None = None) -> list[ScheduleRow]:
    """Every schedule of a service, newest first, marking the one in effect."""
    on = on or local_today()
    with station.store.read() as s:
        if s.get(Service, service_code) is None:
            raise NotFound(
                "There is no service {service_code!r} in the catalog.", service_code=service_code
            )
        current = rule_in_effect(s, service_code, on)
        rows = s.scalars(
            select(FeeSchedule)
            .where(FeeSchedule.service_code == service_code)
            .order_by(FeeSchedule.effective_from.desc(), FeeSchedule.created_at.desc())
        ).all()
        out, marked = [], False
        for r in rows:
            now = not marked and r.effective_from <= on and r.rule == current
            marked = marked or now
            out.append(
                ScheduleRow(
                    r.effective_from, r.rule, r.created_by, r.created_at, now, describe(r.rule)
                )
            )
        return out


def parse_rule(text: str) -> dict[str, Any]:
    """A rule typed as JSON, or a plain amount ("25.00") for a fixed fee."""
    text = (text or "").strip()
    if not text:
        raise InputError("Enter the new fee.", field="rule")
    if not text.startswith("{"):
        try:
            money = Money.parse(text)
        except MoneyError as exc:
            raise InputError(exc, field="rule") from exc
        return {"kind": "fixed", "cents": money.cents}
    try:
        rule = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            "The fee rule is not valid JSON (line {lineno}).", field="rule", lineno=exc.lineno
        ) from exc
    if not isinstance(rule, dict):
        raise InputError("A fee rule is an object with a kind.", field="rule")
    return rule


def add_schedule(
    station: Station, actor: Actor, service_code: str, rule: dict[str, Any], effective_from: date
) -> ScheduleRow:
    """Add a rule in effect from a date (today or later). Earlier schedules stay as they were."""
    actor.require("edit_fees", "change fee schedules")
    today = local_today()
    if effective_from < today:
        raise InputError(
            "A new fee cannot take effect in the past: receipts already issued keep their fee.",
            field="effective_from",
        )
    if (effective_from - today).days > MAX_AHEAD_DAYS:
        raise InputError(
            "A new fee can be scheduled at most two years ahead.", field="effective_from"
        )
    try:
        validate_rule(rule)
    except FeeRuleError as exc:
        raise InputError(exc, field="rule") from exc
    _smoke_test(rule)
    with station.store.write() as s:
        if s.get(Service, service_code) is None:
            raise NotFound(
                "There is no service {service_code!r} in the catalog.", service_code=service_code
            )
        old = rule_in_effect(s, service_code, effective_from)
        row = FeeSchedule(
            service_code=service_code,
            effective_from=effective_from,
            rule=rule,
            created_by=actor.username,
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            station.code,
            "fee_schedule_added",
            actor=actor.username,
            target=service_code,
            details={"effective_from": effective_from.isoformat(), "rule": rule, "replaces": old},
        )
        return ScheduleRow(
            effective_from, rule, actor.username, row.created_at, False, describe(rule)
        )


def _smoke_test(rule: dict[str, Any]) -> None:
    """Refuse a fixed-amount rule that cannot even price a plain line."""
    if rule.get("kind") in ("fixed", "per_quantity"):
        try:
            compute_fee(rule, FeeInput())
        except (FeeRuleError, MoneyError, KeyError, TypeError, ValueError) as exc:
            raise InputError("The fee rule does not work: {exc}", field="rule", exc=exc) from exc
