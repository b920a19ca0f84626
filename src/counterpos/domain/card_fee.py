"""Card convenience fee: a policy (none, percentage or flat, per service category) and its sums."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from counterpos.domain.messages import Explained
from counterpos.domain.money import Money, MoneyError

NONE = "none"
PERCENT = "percent"
FLAT = "flat"
ANY = "*"
MAX_PERCENT = Decimal("10")  # a convenience fee above 10% is surely a typing mistake
MAX_FLAT_CENTS = 10_000
NOTHING = Money(0)


class CardFeeError(Explained, ValueError):
    """A fee policy that cannot be read; the message is for the administrator."""


@dataclass(frozen=True, slots=True)
class FeeRate:
    kind: str = NONE  # none, percent, flat
    percent: Decimal = Decimal(0)
    flat: Money = Money(0)

    def describe(self) -> str:
        if self.kind == PERCENT:
            return f"{self.percent.normalize():f}%"
        if self.kind == FLAT:
            return self.flat.format()
        return "none"


@dataclass(frozen=True, slots=True)
class FeePolicy:
    """The fee for each service category; `default` covers categories not named."""

    by_category: dict[str, FeeRate] = field(default_factory=dict)
    default: FeeRate = FeeRate()

    def rate_for(self, category: str) -> FeeRate:
        return self.by_category.get(category, self.default)

    @property
    def is_none(self) -> bool:
        return self.default.kind == NONE and all(r.kind == NONE for r in self.by_category.values())


def parse_rate(text: str) -> FeeRate:
    """'none', '2.5%' or '1.50' (a flat amount)."""
    text = text.strip().lower()
    if text in ("", NONE, "0", "0%"):
        return FeeRate()
    if text.endswith("%"):
        try:
            pct = Decimal(text[:-1].strip())
        except InvalidOperation as exc:
            raise CardFeeError(
                "“{text}” is not a percentage; write it like 2.5%.", text=text
            ) from exc
        if not pct.is_finite() or pct < 0 or pct > MAX_PERCENT:
            raise CardFeeError(
                "A card fee percentage is between 0% and {max_percent}%.", max_percent=MAX_PERCENT
            )
        return FeeRate(PERCENT, pct) if pct else FeeRate()
    try:
        flat = Money.parse(text)
    except MoneyError as exc:
        raise CardFeeError(
            "“{text}” is neither none, a percentage nor an amount.", text=text
        ) from exc
    if flat.cents < 0 or flat.cents > MAX_FLAT_CENTS:
        raise CardFeeError(
            "A flat card fee is between $0.00 and {max_flat}.", max_flat=Money(MAX_FLAT_CENTS)
        )
    return FeeRate(FLAT, flat=flat) if flat.cents else FeeRate()


def parse_policy(text: str) -> FeePolicy:
    """Read 'none', '2.5%', '1.50', or per category: 'utility=2.5%; permit=1.00; *=none'."""
    text = (text or "").strip()
    if "=" not in text:
        return FeePolicy(default=parse_rate(text))
    by_category: dict[str, FeeRate] = {}
    default = FeeRate()
    for part in re.split(r"[;,]", text):
        if not part.strip():
            continue
        if "=" not in part:
            raise CardFeeError("“{part}”: write each category as category=fee.", part=part.strip())
        name, _, value = part.partition("=")
        name = name.strip().lower()
        if not re.fullmatch(r"[a-z_*]+", name):
            raise CardFeeError("“{name}” is not a service category.", name=name)
        if name == ANY:
            default = parse_rate(value)
        else:
            by_category[name] = parse_rate(value)
    return FeePolicy(by_category, default)


def allocate(amount: Money, weights: list[tuple[str, Money]]) -> dict[str, Money]:
    """Spread `amount` over the categories in proportion to their weights, summing exactly.

    Largest remainder: each share is rounded down, and the cents left over go to the largest
    remainders (ties to the earlier category).
    """
    total = sum(w.cents for _, w in weights)
    if amount.cents < 0:
        raise ValueError("cannot allocate a negative amount")
    if total <= 0:
        return {}
    amount_cents = min(amount.cents, total)
    shares: list[tuple[str, int, int]] = []
    for name, w in weights:
        q, r = divmod(amount_cents * w.cents, total)
        shares.append((name, q, r))
    left = amount_cents - sum(q for _, q, _ in shares)
    order = sorted(range(len(shares)), key=lambda i: (-shares[i][2], i))
    bonus = set(order[:left])
    out: dict[str, Money] = {}
    for i, (name, q, _) in enumerate(shares):
        out[name] = out.get(name, Money(0)) + Money(q + (1 if i in bonus else 0))
    return out


def _category_weights(category_amounts: dict[str, Money]) -> list[tuple[str, Money]]:
    return [(c, m) for c, m in category_amounts.items() if m.cents > 0]


def sale_fee(policy: FeePolicy, category_amounts: dict[str, Money], card_total: Money) -> Money:
    """The convenience fee of a sale whose cards pay `card_total` of it, however many cards.

    The card total is shared over the sale's categories in proportion to their amounts; a
    percentage category pays its rate on its exact share (rounded half-up once, per category),
    a flat category pays its amount once as soon as a card pays any of the sale. The fee never
    falls as the card total grows, so each card of a split payment pays the growth of this fee
    (`fee_for`) and the cards together pay exactly this, however the payment was split.
    """
    if card_total.cents <= 0 or policy.is_none:
        return Money(0)
    weights = _category_weights(category_amounts)
    total = sum(w.cents for _, w in weights)
    if total <= 0:
        return Money(0)
    paid = min(card_total.cents, total)
    fee = 0
    for category, weight in weights:
        rate = policy.rate_for(category)
        if rate.kind == PERCENT:
            exact = Decimal(paid) * weight.cents * rate.percent / (Decimal(total) * 100)
            fee += int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        elif rate.kind == FLAT:
            fee += rate.flat.cents
    return Money(fee)


def fee_for(
    policy: FeePolicy,
    category_amounts: dict[str, Money],
    base: Money,
    *,
    prior_base: Money = NOTHING,
    prior_fee: Money = NOTHING,
) -> Money:
    """The fee for paying `base` of a cart by card, after earlier cards paid `prior_base` of
    it and carried `prior_fee`: what the sale's fee grows by (`sale_fee`), never below $0."""
    if base.cents <= 0:
        return Money(0)
    grown = sale_fee(policy, category_amounts, prior_base + base).cents - prior_fee.cents
    return Money(max(grown, 0))


def fee_within(approved: Money, quoted_fee: Money, quoted_charge: Money) -> Money:
    """The fee inside an approval of `approved` out of `quoted_charge` (base + `quoted_fee`).

    A full approval carries the whole fee; a partial one carries the fee in proportion,
    rounded down, so the customer never pays more fee than the part paid by card warrants.
    """
    if quoted_fee.cents <= 0 or quoted_charge.cents <= 0 or approved.cents <= 0:
        return Money(0)
    if approved.cents >= quoted_charge.cents:
        return quoted_fee
    return Money(approved.cents * quoted_fee.cents // quoted_charge.cents)
