"""Fee rules kept as data (JSON-able dicts) and the one function that prices a line from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from counterpos.domain.messages import Explained
from counterpos.domain.money import MAX_COUNTER_CENTS, Money, MoneyError

# Rule kinds:
#   {"kind": "fixed", "cents": 2000}
#   {"kind": "per_quantity", "cents": 3500}                     (times the line quantity)
#   {"kind": "table", "keys": ["species", "altered", "term"], "rows": {"dog|yes|1": 1700, ...}}
#   {"kind": "bracket", "attribute": "gross_receipts_cents",
#        "brackets": [[5000000, 0], [25000000, 7500], [null, 30000]]}  (upper bound inclusive)
#   {"kind": "entered", "min_cents": 1, "max_cents": 100000000}  (amount typed by the cashier)
#   {"kind": "percent_late", "percent": "10", "of": <rule>, "due_attribute": "due_date",
#        "per_month": false, "max_percent": "50"}   (a penalty on top of another rule's fee)
#   {"kind": "sum", "parts": [<rule>, <rule>, ...]}
#   {"kind": "attribute", "attribute": "citation_amount_cents"}  (an amount looked up for the line)
#   {"kind": "late_fixed", "cents": 2500, "date_attribute": "issued_on", "after_days": 21}
#        (a flat penalty once more than after_days have passed since that date; else $0)
#   {"kind": "percent", "percent": "10", "attribute": "past_due_cents"}
#        (a share of an amount looked up for the line, rounded half-up: the utility late fee)


class FeeRuleError(Explained, ValueError):
    """A fee that cannot be computed from what was entered; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class FeeInput:
    """What a line knows when it is priced."""

    attributes: dict[str, Any] = field(default_factory=dict)
    quantity: int = 1
    entered: Money | None = None
    on: date | None = None


def _key_part(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _months_late(due: date, on: date) -> int:
    if on <= due:
        return 0
    months = (on.year - due.year) * 12 + (on.month - due.month)
    if on.day > due.day:
        months += 1
    return max(months, 1)


def compute_fee(rule: dict[str, Any], fee_input: FeeInput) -> Money:
    """Price one line. Raises FeeRuleError with a message a cashier can act on."""
    kind = rule.get("kind")
    if fee_input.quantity < 1:
        raise FeeRuleError("The quantity must be at least 1.")
    if kind == "fixed":
        return Money(int(rule["cents"]))
    if kind == "per_quantity":
        return Money(int(rule["cents"])) * fee_input.quantity
    if kind == "table":
        parts = []
        for key in rule["keys"]:
            if key not in fee_input.attributes or fee_input.attributes[key] in (None, ""):
                raise FeeRuleError(
                    "Choose the {key} to price this service.", key=key.replace("_", " ")
                )
            parts.append(_key_part(fee_input.attributes[key]))
        row = "|".join(parts)
        if row not in rule["rows"]:
            raise FeeRuleError("There is no fee for that combination; check the choices.")
        return Money(int(rule["rows"][row])) * fee_input.quantity
    if kind == "bracket":
        attribute = rule["attribute"]
        value = fee_input.attributes.get(attribute)
        if value is None:
            raise FeeRuleError(
                "Enter the {attribute}.",
                attribute=attribute.replace("_cents", "").replace("_", " "),
            )
        value = int(value)
        if value < 0:
            raise FeeRuleError("Gross receipts cannot be negative.")
        for upper, cents in rule["brackets"]:
            if upper is None or value <= int(upper):
                return Money(int(cents))
        raise FeeRuleError("The amount is above every bracket of this fee table.")
    if kind == "entered":
        if fee_input.entered is None:
            raise FeeRuleError("Enter the amount.")
        low = int(rule.get("min_cents", 1))
        high = int(rule.get("max_cents", MAX_COUNTER_CENTS))
        cents = fee_input.entered.cents
        if cents < 0:
            raise FeeRuleError("The amount cannot be negative.")
        if cents < low:
            raise FeeRuleError("The amount must be at least {low}.", low=Money(low))
        if cents > high:
            raise FeeRuleError("The amount cannot be more than {high}.", high=Money(high))
        return fee_input.entered
    if kind == "percent_late":
        base = compute_fee(rule["of"], fee_input)
        due = fee_input.attributes.get(rule.get("due_attribute", "due_date"))
        on = fee_input.on or date.today()
        if not isinstance(due, date) or on <= due:
            return base
        rate = Decimal(str(rule["percent"]))
        if rule.get("per_month"):
            rate = rate * _months_late(due, on)
        if "max_percent" in rule:
            rate = min(rate, Decimal(str(rule["max_percent"])))
        return base + base.percent(rate)
    if kind == "attribute":
        value = fee_input.attributes.get(rule["attribute"])
        if value is None:
            raise FeeRuleError("The amount owed is not known; look the record up again.")
        return Money(int(value))
    if kind == "late_fixed":
        since = fee_input.attributes.get(rule.get("date_attribute", "due_date"))
        on = fee_input.on or date.today()
        if not isinstance(since, date) or (on - since).days <= int(rule.get("after_days", 0)):
            return Money(0)
        return Money(int(rule["cents"]))
    if kind == "percent":
        value = fee_input.attributes.get(rule["attribute"])
        if value is None:
            raise FeeRuleError("The amount this fee is a share of is not known; look it up again.")
        return Money(max(int(value), 0)).percent(Decimal(str(rule["percent"])))
    if kind == "sum":
        total = Money(0)
        for part in rule["parts"]:
            total = total + compute_fee(part, fee_input)
        return total
    raise FeeRuleError(
        "Unknown fee rule kind {kind!r}; ask a supervisor to fix the fee schedule.", kind=kind
    )


def needs_entered_amount(rule: dict[str, Any]) -> bool:
    """Whether the cashier types the amount for this rule (bill payment, misc receipt)."""
    if rule.get("kind") == "entered":
        return True
    if rule.get("kind") == "sum":
        return any(needs_entered_amount(p) for p in rule["parts"])
    if rule.get("kind") == "percent_late":
        return needs_entered_amount(rule["of"])
    return False


def validate_rule(rule: dict[str, Any]) -> None:
    """Check a rule's shape before it is saved to a fee schedule."""
    kind = rule.get("kind")
    try:
        if kind in ("fixed", "per_quantity"):
            if int(rule["cents"]) < 0 or int(rule["cents"]) > MAX_COUNTER_CENTS:
                raise FeeRuleError("A fee must be between $0.00 and $1,000,000.00.")
        elif kind == "table":
            if not rule["keys"] or not rule["rows"]:
                raise FeeRuleError("A table fee needs keys and rows.")
        elif kind == "bracket":
            if not rule["brackets"]:
                raise FeeRuleError("A bracket fee needs at least one bracket.")
        elif kind in ("entered", "attribute"):
            pass
        elif kind == "late_fixed":
            if int(rule["cents"]) < 0 or int(rule.get("after_days", 0)) < 0:
                raise FeeRuleError("A late penalty and its days cannot be negative.")
        elif kind == "percent":
            if not 0 <= Decimal(str(rule["percent"])) <= 100 or not rule["attribute"]:
                raise FeeRuleError("A percentage fee is between 0% and 100% of a named amount.")
        elif kind == "percent_late":
            Decimal(str(rule["percent"]))
            validate_rule(rule["of"])
        elif kind == "sum":
            for part in rule["parts"]:
                validate_rule(part)
        else:
            raise FeeRuleError("Unknown fee rule kind {kind!r}.", kind=kind)
    except (KeyError, TypeError, ArithmeticError) as exc:
        raise FeeRuleError("The fee rule is incomplete: {exc}", exc=exc) from exc


__all__ = [
    "FeeInput",
    "FeeRuleError",
    "MoneyError",
    "compute_fee",
    "needs_entered_amount",
    "validate_rule",
]
