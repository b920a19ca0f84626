"""Shut-off eligibility under SB 998, disconnections and reconnections, and the yearly counts.

Nothing here turns water off: it says whether the law and the city's policy allow it on a day,
and why not (every blocker, in plain words); it records a disconnection only when allowed, and
a reconnection after one. The annual report counts both (SB 998 asks for the disconnections
for non-payment).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.kinds import EntryType
from counterpos.domain.utility.delinquency import past_due
from counterpos.domain.utility.low_income import ReconnectionFee, reconnection_fee
from counterpos.domain.utility.sb998 import ShutoffFacts, explain, shutoff_blockers
from counterpos.services import audit
from counterpos.services.actor import Actor
from counterpos.services.clock import local_today, to_local
from counterpos.services.errors import InputError, StateError
from counterpos.services.station import Station
from counterpos.services.utility.accounts import find_account
from counterpos.services.utility.billing.rates import closed_days, delinquency_policy
from counterpos.services.utility.delinquency.standing import (
    arrangements,
    low_income_accounts,
    owing,
)
from counterpos.store.models import (
    LedgerEntry,
    Notice,
    NoticeEvent,
    ServiceAction,
    ShutoffProtection,
    UtilityAccount,
)
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import ledger_row

CONDITIONS = {
    "medical": "A primary care provider certifies disconnection would be life-threatening",
    "cannot_pay": "The customer shows financial inability to pay",
    "willing": "The customer is willing to enter a payment arrangement",
    # not one of the three: SB 998's low-income protections (a reconnection fee capped, one
    # late charge waived in twelve months), domain/utility/low_income.py
    "low_income": "The household's income is below 200% of the federal poverty line",
}


@dataclass(frozen=True)
class ShutoffCheck:
    account_no: str
    on: date
    eligible: bool
    reasons: tuple[str, ...]  # why not, in words
    past_due_cents: int
    oldest_due: date | None
    final_notice_no: str
    shutoff_on: date | None
    disconnected: bool


def _facts(
    s: Session, acct: UtilityAccount, on: date, now: datetime
) -> tuple[ShutoffFacts, str, date | None]:
    policy = delinquency_policy(s, on)
    o = owing(s, acct.id).get(acct.id)
    items = o.unpaid() if o else []
    owed = past_due(items, on)
    oldest = next((u.charge for u in items if u.charge.due_on < on), None)
    final = None
    if oldest is not None:
        final = s.scalars(
            select(Notice)
            .where(
                Notice.account_id == acct.id,
                Notice.kind == "final",
                Notice.due_on >= oldest.due_on,
            )
            .order_by(Notice.issued_on.desc())
        ).first()
    returned = hanger = None
    if final is not None:
        returned = s.scalar(
            select(NoticeEvent.id).where(
                NoticeEvent.notice_id == final.id, NoticeEvent.kind == "returned"
            )
        )
        door = s.scalars(select(Notice).where(Notice.key == f"door_hanger:{final.id}")).first()
        hanger = door.created_at if door else None
    arr = arrangements(
        s, on, policy.arrangement_grace_days, policy.sb998.arrangement_default_days, acct.id
    ).get(acct.id)
    posted = None
    if arr is not None:
        posted = s.scalars(
            select(Notice).where(Notice.key == f"posted:{arr.arrangement_id}")
        ).first()
    held = set(
        s.scalars(
            select(ShutoffProtection.condition).where(
                ShutoffProtection.account_id == acct.id,
                ShutoffProtection.valid_from <= on,
                ShutoffProtection.valid_to >= on,
            )
        )
    )
    facts = ShutoffFacts(
        residential=acct.customer_class in policy.residential_classes,
        oldest_unpaid_due=oldest.due_on if oldest else None,
        past_due_cents=owed,
        final_notice_on=final.issued_on if final else None,
        notice_returned=bool(returned),
        door_hanger_at=to_local(hanger) if hanger else None,
        arrangement=arr.standing.state if arr and arr.standing.state != "completed" else "",
        posted_notice_on=posted.issued_on if posted else None,
        medical_certified="medical" in held,
        cannot_pay="cannot_pay" in held,
        willing_to_arrange="willing" in held,
    )
    return facts, final.notice_no if final else "", final.shutoff_on if final else None


def _disconnected(s: Session, account_id: str) -> bool:
    last = s.scalars(
        select(ServiceAction.kind)
        .where(ServiceAction.account_id == account_id)
        .order_by(ServiceAction.created_at.desc())
    ).first()
    return last == "disconnect"


def shutoff_check(station: Station, account_no: str, on: date | None = None) -> ShutoffCheck:
    on = on or local_today()
    with station.store.read() as s:
        acct = find_account(s, account_no)
        policy = delinquency_policy(s, on)
        facts, final_no, shutoff_on = _facts(s, acct, on, datetime.now())
        codes = shutoff_blockers(facts, on, datetime.now(), closed_days(s), policy.sb998)
        return ShutoffCheck(
            acct.account_no,
            on,
            not codes,
            tuple(explain(codes, policy.sb998)),
            facts.past_due_cents,
            facts.oldest_unpaid_due,
            final_no,
            shutoff_on,
            _disconnected(s, acct.id),
        )


def shutoff_list(station: Station, on: date | None = None) -> list[ShutoffCheck]:
    """Accounts with a final notice out that may be disconnected on `on` (the crew's list)."""
    on = on or local_today()
    with station.store.read() as s:
        candidates = s.scalars(
            select(UtilityAccount.account_no)
            .join(Notice, Notice.account_id == UtilityAccount.id)
            .where(Notice.kind.in_(("final", "posted")), UtilityAccount.status == "active")
            .distinct()
            .order_by(UtilityAccount.account_no)
        ).all()
    checks = [shutoff_check(station, a, on) for a in candidates]
    return [c for c in checks if c.eligible and not c.disconnected]


def record_protection(
    station: Station,
    actor: Actor,
    account_no: str,
    condition: str,
    valid_from: date,
    valid_to: date,
    note: str = "",
) -> None:
    """One of SB 998's three conditions on file for a period (a certificate, a declaration)."""
    actor.require("arrange_payments", "record shut-off protections")
    if condition not in CONDITIONS:
        raise InputError(
            "Condition: one of {choices}.", field="condition", choices=", ".join(CONDITIONS)
        )
    if valid_to < valid_from:
        raise InputError("The protection ends before it starts.", field="valid_to")
    with station.store.write() as s:
        acct = find_account(s, account_no)
        s.add(
            ShutoffProtection(
                account_id=acct.id,
                condition=condition,
                valid_from=valid_from,
                valid_to=valid_to,
                note=" ".join(note.split())[:500],
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s,
            station.code,
            "shutoff_protection",
            actor=actor.username,
            target=acct.account_no,
            details={
                "condition": condition,
                "from": valid_from.isoformat(),
                "to": valid_to.isoformat(),
            },
        )


def disconnect(
    station: Station, actor: Actor, account_no: str, on: date | None = None
) -> ShutoffCheck:
    """Record water turned off for non-payment, only when every rule allows it on `on`."""
    actor.require("disconnect_service", "disconnect water service")
    on = on or local_today()
    check = shutoff_check(station, account_no, on)
    if check.disconnected:
        raise StateError(
            "Account {account_no} is already disconnected.", account_no=check.account_no
        )
    if not check.eligible:
        raise StateError(
            "Account {account_no} may not be disconnected on {on:%m/%d/%Y}: {reasons}.",
            account_no=check.account_no,
            on=on,
            reasons="; ".join(check.reasons),
        )
    with station.store.write() as s:
        acct = find_account(s, account_no)
        notice = s.scalars(select(Notice).where(Notice.notice_no == check.final_notice_no)).first()
        s.add(
            ServiceAction(
                account_id=acct.id,
                kind="disconnect",
                on_date=on,
                notice_id=notice.id if notice else None,
                details={
                    "past_due_cents": check.past_due_cents,
                    "final_notice": check.final_notice_no,
                },
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        audit.record(
            s, station.code, "service_disconnected", actor=actor.username, target=acct.account_no
        )
    return check


def reconnect(
    station: Station,
    actor: Actor,
    account_no: str,
    on: date | None = None,
    note: str = "",
    at: datetime | None = None,
) -> ReconnectionFee:
    """Record water turned back on and charge the policy's reconnection fee: for a household
    qualified as low-income on that day, at most SB 998's cap (business hours or not, by
    `at`, the station's local time of the reconnection; now when not given)."""
    actor.require("disconnect_service", "reconnect water service")
    on = on or (at.date() if at else local_today())
    at = at or datetime.combine(on, datetime.now().time())
    with station.store.write() as s:
        acct = find_account(s, account_no)
        if not _disconnected(s, acct.id):
            raise StateError(
                "Account {account_no} is not disconnected.", account_no=acct.account_no
            )
        policy = delinquency_policy(s, on)
        low_income = bool(low_income_accounts(s, on, acct.id))
        fee = reconnection_fee(at, closed_days(s), policy.low_income, low_income)
        s.add(
            ServiceAction(
                account_id=acct.id,
                kind="reconnect",
                on_date=on,
                reason="paid_or_arranged",
                details={
                    "note": " ".join(note.split())[:200],
                    "fee_cents": fee.cents,
                    "business_hours": fee.business_hours,
                    "low_income": low_income,
                    "capped": fee.capped,
                },
                recorded_by=actor.username,
                station_code=station.code,
            )
        )
        s.flush()
        if fee.cents > 0:
            when = "business hours" if fee.business_hours else "after hours"
            memo = f"Reconnection fee ({when})" + (
                ", capped for a low-income household (SB 998)" if fee.capped else ""
            )
            insert_synced(
                s,
                [
                    (
                        LedgerEntry,
                        [
                            ledger_row(
                                account_id=acct.id,
                                entry_type=EntryType.CHARGE,
                                amount_cents=fee.cents,
                                memo=memo,
                                station_code=station.code,
                            )
                        ],
                    )
                ],
            )
        audit.record(
            s,
            station.code,
            "service_reconnected",
            actor=actor.username,
            target=acct.account_no,
            details={"fee_cents": fee.cents, "low_income": low_income, "capped": fee.capped},
        )
    return fee


@dataclass(frozen=True)
class AnnualCounts:
    year: int
    disconnections: int
    disconnections_residential: int
    reconnections: int


def annual_counts(station: Station, year: int) -> AnnualCounts:
    """What the annual report asks: disconnections for non-payment, and reconnections."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    with station.store.read() as s:
        policy = delinquency_policy(s, last if last <= local_today() else local_today())
        rows = s.execute(
            select(ServiceAction.kind, UtilityAccount.customer_class, func.count())
            .join(UtilityAccount, UtilityAccount.id == ServiceAction.account_id)
            .where(ServiceAction.on_date >= first, ServiceAction.on_date <= last)
            .group_by(ServiceAction.kind, UtilityAccount.customer_class)
        ).all()
    dis = sum(n for kind, _c, n in rows if kind == "disconnect")
    res = sum(n for kind, c, n in rows if kind == "disconnect" and c in policy.residential_classes)
    rec = sum(n for kind, _c, n in rows if kind == "reconnect")
    return AnnualCounts(year, dis, res, rec)
