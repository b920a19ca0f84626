"""Opening the drawer without a sale (services/drawer/no_sale.py): a reason, audited, one's own."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services.drawer import no_sale
from counterpos.services.errors import InputError, StateError
from counterpos.store.models import AuditEvent


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
