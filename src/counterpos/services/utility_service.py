"""Utility accounts at the counter: payments, start, stop, transfer, adjustments and the ledger."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.bill_stub import StubError, parse_stub
from counterpos.domain.cart import Cart, CartLine
from counterpos.domain.money import MAX_COUNTER_CENTS, Money, MoneyError
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today
from counterpos.services.customers import DEPOSIT_TYPES, account_balance
from counterpos.services.errors import InputError, NotFound, StateError
from counterpos.services.owners import check_owner, owner_for
from counterpos.services.service_rules import (
    Companion,
    PriceContext,
    SaleContext,
    ServiceRules,
    register,
)
from counterpos.services.station import Station
from counterpos.services.yard_sale import normalise_address
from counterpos.store.models import (
    Customer,
    LedgerEntry,
    RefundRequest,
    UtilityAccount,
)
from counterpos.store.outbox import enqueue

REASONS = {
    "leak": "Leak adjustment",
    "penalty_waiver": "Penalty waiver",
    "misread": "Meter misread",
    "other": "Other",
}
MAX_START_AHEAD_DAYS = 90


def _account(session: Session, account_no: str) -> UtilityAccount:
    acct = session.scalar(
        select(UtilityAccount).where(UtilityAccount.account_no == str(account_no).strip())
    )
    if acct is None:
        raise NotFound(f"There is no utility account {str(account_no).strip()}.")
    return acct


def deposit_held(session: Session, account_id: str) -> Money:
    cents = session.scalar(
        select(func.coalesce(func.sum(LedgerEntry.amount_cents), 0)).where(
            LedgerEntry.account_id == account_id, LedgerEntry.entry_type.in_(DEPOSIT_TYPES)
        )
    )
    return Money(-int(cents))


def _entry(session, account_id, entry_type, cents, memo, station_code, sale_line_id=None):
    session.add(
        LedgerEntry(
            account_id=account_id,
            entry_type=entry_type,
            amount_cents=cents,
            memo=memo,
            sale_line_id=sale_line_id,
            station_code=station_code,
        )
    )


# --- paying a bill --------------------------------------------------------------------------


@dataclass(frozen=True)
class PaymentPrefill:
    """What the till needs to ring a payment: the line's details and the amount to suggest."""

    account_no: str
    customer_id: str
    customer_name: str
    service_address: str
    amount_due: Money
    due_date: date | None
    details: dict


def payment_prefill(station: Station, account_no: str) -> PaymentPrefill:
    """By account number (typed, or picked from a name/address lookup): the balance due."""
    with station.store.read() as s:
        acct = _account(s, account_no)
        cust = s.get(Customer, acct.customer_id)
        due = account_balance(s, acct.id)
        return PaymentPrefill(
            acct.account_no,
            acct.customer_id,
            cust.display_name if cust else "",
            acct.service_address,
            Money(max(due.cents, 0)),
            acct.due_date,
            {"account_no": acct.account_no},
        )


def scan_stub(station: Station, scanned: str) -> PaymentPrefill:
    """A scanned bill stub: the account's payment with the stub's amount due filled in."""
    try:
        stub = parse_stub(scanned)
    except StubError as exc:
        raise InputError(str(exc), field="account_no") from exc
    pre = payment_prefill(station, stub.account_no)
    return PaymentPrefill(
        pre.account_no,
        pre.customer_id,
        pre.customer_name,
        pre.service_address,
        stub.amount_due,
        stub.due_date,
        pre.details,
    )


@register
class PaymentRules(ServiceRules):
    codes = ("utility_payment",)
    insert_only = True

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        if row.account_id:
            ctx.insert(
                LedgerEntry,
                {
                    "account_id": row.account_id,
                    "entry_type": "payment",
                    "amount_cents": -line.amount.cents,
                    "memo": f"Payment, receipt {ctx.receipt_no}",
                    "sale_line_id": row.id,
                    "station_code": ctx.station_code,
                },
            )


# --- starting service -----------------------------------------------------------------------


@register
class StartServiceRules(ServiceRules):
    """A new account at a service address; its deposit line follows it in the same cart."""

    codes = ("start_service",)
    permission = "start_stop_service"
    permission_what = "start utility service"

    def prepare(self, ctx: PriceContext) -> None:
        c = ctx.clean
        start = ctx.attrs["start_date"]
        if start < ctx.on:
            raise InputError("The start date cannot be in the past.", field="start_date")
        if start > ctx.on + timedelta(days=MAX_START_AHEAD_DAYS):
            raise InputError(
                f"Service can be started at most {MAX_START_AHEAD_DAYS} days ahead.",
                field="start_date",
            )
        address = normalise_address(str(c["service_address"]))
        for acct in ctx.session.scalars(
            select(UtilityAccount).where(UtilityAccount.status == "active")
        ):
            if normalise_address(acct.service_address) == address:
                raise InputError(
                    f"{c['service_address']} already has active service (account "
                    f"{acct.account_no}); stop or transfer that account first.",
                    field="service_address",
                )
        check_owner(ctx.session, ctx.customer_id, c, "new account")
        c.setdefault("start_ref", uuid.uuid4().hex[:10])

    def companions(self, line: CartLine) -> list[Companion]:
        return [
            Companion(
                "utility_deposit",
                {
                    "start_ref": line.details["start_ref"],
                    "customer_class": line.details["customer_class"],
                },
            )
        ]

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        if line.details.get("account_no"):
            raise InputError("Start service opens a new account; leave the account out.")

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        d = line.details
        owner = owner_for(ctx.session, ctx.station_code, ctx.cart.customer_id, d)
        count = ctx.session.scalar(
            select(func.count()).where(UtilityAccount.account_no.like(f"{ctx.station_code}-%"))
        )
        acct = UtilityAccount(
            account_no=f"{ctx.station_code}-{int(count or 0) + 1:05d}",
            customer_id=owner.id,
            service_address=str(d["service_address"])[:200],
            customer_class=d["customer_class"],
            status="active",
            opened_on=date.fromisoformat(d["start_date"]),
        )
        ctx.session.add(acct)
        ctx.session.flush()
        from counterpos.services.customers import index_customer  # noqa: PLC0415

        index_customer(ctx.session, owner.id)
        row.account_id = acct.id
        row.details = {**row.details, "account_no": acct.account_no}
        ctx.state[f"start:{d['start_ref']}"] = acct


@register
class DepositRules(ServiceRules):
    """A deposit is held apart from the balance due (entry types deposit*)."""

    codes = ("utility_deposit",)

    def prepare(self, ctx: PriceContext) -> None:
        if ctx.raw.get("start_ref"):  # set by the start line this deposit goes with
            ctx.clean["start_ref"] = str(ctx.raw["start_ref"])
        if not ctx.clean.get("account_no") and not ctx.clean.get("start_ref"):
            raise InputError("Account number is required.", field="account_no")

    def validate(self, session: Session, line: CartLine, cart: Cart, index: int) -> None:
        ref = line.details.get("start_ref")
        if ref and not any(
            x.service_code == "start_service" and x.details.get("start_ref") == ref
            for x in cart.lines[:index]
        ):
            raise InputError(
                "This deposit belongs to a start of service that is not in the cart.", field="cart"
            )

    def before_line(self, ctx: SaleContext, line: CartLine, row) -> None:
        ref = line.details.get("start_ref")
        if ref:
            acct = ctx.state[f"start:{ref}"]
            row.account_id = acct.id
            row.details = {**row.details, "account_no": acct.account_no}

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        if line.amount.cents:
            _entry(
                ctx.session,
                row.account_id,
                "deposit",
                -line.amount.cents,
                f"Deposit paid, receipt {ctx.receipt_no}",
                ctx.station_code,
                row.id,
            )


# --- stopping and transferring --------------------------------------------------------------


@dataclass(frozen=True)
class StopResult:
    account_no: str
    final_balance: Money  # balance due at the stop, before the deposit
    deposit_held: Money
    deposit_applied: Money
    refund: Money  # deposit left over plus any credit: a refund request
    still_due: Money


def _check_stop(acct: UtilityAccount, stop_date: date, today: date) -> None:
    if acct.status != "active":
        raise StateError(
            f"Account {acct.account_no} is {acct.status}; there is no service to stop."
        )
    if stop_date < today:
        raise InputError("The stop date cannot be in the past.", field="stop_date")
    if stop_date > today + timedelta(days=MAX_START_AHEAD_DAYS):
        raise InputError(
            f"A stop can be booked at most {MAX_START_AHEAD_DAYS} days ahead.", field="stop_date"
        )


def _stop(
    s: Session,
    station_code: str,
    actor: Actor,
    acct: UtilityAccount,
    stop_date: date,
    forwarding: str,
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
        _entry(
            s,
            acct.id,
            "deposit_applied",
            applied.cents,
            "Deposit applied to final bill",
            station_code,
        )
        _entry(s, acct.id, "credit", -applied.cents, "Deposit applied to final bill", station_code)
    left = Money(held.cents - applied.cents)
    credit = Money(max(-balance.cents, 0))
    if left.cents:
        _entry(s, acct.id, "deposit_refund", left.cents, "Deposit to be refunded", station_code)
    if credit.cents:
        _entry(s, acct.id, "refund", credit.cents, "Credit balance to be refunded", station_code)
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
    station: Station, actor: Actor, account_no: str, stop_date: date, forwarding_address: str
) -> StopResult:
    """Close an account: the deposit pays the final bill, what is left becomes a refund request."""
    actor.require("start_stop_service", "stop utility service")
    with station.store.write() as s:
        acct = _account(s, account_no)
        _check_stop(acct, stop_date, local_today())
        return _stop(s, station.code, actor, acct, stop_date, forwarding_address)


@register
class StopServiceRules(ServiceRules):
    """The catalog's stop line ($0) does the same as stop_service inside the sale."""

    codes = ("stop_service",)
    permission = "start_stop_service"
    permission_what = "stop utility service"

    def prepare(self, ctx: PriceContext) -> None:
        _check_stop(_account(ctx.session, ctx.clean["account_no"]), ctx.attrs["stop_date"], ctx.on)

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        acct = _account(ctx.session, line.details["account_no"])
        _stop(
            ctx.session,
            ctx.station_code,
            ctx.actor,
            acct,
            date.fromisoformat(line.details["stop_date"]),
            line.details["forwarding_address"],
        )


def transfer_service(
    station: Station, actor: Actor, account_no: str, new_address: str, move_date: date
) -> str:
    """Move service to a new address: a new account; balance and deposit move with the customer."""
    actor.require("start_stop_service", "transfer utility service")
    new_address = " ".join(new_address.split())
    if len(new_address) < 5:
        raise InputError("Enter the new service address.", field="service_address")
    with station.store.write() as s:
        old = _account(s, account_no)
        _check_stop(old, move_date, local_today())
        norm = normalise_address(new_address)
        for acct in s.scalars(select(UtilityAccount).where(UtilityAccount.status == "active")):
            if normalise_address(acct.service_address) == norm:
                raise InputError(
                    f"{new_address} already has active service (account {acct.account_no}).",
                    field="service_address",
                )
        count = s.scalar(
            select(func.count()).where(UtilityAccount.account_no.like(f"{station.code}-%"))
        )
        new = UtilityAccount(
            account_no=f"{station.code}-{int(count or 0) + 1:05d}",
            customer_id=old.customer_id,
            service_address=new_address[:200],
            customer_class=old.customer_class,
            status="active",
            opened_on=move_date,
        )
        s.add(new)
        s.flush()
        balance = account_balance(s, old.id)
        held = deposit_held(s, old.id)
        memo_out, memo_in = f"Transferred to {new.account_no}", f"Transferred from {old.account_no}"
        if balance.cents:
            _entry(s, old.id, "transfer", -balance.cents, memo_out, station.code)
            _entry(s, new.id, "transfer", balance.cents, memo_in, station.code)
        if held.cents:
            _entry(s, old.id, "deposit_transfer", held.cents, memo_out, station.code)
            _entry(s, new.id, "deposit_transfer", -held.cents, memo_in, station.code)
        old.status = "closed"
        enqueue(s, old)
        from counterpos.services.customers import index_customer  # noqa: PLC0415

        index_customer(s, old.customer_id)
        audit.record(
            s,
            station.code,
            "service_transferred",
            actor=actor.username,
            target=old.account_no,
            details={"to": new.account_no, "balance": balance.cents, "deposit": held.cents},
        )
        return new.account_no


# --- adjustments ----------------------------------------------------------------------------


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
        raise InputError(str(exc), field="amount") from exc
    if amount.cents == 0:
        raise InputError("An adjustment of $0.00 changes nothing.", field="amount")
    if abs(amount.cents) > MAX_COUNTER_CENTS:
        raise InputError(f"An adjustment cannot exceed {Money(MAX_COUNTER_CENTS)}.", field="amount")
    if reason == "penalty_waiver" and amount.cents > 0:
        raise InputError("A penalty waiver is a credit: enter a negative amount.", field="amount")
    with station.store.write() as s:
        acct = _account(s, account_no)
        _entry(
            s,
            acct.id,
            "adjustment",
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


# --- the ledger on the customer panel -------------------------------------------------------


@dataclass(frozen=True)
class LedgerLine:
    at: datetime
    entry_type: str
    memo: str
    amount: Money  # as stored: positive raises the balance due, a deposit paid is negative
    balance: Money  # balance due after this entry (deposit entries do not change it)
    deposit_held: Money = Money(0)  # deposit the city holds after this entry

    @property
    def is_deposit(self) -> bool:
        return self.entry_type in DEPOSIT_TYPES


@dataclass(frozen=True)
class AccountLedger:
    account_no: str
    service_address: str
    status: str
    balance: Money
    deposit_held: Money
    entries: tuple[LedgerLine, ...]


def account_ledger(station: Station, account_no: str) -> AccountLedger:
    """Every movement on the account, oldest first, with the running balance due."""
    with station.store.read() as s:
        acct = _account(s, account_no)
        running = held = 0
        lines = []
        for e in s.scalars(
            select(LedgerEntry)
            .where(LedgerEntry.account_id == acct.id)
            .order_by(LedgerEntry.created_at, LedgerEntry.id)
        ):
            if e.entry_type in DEPOSIT_TYPES:
                held -= e.amount_cents
            else:
                running += e.amount_cents
            lines.append(
                LedgerLine(
                    e.created_at,
                    e.entry_type,
                    e.memo,
                    Money(e.amount_cents),
                    Money(running),
                    Money(held),
                )
            )
        return AccountLedger(
            acct.account_no,
            acct.service_address,
            acct.status,
            Money(running),
            deposit_held(s, acct.id),
            tuple(lines),
        )
