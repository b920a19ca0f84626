"""Lines a supervisor approves on the spot: an amount above the service's ceiling, a penalty
owed on something paid earlier.

The approval is an audit event (`line_approved`, its target the reference the line carries in
its details as `approval_ref`), given through the usual override (overrides.authorise with the
`approve_line` permission) with a reason. Inside the sale the line is checked against it: the
same service and amount, of the same kind, and not already used by another sale.
"""

from __future__ import annotations

import dataclasses
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterpos.domain.cart import CartLine
from counterpos.domain.kinds import SaleKind
from counterpos.domain.money import Money
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.errors import CounterError, InputError
from counterpos.services.station import Station
from counterpos.store.models import AuditEvent, Sale, SaleLine

ACTION = "line_approved"
PERMISSION = "approve_line"
AMOUNT = "amount"  # a line above its service's ceiling (a $999,999.00 misc receipt)
PENALTY = "penalty"  # a penalty on its own, owed on something paid earlier
KEYS = {"citation_late_penalty": "citation_no", "animal_late_penalty": "renewal_of"}
# The service whose form names the thing a penalty is owed on -> that penalty.
OWED_ON = {"citation": "citation_late_penalty", "animal_license": "animal_late_penalty"}


def _reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if len(reason) < 5:
        raise InputError("Give the reason for the supervisor's approval.", field="reason")
    if len(reason) > 200:
        raise InputError("Keep the reason under 200 characters.", field="reason")
    return reason


def _approve(
    station: Station,
    actor: Actor,
    line: CartLine,
    reason: str,
    approval: Approval | None,
    kind: str,
    what: str,
) -> CartLine:
    reason = _reason(reason)
    approver = overrides.authorise(actor, PERMISSION, approval, what=what)
    ref = f"LA-{uuid.uuid4().hex[:12].upper()}"
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            ACTION,
            actor=actor.username,
            approver=approver.username if approver else actor.username,
            target=ref,
            details={
                "kind": kind,
                "service_code": line.service_code,
                "amount_cents": line.amount.cents,
                "subject": line.once_key or line.description,
                "reason": reason,
            },
        )
    overrides.spend(approval)
    return dataclasses.replace(line, details={**line.details, "approval_ref": ref})


def confirm_amount(
    station: Station, actor: Actor, line: CartLine, reason: str, approval: Approval | None = None
) -> CartLine:
    """A supervisor confirms a line above its service's ceiling (catalog `confirm_above_cents`)."""
    from counterpos.services.sale.catalog import service_rows  # noqa: PLC0415

    with station.store.read() as s:
        svc = service_rows(s, (line.service_code,)).get(line.service_code)
    if (
        svc is None
        or svc.confirm_above_cents is None
        or line.amount.cents <= svc.confirm_above_cents
    ):
        raise InputError(
            "{description} of {amount} needs no confirmation.",
            description=line.description,
            amount=line.amount,
        )
    return _approve(station, actor, line, reason, approval, AMOUNT, "confirm a large amount")


def _penalty_line(station: Station, service_code: str, number: str) -> CartLine:
    from counterpos.services.sale.catalog import price_line_in  # noqa: PLC0415

    if service_code not in KEYS:
        raise InputError("Only a late penalty is rung on its own, with approval.", field="service")
    with station.store.read() as s:
        line = price_line_in(
            s,
            service_code,
            details={KEYS[service_code]: number, "approval_ref": "pending"},
        )
    return dataclasses.replace(
        line, details={k: v for k, v in line.details.items() if k != "approval_ref"}
    )


def penalty_owed(station: Station, service_code: str, number: str) -> CartLine | None:
    """The late penalty owed on its own on the citation or license `number` that a form of
    `service_code` (a citation, an animal license renewal) names, not yet approved; None when
    none is owed. The till offers the supervisor's approval on the spot when it is."""
    penalty = OWED_ON.get(service_code)
    if penalty is None or not str(number or "").strip():
        return None
    try:
        return _penalty_line(station, penalty, str(number))
    except CounterError:
        return None


def penalty_on_its_own(
    station: Station,
    actor: Actor,
    service_code: str,
    number: str,
    reason: str,
    approval: Approval | None = None,
) -> CartLine:
    """A late penalty owed on a citation or a license renewal paid earlier without it: a line
    of its own, approved by a supervisor with a reason. The penalty's rules check it is owed
    (the thing was paid late, without the penalty, and the penalty was not paid since)."""
    line = _penalty_line(station, service_code, number)
    return _approve(station, actor, line, reason, approval, PENALTY, "charge a penalty on its own")


_EVENT = select(AuditEvent.details).where(AuditEvent.action == ACTION)


def check_approved(s: Session, line: CartLine, kind: str) -> None:
    """Inside the sale: the line carries a supervisor's approval of this kind, for this service
    and amount, that no other sale used."""
    ref = str(line.details.get("approval_ref", ""))
    what = "above its ceiling" if kind == AMOUNT else "on its own"
    conn = s.connection()
    details = conn.execute(_EVENT.where(AuditEvent.target == ref)).scalar() if ref else None
    if (
        not isinstance(details, dict)
        or details.get("kind") != kind
        or details.get("service_code") != line.service_code
        or details.get("amount_cents") != line.amount.cents
    ):
        raise InputError(
            "{description} of {amount} {what} needs a supervisor's approval with a reason.",
            field="approval",
            description=line.description,
            amount=line.amount,
            what=what,
        )
    voided = select(Sale.original_sale_id).where(Sale.kind == SaleKind.VOID)
    used = conn.execute(
        select(SaleLine.id)
        .join(Sale, Sale.id == SaleLine.sale_id)
        .where(
            func.json_extract(SaleLine.details, "$.approval_ref") == ref,
            Sale.kind == SaleKind.SALE,
            Sale.id.not_in(voided),
        )
        .limit(1)
    ).first()
    if used is not None:
        raise InputError(
            "The supervisor's approval of {description} was used by another sale; ask again.",
            field="approval",
            description=line.description,
        )


def check_ceiling(s: Session, line: CartLine, ceiling_cents: int | None) -> None:
    """A line above its service's ceiling needs a supervisor's confirmation."""
    if ceiling_cents is not None and line.amount.cents > ceiling_cents:
        if not line.details.get("approval_ref"):
            raise InputError(
                "{description} of {amount} is above {ceiling}: a supervisor "
                "confirms an amount that large.",
                field="approval",
                description=line.description,
                amount=line.amount,
                ceiling=Money(ceiling_cents),
            )
        check_approved(s, line, AMOUNT)
