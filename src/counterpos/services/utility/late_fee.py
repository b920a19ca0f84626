"""The utility late fee, as DOMAIN.md sets it: 10% of the past-due balance, once per bill,
after the due date; waived only by an approved adjustment.

`late_fee()` is the one computation. Today an account knows only its due date and its ledger,
so "the bill" is the account's due date and the charges entered up to it; a billing module
with real bills answers the same question from them, here, without the counter changing.
The fee comes with a payment on a past-due account (a companion of the payment line) and is
written to the ledger as a penalty paid at once; a charged or waived penalty after the due
date means the bill's fee is settled.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, text, union_all
from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.fee_rules import FeeInput, compute_fee
from counterpos.domain.kinds import EntryType
from counterpos.domain.ledger import DEPOSIT_TYPES
from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
from counterpos.services.sale.catalog import rule_in_effect, utility_account
from counterpos.services.sale.service_rules import PriceContext, SaleContext, ServiceRules, register
from counterpos.services.station import Station
from counterpos.services.utility.accounts import add_entry, find_account
from counterpos.services.utility.meters.state import LIVE_BILL
from counterpos.store.models import BillPenalty, CentralLedgerEntry, LedgerEntry
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import bill_penalty_row, ledger_row

LATE_FEE = "utility_late_fee"

# The live bill the fee is for (the billing module's bills): the counter's fee is recorded as
# that bill's one late fee (bill_penalty), so the delinquency run never charges it again.
_UNCHARGED_BILL = text(
    f"SELECT b.id FROM bill b WHERE b.account_id = :account AND b.due_date = :due "
    f"AND {LIVE_BILL} AND NOT EXISTS (SELECT 1 FROM bill_penalty p WHERE p.bill_id = b.id) "
    "ORDER BY b.bill_date DESC LIMIT 1"
)


def bill_penalty(
    session: Session, account_id: str, owed: LateFee, ledger_entry_id: str, station_code: str
) -> dict | None:
    """The bill_penalty row marking the bill's late fee as charged at the counter (None when
    the account has no such bill: an account billed outside the billing module)."""
    if owed.bill_due is None:
        return None
    bill_id = (
        session.connection()
        .execute(_UNCHARGED_BILL, {"account": account_id, "due": owed.bill_due})
        .scalar()
    )
    if bill_id is None:
        return None
    return bill_penalty_row(
        bill_id=bill_id,
        account_id=account_id,
        past_due_cents=owed.past_due.cents,
        percent=owed.percent,
        cents=owed.fee.cents,
        ledger_entry_id=ledger_entry_id,
        applied_on=owed.bill_due + timedelta(days=1),
        station_code=station_code,
    )


@dataclass(frozen=True)
class LateFee:
    """What an account owes as late fee on `on`: `fee` is $0 when nothing is owed (`why`)."""

    account_no: str
    bill_due: date | None
    past_due: Money
    fee: Money
    why: str = ""
    percent: str = "10"


def _utc(day: date) -> datetime:
    """The start of a local day as the store's naive UTC."""
    return datetime.combine(day, time.min).astimezone(UTC).replace(tzinfo=None)


def _entries(account_id: str):
    """Every ledger entry of the account: this station's, and those made elsewhere, once."""
    here = select(
        LedgerEntry.id, LedgerEntry.entry_type, LedgerEntry.amount_cents, LedgerEntry.created_at
    ).where(LedgerEntry.account_id == account_id)
    elsewhere = select(
        CentralLedgerEntry.id,
        CentralLedgerEntry.entry_type,
        CentralLedgerEntry.amount_cents,
        CentralLedgerEntry.created_at,
    ).where(
        CentralLedgerEntry.account_id == account_id,
        ~select(LedgerEntry.id).where(LedgerEntry.id == CentralLedgerEntry.id).exists(),
    )
    return union_all(here, elsewhere).subquery()


def late_fee(session: Session, account_no: str, on: date) -> LateFee:
    """The late fee the account owes on `on` for its bill: 10% (the fee schedule's rule) of
    the past-due balance, once per bill, only after the due date."""
    conn = session.connection()
    acct = utility_account(session, str(account_no).strip())
    if acct is None:
        find_account(session, account_no)  # raises NotFound with the message
        raise AssertionError  # pragma: no cover
    rule = rule_in_effect(session, LATE_FEE, on)
    percent = str(rule.get("percent", ""))
    due = acct.due_date
    nothing = Money(0)
    if due is None:
        return LateFee(
            acct.account_no, None, nothing, nothing, "the account has no bill due", percent
        )
    if on <= due:
        return LateFee(
            acct.account_no, due, nothing, nothing, f"its bill is due {due:%m/%d/%Y}", percent
        )
    after_due = _utc(due + timedelta(days=1))
    e = _entries(acct.id)
    # The past-due balance: everything owed but the charges of a later bill (after the due date).
    past_due = conn.execute(
        select(func.coalesce(func.sum(e.c.amount_cents), 0)).where(
            e.c.entry_type.not_in(DEPOSIT_TYPES),
            ~((e.c.entry_type == EntryType.CHARGE) & (e.c.created_at >= after_due)),
        )
    ).scalar()
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    charged = conn.execute(
        select(e.c.id)
        .where(
            e.c.entry_type == EntryType.PENALTY,
            e.c.created_at >= after_due,
            e.c.id.not_in(reversed_ids),
        )
        .limit(1)
    ).first()
    past = Money(max(int(past_due or 0), 0))
    if charged is not None:
        return LateFee(
            acct.account_no, due, past, nothing, "the bill's late fee is already charged", percent
        )
    if not past.cents:
        return LateFee(acct.account_no, due, past, nothing, "nothing is past due", percent)
    fee = compute_fee(rule, FeeInput(attributes={"past_due_cents": past.cents}, on=on))
    return LateFee(acct.account_no, due, past, fee, "", percent)


def late_fee_now(station: Station, account_no: str, on: date) -> LateFee:
    with station.store.read() as s:
        return late_fee(s, account_no, on)


def waive_late_fee(
    station: Station, cashier: Actor, approver: Actor, account_no: str, memo: str, on: date
) -> LateFee:
    """Waive the bill's late fee: an approved adjustment (a different supervisor approves, as
    for every adjustment). The fee is written as charged and credited back, so the ledger says
    so and the bill's fee is settled: no payment brings it again."""
    approver.require("adjust_account", "approve account adjustments")
    if approver.user_id == cashier.user_id:
        raise InputError(
            "Another supervisor must approve an adjustment you enter.", field="approver"
        )
    memo = " ".join((memo or "").split())
    if len(memo) < 5:
        raise InputError("Say why the late fee is waived.", field="memo")
    with station.store.write() as s:
        owed = late_fee(s, account_no, on)
        if not owed.fee.cents:
            raise InputError(
                "Account {account_no} owes no late fee to waive: {why}.",
                field="account_no",
                account_no=owed.account_no,
                why=owed.why,
            )
        acct = find_account(s, account_no)
        bill = f"bill due {owed.bill_due:%m/%d/%Y}"
        charged = add_entry(
            s, acct.id, EntryType.PENALTY, owed.fee.cents, f"Late fee, {bill}", station.code
        )
        marked = bill_penalty(s, acct.id, owed, charged, station.code)
        if marked is not None:
            insert_synced(s, [(BillPenalty, [marked])])
        add_entry(
            s,
            acct.id,
            EntryType.ADJUSTMENT,
            -owed.fee.cents,
            f"Penalty waiver: late fee, {bill}: {memo}",
            station.code,
        )
        audit.record(
            s,
            station.code,
            "account_adjusted",
            actor=cashier.username,
            approver=approver.username,
            target=acct.account_no,
            details={
                "amount_cents": -owed.fee.cents,
                "reason": "penalty_waiver",
                "memo": memo,
                "bill_due": owed.bill_due.isoformat() if owed.bill_due else "",
            },
        )
    return owed


@register
class LateFeeRules(ServiceRules):
    """The late fee line: priced from the account's bill, written as a penalty paid at once."""

    codes = (LATE_FEE,)
    insert_only = True

    def prepare(self, ctx: PriceContext) -> None:
        owed = late_fee(ctx.session, str(ctx.clean["account_no"]), ctx.on)
        if not owed.fee.cents:
            raise InputError(
                "Account {account_no} owes no late fee: {why}. The late fee is {percent}%"
                " of the past-due balance, once per bill, after the due date.",
                field="account_no",
                account_no=owed.account_no,
                why=owed.why,
                percent=owed.percent,
            )
        ctx.clean["bill_due"] = owed.bill_due.isoformat() if owed.bill_due else ""
        ctx.attrs["past_due_cents"] = owed.past_due.cents

    def once_key(self, clean: dict) -> str:
        return f"The late fee of account {clean['account_no']} (bill due {clean['bill_due']})"

    def on_sale(self, ctx: SaleContext, line: CartLine, row) -> None:
        if not row.account_id:
            return
        bill = f"bill due {date.fromisoformat(line.details['bill_due']):%m/%d/%Y}"
        entries = [
            ledger_row(
                account_id=row.account_id,
                entry_type=entry_type,
                amount_cents=cents,
                memo=memo,
                sale_line_id=row.id,
                station_code=ctx.station_code,
            )
            for entry_type, cents, memo in (
                (EntryType.PENALTY, line.amount.cents, f"Late fee, {bill}"),
                (EntryType.PAYMENT, -line.amount.cents, f"Late fee paid, receipt {ctx.receipt_no}"),
            )
        ]
        ctx.insert(LedgerEntry, *entries)
        # Read before the sale's own rows are written: the fee as this line charges it.
        owed = late_fee(ctx.session, line.details["account_no"], ctx.on)
        owed = replace(owed, fee=line.amount, bill_due=date.fromisoformat(line.details["bill_due"]))
        marked = bill_penalty(ctx.session, row.account_id, owed, entries[0]["id"], ctx.station_code)
        if marked is not None:
            ctx.insert(BillPenalty, marked)
