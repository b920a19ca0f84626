"""Adjustments by calculation: a leak, an over-estimate, a penalty, each shown step by step.

A calculation is what the clerk, the approving supervisor and the customer read: each step a
label and a figure, the amount last (negative: a credit). It travels with the two-person
adjustment, is stored with it and printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal, InvalidOperation
from typing import Any

from counterpos.domain.document_language import label as in_language
from counterpos.domain.messages import Explained, render
from counterpos.domain.money import Money
from counterpos.domain.utility.rates import Tier, volume_cents


class CalculationError(Explained, ValueError):
    """The figures do not allow the adjustment; the message says why."""


@dataclass(frozen=True, slots=True)
class Step:
    """One line of a calculation: `label` and `value` as English reads them.

    Made by `_step`, a step also keeps the English template of its label (and of its value,
    when the value is words, like the policy), with the figures that fill them, so a letter or
    a screen writes it in its reader's language (`text`). A step stored before templates were
    kept has none and reads as it was stored."""

    label: str
    value: str
    template: str = ""
    args: Mapping[str, str] = field(default_factory=dict)
    words: str = ""

    def text(self, language: str = "en") -> tuple[str, str]:
        """(label, value) in "en", "es" or "both" (document_language)."""
        label = _fill(self.template or self.label, self.args, language)
        value = _fill(self.words, self.args, language) if self.words else self.value
        return label, value

    def as_list(self) -> list[Any]:
        if not self.template:
            return [self.label, self.value]
        return [
            self.label,
            self.value,
            {"template": self.template, "args": dict(self.args), "words": self.words},
        ]

    @classmethod
    def from_list(cls, item: Any) -> Step:
        label, value, *rest = item
        kept = rest[0] if rest and isinstance(rest[0], Mapping) else {}
        return cls(
            str(label),
            str(value),
            str(kept.get("template", "")),
            {str(k): str(v) for k, v in dict(kept.get("args") or {}).items()},
            str(kept.get("words", "")),
        )


def _fill(template: str, args: Mapping[str, str], language: str) -> str:
    """`template` in `language` (document_language) with its figures, as messages fill theirs."""
    return render(template, args, lambda text: in_language(text, language))


def _step(template: str, value: str = "", *, words: str = "", **args: Any) -> Step:
    """A step from its label's template (and its value's, for words) and the figures in them."""
    kept = {k: str(v) for k, v in args.items()}
    return Step(
        template.format(**kept),
        words.format(**kept) if words else value,
        template,
        kept,
        words,
    )


@dataclass(frozen=True)
class Calculation:
    kind: str  # leak, over_estimate, penalty
    title: str
    steps: tuple[Step, ...]
    amount_cents: int  # negative: a credit to the account
    basis: dict[str, Any]  # the figures it was made from, stored with it

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "steps": [s.as_list() for s in self.steps],
            "amount_cents": self.amount_cents,
            "basis": self.basis,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Calculation:
        return cls(
            d["kind"],
            d["title"],
            tuple(Step.from_list(item) for item in d["steps"]),
            int(d["amount_cents"]),
            dict(d.get("basis", {})),
        )


@dataclass(frozen=True)
class LeakPolicy:
    method: str = "share_of_excess"  # or bill_at_average
    share_percent: Decimal = Decimal(50)
    max_periods: int = 2
    once_in_months: int = 12
    proof_within_days: int = 30


def parse_leak_policy(body: Mapping[str, Any]) -> LeakPolicy:
    method = body.get("method", "share_of_excess")
    if method not in ("share_of_excess", "bill_at_average"):
        raise CalculationError("method: share_of_excess or bill_at_average.")
    try:
        share = Decimal(str(body.get("share_percent", "50")))
    except InvalidOperation:
        share = Decimal(-1)
    if isinstance(body.get("share_percent"), float) or not 0 < share <= 100:
        raise CalculationError('share_percent: a percentage as text, like "50".')
    ints = {}
    for key, default, high in (
        ("max_periods", 2, 12),
        ("once_in_months", 12, 120),
        ("proof_within_days", 30, 365),
    ):
        value = body.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
            raise CalculationError("{key}: a whole number from 0 to {high}.", key=key, high=high)
        ints[key] = value
    return LeakPolicy(method, share, **ints)


@dataclass(frozen=True, slots=True)
class Period:
    bill_no: str
    consumption: int
    tiers: tuple[Tier, ...]  # the volume tiers the bill was priced with
    unit: str = "HCF"


def _units(n: int | Decimal, unit: str) -> str:
    return f"{n} {unit}"


def leak_credit(periods: list[Period], average: Decimal, policy: LeakPolicy) -> Calculation:
    """The credit for a repaired leak over at most `max_periods` bills."""
    if not periods:
        raise CalculationError("Choose the bill (or bills) the leak ran up.")
    if len(periods) > policy.max_periods:
        raise CalculationError(
            "The policy covers at most {max_periods} billing periods of a leak.",
            max_periods=policy.max_periods,
        )
    unit = periods[0].unit
    steps = [
        _policy_step(policy),
        _step("12-month average", _units(average, unit)),
    ]
    total = 0
    for p in periods:
        excess = max(Decimal(p.consumption) - average, Decimal(0))
        if policy.method == "share_of_excess":
            credited = int((excess * policy.share_percent / 100).to_integral_value(ROUND_FLOOR))
        else:
            credited = int(excess.to_integral_value(ROUND_FLOOR))
        rebilled = p.consumption - credited
        before = volume_cents(p.consumption, p.tiers)
        after = volume_cents(rebilled, p.tiers)
        bill = p.bill_no
        steps += [
            _step("Bill {bill}: consumption", _units(p.consumption, unit), bill=bill),
            _step("Bill {bill}: above the average", _units(excess, unit), bill=bill),
            _step(
                "Bill {bill}: units credited",
                words="{units} ({share}% of the excess)"
                if policy.method == "share_of_excess"
                else "{units}",
                bill=bill,
                units=_units(credited, unit),
                share=policy.share_percent,
            ),
            _step("Bill {bill}: water charge billed", Money(before).format(), bill=bill),
            _step(
                "Bill {bill}: water charge for {units}",
                Money(after).format(),
                bill=bill,
                units=_units(rebilled, unit),
            ),
        ]
        total += before - after
    if total <= 0:
        raise CalculationError(
            "The leak bills are not above the account's average: nothing to credit."
        )
    steps.append(_step("Credit", Money(-total).format()))
    return Calculation(
        "leak",
        "Leak adjustment",
        tuple(steps),
        -total,
        {
            "average": str(average),
            "periods": [[p.bill_no, p.consumption] for p in periods],
            "method": policy.method,
            "share_percent": str(policy.share_percent),
        },
    )


def _policy_step(policy: LeakPolicy) -> Step:
    limits = "at most {periods} periods; once in {months} months; repair proved within {days} days"
    return _step(
        "Policy",
        words=(
            "{share}% of the use above the average credited; " + limits
            if policy.method == "share_of_excess"
            else "the leak period billed at the average; " + limits
        ),
        share=policy.share_percent,
        periods=policy.max_periods,
        months=policy.once_in_months,
        days=policy.proof_within_days,
    )


def over_estimate_credit(
    estimated: list[Period], actual_units: int, last_actual: int, this_read: int
) -> Calculation:
    """The next actual read shows the estimated bills ran ahead: re-price them on the actual
    use, shared evenly over the estimated periods (odd units on the last)."""
    if not estimated:
        raise CalculationError("There is no estimated bill to correct.")
    unit = estimated[0].unit
    billed_units = sum(p.consumption for p in estimated)
    if actual_units >= billed_units:
        raise CalculationError(
            "The actual use ({actual_units} {unit}) is not below what was estimated ({billed_units} "
            "{unit}): nothing to correct.",
            actual_units=actual_units,
            unit=unit,
            billed_units=billed_units,
        )
    n = len(estimated)
    each, extra = divmod(actual_units, n)
    steps = [
        _step("Last actual read", str(last_actual)),
        _step("This actual read", str(this_read)),
        _step("Actual use over the estimated periods", _units(actual_units, unit)),
        _step("Use billed on estimates", _units(billed_units, unit)),
    ]
    total = 0
    for i, p in enumerate(estimated):
        share = each + (extra if i == n - 1 else 0)
        before = volume_cents(p.consumption, p.tiers)
        after = volume_cents(share, p.tiers)
        steps += [
            _step(
                "Bill {bill}: estimated",
                f"{_units(p.consumption, unit)}, {Money(before)}",
                bill=p.bill_no,
            ),
            _step(
                "Bill {bill}: on actual use",
                f"{_units(share, unit)}, {Money(after)}",
                bill=p.bill_no,
            ),
        ]
        total += before - after
    steps.append(_step("Credit", Money(-total).format()))
    return Calculation(
        "over_estimate",
        "Over-estimate correction",
        tuple(steps),
        -total,
        {
            "actual_units": actual_units,
            "periods": [[p.bill_no, p.consumption] for p in estimated],
            "last_actual": last_actual,
            "this_read": this_read,
        },
    )


def penalty_credit(bill_no: str, penalty_cents: int, reason: str) -> Calculation:
    """Waiving a late fee charged on a bill (the whole fee)."""
    if penalty_cents <= 0:
        raise CalculationError("Bill {bill_no} carries no late fee to waive.", bill_no=bill_no)
    reason = " ".join(reason.split())
    if len(reason) < 5:
        raise CalculationError("Say why the late fee is waived.")
    return Calculation(
        "penalty",
        "Penalty adjustment",
        (
            _step("Bill", bill_no),
            _step("Late fee charged", Money(penalty_cents).format()),
            _step("Reason", reason),
            _step("Credit", Money(-penalty_cents).format()),
        ),
        -penalty_cents,
        {"bill_no": bill_no, "penalty_cents": penalty_cents, "reason": reason},
    )
