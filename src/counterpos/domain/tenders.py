"""Tenders (cash, check, money order, card) and how a split payment settles a total."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from counterpos.domain.kinds import TenderKind
from counterpos.domain.messages import Explained, Msg
from counterpos.domain.money import MAX_COUNTER_CENTS, Money
from counterpos.domain.pan_guard import contains_card_number, declared_ok, micr_line_ok, refusal

# The names the screens import; each is its TenderKind member.
CASH = TenderKind.CASH
CHECK = TenderKind.CHECK
MONEY_ORDER = TenderKind.MONEY_ORDER
CARD = TenderKind.CARD
KINDS = (CASH, CHECK, MONEY_ORDER, CARD)  # what a customer can hand over at the till
LABELS: dict[str, str] = {CASH: "Cash", CHECK: "Check", MONEY_ORDER: "Money order", CARD: "Card"}
DRAWER_KINDS = (CASH, CHECK, MONEY_ORDER)  # tenders that go into the cash drawer
# A tender named inside a message, translated with it.
NAMES: dict[str, Msg] = {
    CASH: Msg("cash"),
    CHECK: Msg("check"),
    MONEY_ORDER: Msg("money order"),
    CARD: Msg("card"),
}
MICR_MAX = 40  # a check's reference as stored (tender.reference), a MICR line included


class TenderError(Explained, ValueError):
    """A tender that cannot be taken; the message is for the cashier."""


@dataclass(frozen=True, slots=True)
class Tender:
    """What the customer handed over. For cash, `amount` is what was tendered (before change)."""

    kind: str
    amount: Money
    reference: str = ""  # check or money order number (or a check's MICR line), approval code
    payer: str = ""  # name on the check
    card_brand: str = ""
    card_last4: str = ""

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise TenderError("Unknown tender {kind!r}.", kind=self.kind)
        name = NAMES[self.kind]
        # A check's reference may be its MICR line, a long digit run of its own format: it is
        # refused only when it is no MICR line and holds a card number (its account included).
        if (
            not declared_ok("micr_line", self.reference)
            if self.kind == CHECK
            else contains_card_number(self.reference)
        ):
            raise TenderError(refusal("The reference"))
        if contains_card_number(self.payer):
            raise TenderError(refusal("The payer's name"))
        if self.amount.cents <= 0:
            raise TenderError("The {tender} amount must be more than $0.00.", tender=name)
        if self.amount.cents > MAX_COUNTER_CENTS:
            raise TenderError(
                "The {tender} amount is over {most}.", tender=name, most=Money(MAX_COUNTER_CENTS)
            )
        if self.kind in (CHECK, MONEY_ORDER):
            if not self.reference.strip():
                raise TenderError("Enter the {tender} number.", tender=name)
            reference = self.reference.strip()
            if self.kind == CHECK and micr_line_ok(reference):
                if len(reference) > MICR_MAX:
                    raise TenderError(
                        "The check's MICR line is over {most} characters: "
                        "enter the check number instead.",
                        most=MICR_MAX,
                    )
            elif not re.fullmatch(r"[0-9A-Za-z-]{1,30}", reference):
                raise TenderError(
                    "The check number may hold only letters, digits and '-' "
                    "(or the check's whole MICR line)."
                    if self.kind == CHECK
                    else "The {tender} number may hold only letters, digits and '-'.",
                    tender=name,
                )
        if self.kind == CHECK and not self.payer.strip():
            raise TenderError("Enter the payer's name as printed on the check.")
        if self.kind == CARD:
            if not re.fullmatch(r"[0-9]{4}", self.card_last4):
                raise TenderError("Enter the card's last four digits.")
            if not self.reference.strip():
                raise TenderError("Enter the approval code from the card terminal.")


@dataclass(frozen=True, slots=True)
class AppliedTender:
    """A tender as recorded: `applied` counts toward the sale, `change` went back to the customer."""

    tender: Tender
    applied: Money
    change: Money


@dataclass(frozen=True, slots=True)
class Settlement:
    applied: tuple[AppliedTender, ...]
    change: Money
    total: Money


def remaining_due(total: Money, tenders: list[Tender]) -> Money:
    """What is still owed after these tenders (never below zero)."""
    paid = sum(t.amount.cents for t in tenders)
    return Money(max(total.cents - paid, 0))


def settle(total: Money, tenders: list[Tender]) -> Settlement:
    """Apply tenders to a total. Only cash gives change; other tenders may not overpay."""
    if total.cents < 0:
        raise TenderError("The total cannot be negative.")
    if not tenders and total.cents > 0:
        raise TenderError("Take a payment first.")
    for t in tenders:
        t.validate()
    non_cash = sum(t.amount.cents for t in tenders if t.kind != CASH)
    if non_cash > total.cents:
        raise TenderError(
            "Checks, money orders and cards come to {non_cash}, more than the total "
            "{total}; they cannot give change. Lower one of them.",
            non_cash=Money(non_cash),
            total=total,
        )
    cash = sum(t.amount.cents for t in tenders if t.kind == CASH)
    paid = non_cash + cash
    if paid < total.cents:
        raise TenderError("{due} is still due.", due=Money(total.cents - paid))
    change = paid - total.cents  # <= cash, since non_cash <= total
    applied: list[AppliedTender] = []
    change_left = change
    # Change comes out of the cash tenders, the last one first.
    for t in reversed(tenders):
        if t.kind == CASH and change_left:
            back = min(change_left, t.amount.cents)
            change_left -= back
            applied.append(AppliedTender(t, Money(t.amount.cents - back), Money(back)))
        else:
            applied.append(AppliedTender(t, t.amount, Money(0)))
    applied.reverse()
    return Settlement(tuple(applied), Money(change), total)


def with_amount(tender: Tender, amount: Money) -> Tender:
    return replace(tender, amount=amount)
