"""Stopping utility service: the deposit pays the final bill, what is left is a refund request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.kinds import EntryType
from counterpos.domain.messages import N_, word
from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, StateError
from counterpos.services.sale.service_rules import PriceContext, SaleContext, ServiceRules, register
from counterpos.services.station import Station
from counterpos.services.utility.accounts import (
    MAX_START_AHEAD_DAYS,
    add_entry,
    find_account,
)
from counterpos.store.balances import account_balance, deposit_held
from counterpos.store.models import Customer, RefundRequest, UtilityAccount
from counterpos.store.outbox import enqueue


@dataclass(frozen=True)
class StopResult:
    account_no: str
    final_balance: Money  # balance due at the stop, before the deposit
    deposit_held: Money
    deposit_applied: Money
    refund: Money  # deposit left over plus any credit: a refund request
    still_due: Money


def check_stop(acct: UtilityAccount, stop_date: date, today: date) -> None:
    if acct.status != "active":
        raise StateError(
            "Account {account_no} is {status}; there is no service to stop.",
            account_no=acct.account_no,
            status=word(acct.status),
        )
    if stop_date < today:
        raise InputError("The stop date cannot be in the past.", field="stop_date")
    if stop_date > today + timedelta(days=MAX_START_AHEAD_DAYS):
        raise InputError(
            "A stop can be booked at most {max_start_ahead_days} days ahead.",
            field="stop_date",
            max_start_ahead_days=MAX_START_AHEAD_DAYS,
        )


def _stop(
    s: Session,
    station_code: str,
    actor: Actor,
    acct: UtilityAccount,
    stop_date: date,
    forwarding: str,
    approver: Actor | None = None,
) -> StopResult:
    forwarding = " ".join(forwarding.split())
    if len(forwarding) < 8:
        raise InputError(
            "Enter the forwarding address for the final bill.", field="forwarding_address"
        )
    balance = account_balance(s, acct.id)
    held = deposit_held(s, acct.id)
    applied = Money(min(held.cents, max(balance.cents, 0)))
    if applied.cents:
        add_entry(
            s,
            acct.id,
            EntryType.DEPOSIT_APPLIED,
            applied.cents,
            "Deposit applied to final bill",
            station_code,
        )
        add_entry(
            s,
            acct.id,
            EntryType.CREDIT,
            -applied.cents,
            "Deposit applied to final bill",
            station_code,
        )
    left = Money(held.cents - applied.cents)
    credit = Money(max(-balance.cents, 0))
    if left.cents:
        add_entry(
            s, acct.id, EntryType.DEPOSIT_REFUND, left.cents, "Deposit to be refunded", station_code
        )
    if credit.cents:
        add_entry(
            s,
            acct.id,
            EntryType.REFUND,
            credit.cents,
            "Credit balance to be refunded",
            station_code,
        )
    refund = left + credit
    cust = s.get(Customer, acct.customer_id)
    if refund.cents:
        s.add(
            RefundRequest(
                account_id=acct.id,
                amount_cents=refund.cents,
                pay_to=(cust.display_name if cust else "")[:120] or acct.account_no,
                mail_to=forwarding[:200],
                reason=f"Service stopped {stop_date:%m/%d/%Y}: deposit/credit remaining",
                requested_by=actor.username,
            )
        )
    acct.status = "closed"
    enqueue(s, acct)
    if cust is not None:
        cust.mailing_address = forwarding[:200]
        enqueue(s, cust)
    audit.record(
        s,
        station_code,
        "service_stopped",
        actor=actor.username,
        approver=approver.username if approver else "",
        target=acct.account_no,
        details={
            "stop_date": stop_date.isoformat(),
            "deposit_applied": applied.cents,
            "refund": refund.cents,
        },
    )
    still = Money(max(balance.cents - applied.cents, 0))
    return StopResult(acct.account_no, balance, held, applied, refund, still)


def stop_service(
    station: Station,
    actor: Actor,
    account_no: str,
    stop_date: date,
    forwarding_address: str,
    approval: Approval | None = None,
) -> StopResult:
    """Close an account: the deposit pays the final bill, what is left becomes a refund request.

    Needs `start_stop_service`, or a supervisor's on-the-spot `approval` of it (spent once the
    stop is saved; the audit event names both people)."""
    approver = overrides.authorise(
        actor, "start_stop_service", approval, what=N_("stop utility service")
    )
    with station.store.write() as s:
        acct = find_account(s, account_no)
        check_stop(acct, stop_date, local_today())
        result = _stop(s, station.code, actor, acct, stop_date, forwarding_address, approver)
    overrides.spend(approval)
    return result


@register
class StopServiceRules(ServiceRules):
    """The catalog's stop line ($0) does the same as stop_service inside the sale."""

    codes = ("stop_service",)
    permission = "start_stop_service"
    permission_what = N_("stop utility service")

    def prepare(self, ctx: PriceContext) -> None:
        check_stop(
            find_account(ctx.session, ctx.clean["account_no"]), ctx.attrs["stop_date"], ctx.on
        )

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        acct = find_account(ctx.session, line.details["account_no"])
        _stop(
            ctx.session,
            ctx.station_code,
            ctx.actor,
            acct,
            date.fromisoformat(line.details["stop_date"]),
            line.details["forwarding_address"],
        )
