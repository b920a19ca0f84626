"""Adjusting a utility account: a credit or debit with a reason, approved by a second supervisor."""

from __future__ import annotations

from counterpos.domain.kinds import EntryType
from counterpos.domain.money import MAX_COUNTER_CENTS, Money, MoneyError
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import add_entry, find_account
from counterpos.store.balances import account_balance

REASONS = {
    "leak": "Leak adjustment",
    "penalty_waiver": "Penalty waiver",
    "misread": "Meter misread",
    "other": "Other",
}


def adjust_account(
    station: Station,
    cashier: Actor,
    approver: Actor,
    account_no: str,
    amount_text: str,
    reason: str,
    memo: str = "",
) -> Money:
    """A credit (negative) or debit with a reason code, approved by a different supervisor."""
    approver.require("adjust_account", "approve account adjustments")
    if approver.user_id == cashier.user_id:
        raise InputError(
            "Another supervisor must approve an adjustment you enter.", field="approver"
        )
    if reason not in REASONS:
        raise InputError(f"Reason: choose one of {', '.join(REASONS.values())}.", field="reason")
    memo = " ".join((memo or "").split())
    if reason == "other" and len(memo) < 5:
        raise InputError("Say what the adjustment is for.", field="memo")
    try:
        amount = Money.parse(amount_text)
    except MoneyError as exc:
        raise InputError(exc, field="amount") from exc
    if amount.cents == 0:
        raise InputError("An adjustment of $0.00 changes nothing.", field="amount")
    if abs(amount.cents) > MAX_COUNTER_CENTS:
        raise InputError(f"An adjustment cannot exceed {Money(MAX_COUNTER_CENTS)}.", field="amount")
    if reason == "penalty_waiver" and amount.cents > 0:
        raise InputError("A penalty waiver is a credit: enter a negative amount.", field="amount")
    with station.store.write() as s:
        acct = find_account(s, account_no)
        add_entry(
            s,
            acct.id,
            EntryType.ADJUSTMENT,
            amount.cents,
            f"{REASONS[reason]}{': ' + memo if memo else ''}",
            station.code,
        )
        audit.record(
            s,
            station.code,
            "account_adjusted",
            actor=cashier.username,
            approver=approver.username,
            target=acct.account_no,
            details={"amount_cents": amount.cents, "reason": reason, "memo": memo},
        )
        return account_balance(s, acct.id)
