"""Account adjustments: a supervisor-approved ledger entry with a reason, never an edit."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from counterpos.domain.money import Money, MoneyError, check_counter_amount
from counterpos.services import audit, overrides
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, NotFound
from counterpos.services.overrides import Approval
from counterpos.services.station import Station
from counterpos.store.models import LedgerEntry, UtilityAccount


@dataclass(frozen=True)
class Adjustment:
    entry_id: str
    account_no: str
    amount: Money
    balance: Money
    approver: str


def adjust_account(
    station: Station,
    actor: Actor,
    account_no: str,
    amount: Money,
    reason: str,
    approval: Approval | None = None,
) -> Adjustment:
    """Positive raises the balance due, negative credits it. Needs `adjust_account`."""
    reason = reason.strip()
    if not reason:
        raise InputError("Give the reason for the adjustment.", field="reason")
    if amount.cents == 0:
        raise InputError("The adjustment cannot be $0.00.", field="amount")
    try:
        check_counter_amount(Money(abs(amount.cents)), what="The adjustment")
    except MoneyError as exc:
        raise InputError(str(exc), field="amount") from exc
    with station.store.write() as s:
        account = s.scalar(
            select(UtilityAccount).where(UtilityAccount.account_no == account_no.strip())
        )
        if account is None:
            raise NotFound(f"There is no utility account {account_no.strip()}.")
        approver = overrides.authorise(actor, "adjust_account", approval, what="adjust an account")
        entry = LedgerEntry(
            account_id=account.id,
            entry_type="adjustment",
            amount_cents=amount.cents,
            memo=reason[:400],
            station_code=station.code,
        )
        s.add(entry)
        s.flush()
        balance = s.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
                LedgerEntry.account_id == account.id
            )
        )
        audit.record(
            s,
            station.code,
            "adjustment",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=account.account_no,
            details={"amount_cents": amount.cents, "reason": reason, "entry_id": entry.id},
        )
    overrides.spend(approval)
    return Adjustment(
        entry.id,
        account.account_no,
        amount,
        Money(int(balance)),
        approver.username if approver else "",
    )
