"""Opening the drawer without a sale: allowed with a reason and the `no_sale` permission."""

from __future__ import annotations

from counterpos.services import audit
from counterpos.services.access import overrides
from counterpos.services.access.overrides import Approval
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
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
