"""Supervisor override: a second login on the spot that authorises one action of another user."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from counterpos.domain.messages import Msg
from counterpos.services import audit
from counterpos.services.access import auth
from counterpos.services.actor import Actor
from counterpos.services.errors import PermissionDenied
from counterpos.services.station import Station


@dataclass
class Approval:
    """One supervisor's yes to one action. It is spent the first time a service uses it."""

    approver: Actor
    permission: str
    for_user_id: str
    token: str = field(default_factory=lambda: str(uuid.uuid4()))
    used: bool = False


def approve(station: Station, actor: Actor, username: str, pin: str, permission: str) -> Approval:
    """Log the approver in (audited as an "override" login) and check they may approve this.

    Nobody approves their own action: the approver must be another person than the actor.
    """
    approver = auth.login(station, username, pin, action="override")
    if approver.user_id == actor.user_id:
        raise PermissionDenied(
            "You cannot approve your own action; another supervisor must enter their PIN.",
            permission,
        )
    if not approver.can(permission):
        raise PermissionDenied(
            "{full_name} ({role}) may not approve this; ask a supervisor.",
            permission,
            full_name=approver.full_name,
            role=Msg(approver.role.replace("_", " ")),
        )
    with station.store.write() as s:
        audit.record(
            s,
            station.code,
            "override_granted",
            actor=actor.username,
            approver=approver.username,
            details={"permission": permission},
        )
    return Approval(approver, permission, actor.user_id)


def authorise(
    actor: Actor,
    permission: str,
    approval: Approval | None,
    *,
    what: str = "",
    owner_user_id: str | None = None,
) -> Actor | None:
    """Who authorises the action: None when the actor's own role allows it, else the approver.

    `owner_user_id` is the person whose sale or drawer is concerned; they can never authorise
    the exception themselves (separation of duties), even when their role holds the permission.
    Raises PermissionDenied when nobody valid authorises it. The service calls `spend()` once
    its transaction has committed, so a refused or failed action leaves the approval usable.
    """
    own_matter = owner_user_id is not None and owner_user_id == actor.user_id
    if approval is None:
        if actor.can(permission) and not own_matter:
            return None
        if actor.can(permission):
            raise PermissionDenied(
                "You cannot {what} for your own work; another supervisor must approve it.",
                permission,
                what=Msg(what or permission.replace("_", " ")),
            )
        actor.require(permission, what)
    assert approval is not None
    if approval.used:
        raise PermissionDenied(
            "This approval was already used; ask the supervisor again.", permission
        )
    if approval.permission != permission:
        raise PermissionDenied(
            "The supervisor approved {asked}, not {asked2}; ask again.",
            permission,
            asked=Msg(approval.permission.replace("_", " ")),
            asked2=Msg(permission.replace("_", " ")),
        )
    if approval.for_user_id != actor.user_id or approval.approver.user_id == actor.user_id:
        raise PermissionDenied("This approval was given for someone else; ask again.", permission)
    if owner_user_id is not None and approval.approver.user_id == owner_user_id:
        raise PermissionDenied(
            "The cashier concerned cannot approve their own exception; ask another supervisor.",
            permission,
        )
    if not approval.approver.can(permission):
        raise PermissionDenied("The approver may not approve this.", permission)
    return approval.approver


def spend(approval: Approval | None) -> None:
    if approval is not None:
        approval.used = True
