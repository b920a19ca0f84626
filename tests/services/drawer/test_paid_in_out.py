"""Paid-in and paid-out (services/drawer/paid_in_out.py): a reason, a number from the sequence,
never more cash out than the drawer holds, and a second person for cash out of one's own drawer."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.services.access import users
from counterpos.services.drawer import paid_in_out
from counterpos.services.errors import InputError, PermissionDenied, StateError
from tests.conftest import PINS, audit_events
from tests.sale_helpers import cash, ring


@pytest.fixture
def omar(station):
    """A second supervisor, to approve what Sofia may not approve for herself."""
    users.add_user(station, "omar", "Omar Diaz", "supervisor", "444444")
    return "omar"


def grant(station, actor, who="omar", pin="444444"):
    from counterpos.services.access import overrides

    return overrides.approve(station, actor, who, pin, "paid_in_out")


def test_paid_in_and_out_take_numbers_from_the_sequence(
    station, supervisor, supervisor_drawer, omar
):
    sid = supervisor_drawer.session_id
    sale = ring(station, supervisor, sid, 500, cash(500))
    pin = paid_in_out.record(station, supervisor, sid, "in", Money(2_000), "Change fund top-up")
    pout = paid_in_out.record(
        station, supervisor, sid, "out", Money(300), "Parking refund", grant(station, supervisor)
    )
    n = int(sale.receipt_no[-6:])
    assert [pin.receipt_no[-6:], pout.receipt_no[-6:]] == [f"{n + 1:06d}", f"{n + 2:06d}"]
    assert pout.approver == "omar"
    nxt = ring(station, supervisor, sid, 500, cash(500))
    assert int(nxt.receipt_no[-6:]) == n + 3


def test_a_supervisors_own_paid_out_needs_a_second_supervisor(
    station, supervisor, supervisor_drawer, omar
):
    sid = supervisor_drawer.session_id
    with pytest.raises(PermissionDenied, match="another supervisor") as refused:
        paid_in_out.record(station, supervisor, sid, "out", Money(5_000), "Stamps")
    assert refused.value.permission == "paid_in_out"  # the till then asks for an override
    from counterpos.services.access import overrides

    with pytest.raises(PermissionDenied, match="own action"):
        overrides.approve(station, supervisor, "sofia", PINS["sofia"], "paid_in_out")
    done = paid_in_out.record(
        station, supervisor, sid, "out", Money(5_000), "Stamps", grant(station, supervisor)
    )
    event = audit_events(station, "paid_out")[-1]
    assert (event.actor, event.approver, done.approver) == ("sofia", "omar", "omar")


def test_a_paid_out_beyond_the_cash_in_the_drawer_is_refused(
    station, supervisor, supervisor_drawer, omar
):
    sid = supervisor_drawer.session_id  # a $100.00 float
    before = len(audit_events(station, "paid_out"))
    with pytest.raises(InputError, match=r"only \$100\.00 in cash.*\$500\.00"):
        paid_in_out.record(
            station, supervisor, sid, "out", Money(50_000), "Refund", grant(station, supervisor)
        )
    assert len(audit_events(station, "paid_out")) == before
    ring(station, supervisor, sid, 2_000, cash(2_000))  # $120.00 now
    paid_in_out.record(
        station, supervisor, sid, "out", Money(12_000), "Bank run", grant(station, supervisor)
    )
    with pytest.raises(InputError, match=r"only \$0\.00"):
        paid_in_out.record(
            station, supervisor, sid, "out", Money(1), "One more", grant(station, supervisor)
        )


def test_paid_errors(station, supervisor, supervisor_drawer):
    sid = supervisor_drawer.session_id
    with pytest.raises(InputError, match="reason"):
        paid_in_out.record(station, supervisor, sid, "out", Money(100), "")
    with pytest.raises(InputError, match="more than"):
        paid_in_out.record(station, supervisor, sid, "out", Money(0), "x")
    with pytest.raises(InputError, match="paid-in or paid-out"):
        paid_in_out.record(station, supervisor, sid, "sideways", Money(100), "x")
    with pytest.raises(StateError):
        paid_in_out.record(station, supervisor, "no-such-session", "in", Money(100), "x")
