"""Adjusting a utility account: a credit or debit with a reason, approved by a second supervisor.

An adjustment by calculation (a leak, an over-estimate, a late fee waived: calculated/) goes
through the same two-person approval, with its calculation stored beside the ledger entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from counterpos.domain.kinds import EntryType
from counterpos.domain.money import MAX_COUNTER_CENTS, Money, MoneyError
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import add_entry, find_account
from counterpos.store.balances import account_balance

if TYPE_CHECKING:
    from counterpos.domain.utility.calculations import Calculation

REASONS = {
    "leak": "Leak adjustment",
    "penalty_waiver": "Penalty waiver",
    "misread": "Meter misread",
    "over_estimate": "Over-estimate correction",
    "other": "Other",
}
CALCULATION_REASON = {"leak": "leak", "penalty": "penalty_waiver", "over_estimate": "over_estimate"}


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
        raise InputError(
            "Reason: choose one of {choices}.", field="reason", choices=", ".join(REASONS.values())
        )
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
        raise InputError(
            "An adjustment cannot exceed {max_counter}.",
            field="amount",
            max_counter=Money(MAX_COUNTER_CENTS),
        )
    if reason == "penalty_waiver" and amount.cents > 0:
        raise InputError("A penalty waiver is a credit: enter a negative amount.", field="amount")
    return _adjust(station, cashier, approver, account_no, amount, reason, memo).balance


@dataclass(frozen=True)
class Adjusted:
    balance: Money
    ledger_entry_id: str
    calc_no: str  # the calculation's number, "" for a plain adjustment


def _adjust(
    station: Station,
    cashier: Actor,
    approver: Actor,
    account_no: str,
    amount: Money,
    reason: str,
    memo: str,
    calculation: Calculation | None = None,
    bill_ids: tuple[str, ...] = (),
    work_order_id: str | None = None,
) -> Adjusted:
    with station.store.write() as s:
        acct = find_account(s, account_no)
        calc_no = ""
        if calculation is not None:
            from counterpos.services.utility.numbers import next_number  # noqa: PLC0415
            from counterpos.store.models import AdjustmentCalculation  # noqa: PLC0415

            calc_no = next_number(s, AdjustmentCalculation.calc_no, station.code, "C")
            memo = f"{memo + '; ' if memo else ''}calculation {calc_no}"
        entry_id = add_entry(
            s,
            acct.id,
            EntryType.ADJUSTMENT,
            amount.cents,
            f"{REASONS[reason]}{': ' + memo if memo else ''}",
            station.code,
        )
        details: dict = {"amount_cents": amount.cents, "reason": reason, "memo": memo}
        if calculation is not None:
            s.add(
                AdjustmentCalculation(
                    calc_no=calc_no,
                    account_id=acct.id,
                    kind=calculation.kind,
                    calculation=calculation.as_dict(),
                    amount_cents=amount.cents,
                    ledger_entry_id=entry_id,
                    work_order_id=work_order_id,
                    bill_ids=list(bill_ids),
                    entered_by=cashier.username,
                    approved_by=approver.username,
                    station_code=station.code,
                )
            )
            s.flush()
            details["calculation"] = calc_no
        audit.record(
            s,
            station.code,
            "account_adjusted",
            actor=cashier.username,
            approver=approver.username,
            target=acct.account_no,
            details=details,
        )
        return Adjusted(account_balance(s, acct.id), entry_id, calc_no)


def adjust_by_calculation(
    station: Station,
    cashier: Actor,
    approver: Actor,
    account_no: str,
    calculation: Calculation,
    memo: str = "",
    bill_ids: tuple[str, ...] = (),
    work_order_id: str | None = None,
) -> Adjusted:
    """A calculated credit (leak, over-estimate, penalty), approved like any adjustment."""
    approver.require("adjust_account", "approve account adjustments")
    if approver.user_id == cashier.user_id:
        raise InputError(
            "Another supervisor must approve an adjustment you enter.", field="approver"
        )
    amount = Money(calculation.amount_cents)
    if amount.cents == 0:
        raise InputError("The calculation comes to $0.00: nothing to adjust.")
    if abs(amount.cents) > MAX_COUNTER_CENTS:
        raise InputError(
            "An adjustment cannot exceed {max_counter}.", max_counter=Money(MAX_COUNTER_CENTS)
        )
    memo = " ".join((memo or "").split())
    reason = CALCULATION_REASON[calculation.kind]
    return _adjust(
        station,
        cashier,
        approver,
        account_no,
        amount,
        reason,
        memo,
        calculation,
        bill_ids,
        work_order_id,
    )
