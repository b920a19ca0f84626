"""Opening the drawer without a sale: allowed with a reason and the `no_sale` permission, audited."""

from __future__ import annotations

from counterpos.domain.messages import N_
from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.devices import drawer_kick
from counterpos.services.errors import DeviceError, InputError
from counterpos.services.sessions import require_own_open
from counterpos.services.station import Station


def authorise_no_sale(
    station: Station,
    actor: Actor,
    session_id: str,
    reason: str,
    approval: Approval | None = None,
) -> str:
    """Check and audit a no-sale open; the caller then kicks the drawer. Returns the approver."""
    reason = reason.strip()
    if not reason:
        raise InputError("Give the reason for opening the drawer.", field="reason")
    with station.store.write() as s:
        require_own_open(s, station.code, actor, session_id)
        approver = overrides.authorise(
            actor, "no_sale", approval, what="open the drawer without a sale"
        )
        audit.record(
            s,
            station.code,
            "no_sale",
            actor=actor.username,
            approver=approver.username if approver else "",
            target=session_id,
            details={"reason": reason[:200], "session_id": session_id},
        )
    overrides.spend(approval)
    return approver.username if approver else ""


def no_sale(
    station: Station,
    actor: Actor,
    reason: str,
    session_id: str | None = None,
    approval: Approval | None = None,
) -> str:
    """Open the drawer without a sale: needs the no_sale permission (or an override) and a reason.

    At the till, `session_id` is the cashier's open session and the permission, the reason and the
    audit event go through `authorise_no_sale` (which accepts a supervisor's approval); from the
    command line a supervisor opens it with no session.
    """
    reason = (reason or "").strip()
    if session_id is not None:
        authorise_no_sale(station, actor, session_id, reason, approval)
    else:
        actor.require("no_sale", "open the drawer without a sale")
        if len(reason) < 3:
            raise InputError("Say why the drawer is opened (a few words).", field="reason")
    cfg = drawer_kick.drawer_config(station)
    try:
        where = drawer_kick.send_kick(station, cfg)
    except DeviceError as exc:
        drawer_kick.record_open(
            station,
            "no_sale_failed",
            actor.username,
            "drawer",
            {"reason": reason, "error": str(exc)},
        )
        raise
    confirmed = drawer_kick.kick_confirmed(station, cfg)
    if session_id is None:
        details: dict = {"reason": reason, "port": where}
        if not confirmed:
            details["confirmed"] = False
        drawer_kick.record_open(station, "no_sale", actor.username, "drawer", details)
    return drawer_kick.opened_words(where, confirmed, N_("The drawer was opened ({where})."))
