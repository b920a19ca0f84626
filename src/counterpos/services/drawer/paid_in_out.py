"""Paid-in and paid-out: cash into or out of the drawer without a sale, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.domain.drawer_balance import expected_cash
from counterpos.domain.money import Money, MoneyError, check_counter_amount
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.clock import utcnow
from counterpos.services.drawer.figures import session_figures
from counterpos.services.errors import InputError
from counterpos.services.sale.sales import next_receipt_no
from counterpos.services.sessions import require_own_open
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent, PaidInOut
from counterpos.store.outbox import insert_synced
from counterpos.store.rows import paid_row

DIRECTIONS = ("in", "out")


@dataclass(frozen=True)
class PaidRecord:
    record_id: str
    receipt_no: str
    direction: str
    amount: Money
    reason: str
    approver: str


def record(
    station: Station,
    actor: Actor,
    session_id: str,
    direction: str,
    amount: Money,
    reason: str,
    approval: Approval | None = None,
) -> PaidRecord:
    """Record a paid-in or paid-out on the actor's open drawer. Needs `paid_in_out`."""
    reason = reason.strip()
    if direction not in DIRECTIONS:
        raise InputError("Choose paid-in or paid-out.", field="direction")
    if not reason:
        raise InputError("Give the reason (e.g. change fund top-up).", field="reason")
    try:
        check_counter_amount(amount, what="The amount")
    except MoneyError as exc:
        raise InputError(exc, field="amount") from exc
    if amount.cents <= 0:
        raise InputError("The amount must be more than $0.00.", field="amount")
    with station.store.write() as s:
        require_own_open(s, station.code, actor, session_id)
        # Cash out of one's own drawer is an own-drawer exception: a supervisor's paid-out
        # needs a second supervisor, as a void of their own sale does. A paid-in cannot hide
        # a shortage (it raises the cash expected), so the role's permission is enough.
        approver = overrides.authorise(
            actor,
            "paid_in_out",
            approval,
            what=f"record a paid-{direction}",
            owner_user_id=actor.user_id if direction == "out" else None,
        )
        if direction == "out":
            expected = expected_cash(session_figures(s, session_id).movements)
            if amount.cents > expected.cents:
                raise InputError(
                    f"The drawer should hold only {expected.format()} in cash; a paid-out of "
                    f"{amount.format()} would take it below zero. Check the amount.",
                    field="amount",
                )
        seq, number = next_receipt_no(s, station.code)
        now = utcnow()
        row = paid_row(
            receipt_no=number,
            station_code=station.code,
            sequence=seq,
            session_id=session_id,
            direction=direction,
            amount_cents=amount.cents,
            reason=reason[:200],
            user_id=actor.user_id,
            approver_id=approver.user_id if approver else None,
            created_at=now,
        )
        event = audit.event_row(
            s,
            station.code,
            f"paid_{direction}",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=number,
            details={"amount_cents": amount.cents, "reason": reason, "session_id": session_id},
            at=now,
        )
        insert_synced(s, [(PaidInOut, [row]), (AuditEvent, [event])])
    overrides.spend(approval)
    return PaidRecord(
        row["id"], number, direction, amount, reason, approver.username if approver else ""
    )
