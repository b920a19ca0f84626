"""Opening the drawer without a sale (services/drawer/no_sale.py): a reason, audited, one's own,
and the kick it sends to the drawer on its pseudo-terminal."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services.drawer import no_sale
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.store.models import AuditEvent
from tests.conftest import audit_events
from tests.printing_support import KICK


def test_no_sale_needs_a_reason(station, supervisor, supervisor_drawer):
    sid = supervisor_drawer.session_id
    with pytest.raises(InputError, match="reason"):
        no_sale.authorise_no_sale(station, supervisor, sid, " ")


def test_a_no_sale_is_audited_with_its_reason_in_its_own_session(
    station, supervisor, drawer, supervisor_drawer
):
    sid = supervisor_drawer.session_id
    assert no_sale.authorise_no_sale(station, supervisor, sid, "  Change for the bus ") == ""
    with station.store.read() as s:
        [event] = s.scalars(select(AuditEvent).where(AuditEvent.action == "no_sale"))
    assert (event.actor, event.approver, event.target) == ("sofia", "", sid)
    assert event.details == {"reason": "Change for the bus", "session_id": sid}
    with pytest.raises(StateError):  # the cashier's drawer is not the supervisor's to open
        no_sale.authorise_no_sale(station, supervisor, drawer.session_id, "Change")


def test_no_sale_needs_permission_and_reason_and_is_audited(
    station, cashier, supervisor, drawer_pty
):
    with pytest.raises(PermissionDenied):
        no_sale.no_sale(station, cashier, "making change")
    with pytest.raises(InputError):
        no_sale.no_sale(station, supervisor, "  ")
    assert drawer_pty.read_available(1, timeout=0.3) == b""  # nothing was sent
    message = no_sale.no_sale(station, supervisor, "Customer needed change for the bus")
    assert drawer_pty.read_available(len(KICK)) == KICK
    assert drawer_pty.path in message
    [ev] = audit_events(station, "no_sale")
    assert ev.actor == "sofia" and ev.details["reason"] == "Customer needed change for the bus"
    assert ev.at is not None


def test_cashier_no_sale_at_the_till_with_a_supervisor_override(
    station, cashier, drawer, drawer_pty, approval
):
    with pytest.raises(PermissionDenied):
        no_sale.no_sale(station, cashier, "Change for the bus", session_id=drawer.session_id)
    assert drawer_pty.read_available(1, timeout=0.3) == b""
    ok = approval(cashier, "no_sale")
    no_sale.no_sale(
        station, cashier, "Change for the bus", session_id=drawer.session_id, approval=ok
    )
    assert drawer_pty.read_available(len(KICK)) == KICK
    [ev] = audit_events(station, "no_sale")  # audited once, naming both people
    assert (ev.actor, ev.approver, ev.details["reason"]) == ("maria", "sofia", "Change for the bus")
