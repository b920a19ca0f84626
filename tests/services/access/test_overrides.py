"""Each controlled action: refused without the role, granted with a supervisor override that the
audit event names alongside the cashier; nobody approves their own action."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.domain.money import Money
from counterpos.services.access import overrides
from counterpos.services.drawer import close, no_sale, paid_in_out
from counterpos.services.drawer.close import ClosingCount
from counterpos.services.errors import AuthError, PermissionDenied
from counterpos.services.sale import refunds, voids
from counterpos.store.models import AuditEvent
from tests.conftest import PINS
from tests.sale_helpers import cash, ring


def _last_event(station, action):
    with station.store.read() as s:
        return s.scalar(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq.desc())
        )


def _do_void(station, actor, sid, approval):
    sale = ring(station, actor, sid, 1_200, cash(2_000))
    return voids.void_sale(station, actor, sale.receipt_no, "Wrong service", approval), "void"


def _do_refund(station, actor, sid, approval):
    sale = ring(station, actor, sid, 1_200, cash(1_200))
    r = refunds.refund_sale(
        station, actor, sid, sale.receipt_no, Money(200), "cash", "Fee waived", approval
    )
    return r, "refund"


def _do_paid_out(station, actor, sid, approval):
    return paid_in_out.record(
        station, actor, sid, "out", Money(500), "Stamps", approval
    ), "paid_out"


def _do_paid_in(station, actor, sid, approval):
    return paid_in_out.record(
        station, actor, sid, "in", Money(2_000), "Change fund top-up", approval
    ), "paid_in"


def _do_no_sale(station, actor, sid, approval):
    return no_sale.authorise_no_sale(station, actor, sid, "Make change", approval), "no_sale"


def _do_over_short(station, actor, sid, approval):
    count = ClosingCount({"bill_50": 1})  # 50.00 against 100.00: short 50
    return (
        close.close_session(
            station, actor, sid, count, approval=approval, note="Shortage reported"
        ),
        "over_short_accepted",
    )


ACTIONS = {
    "void": _do_void,
    "refund": _do_refund,
    "paid_in_out": _do_paid_out,
    "no_sale": _do_no_sale,
    "accept_over_short": _do_over_short,
}


@pytest.mark.parametrize("permission", sorted(ACTIONS))
def test_refused_without_the_role(station, cashier, drawer, permission):
    with pytest.raises(PermissionDenied) as err:
        ACTIONS[permission](station, cashier, drawer.session_id, None)
    assert err.value.permission == permission


@pytest.mark.parametrize("permission", sorted(ACTIONS))
def test_granted_with_an_override_naming_both(station, cashier, drawer, permission):
    approval = overrides.approve(station, cashier, "sofia", PINS["sofia"], permission)
    _, action = ACTIONS[permission](station, cashier, drawer.session_id, approval)
    ev = _last_event(station, action)
    assert (ev.actor, ev.approver) == ("maria", "sofia")
    assert approval.used
    override_login = _last_event(station, "override")
    assert override_login.actor == "sofia"
    granted = _last_event(station, "override_granted")
    assert (granted.actor, granted.approver) == ("maria", "sofia")
    assert granted.details["permission"] == permission


def test_paid_in_also_granted(station, cashier, drawer):
    approval = overrides.approve(station, cashier, "sofia", PINS["sofia"], "paid_in_out")
    _do_paid_in(station, cashier, drawer.session_id, approval)
    ev = _last_event(station, "paid_in")
    assert (ev.actor, ev.approver) == ("maria", "sofia")


def test_an_approval_authorises_one_action_only(station, cashier, drawer):
    approval = overrides.approve(station, cashier, "sofia", PINS["sofia"], "void")
    _do_void(station, cashier, drawer.session_id, approval)
    with pytest.raises(PermissionDenied, match="already used"):
        _do_void(station, cashier, drawer.session_id, approval)


def test_an_approval_is_for_its_own_permission(station, cashier, drawer):
    approval = overrides.approve(station, cashier, "sofia", PINS["sofia"], "void")
    with pytest.raises(PermissionDenied, match="approved void"):
        _do_refund(station, cashier, drawer.session_id, approval)


def test_senior_cashier_cannot_approve(station, cashier):
    with pytest.raises(PermissionDenied, match="may not approve"):
        overrides.approve(station, cashier, "james", PINS["james"], "void")


def test_wrong_pin_does_not_approve_and_is_audited(station, cashier):
    with pytest.raises(AuthError):
        overrides.approve(station, cashier, "sofia", "0000", "void")
    ev = _last_event(station, "login_failed")
    assert ev.actor == "sofia" and ev.details["for"] == "override"


def test_nobody_approves_their_own_action(station, supervisor):
    with pytest.raises(PermissionDenied, match="own"):
        overrides.approve(station, supervisor, "sofia", PINS["sofia"], "void")


def test_supervisor_cannot_void_own_sale_alone(station, supervisor, supervisor_drawer):
    sofia, sid = supervisor, supervisor_drawer.session_id
    sale = ring(station, sofia, sid, 900, cash(900))
    with pytest.raises(PermissionDenied, match="your own work"):
        voids.void_sale(station, sofia, sale.receipt_no, "oops")
    # A second supervisor can approve it.
    from counterpos.services.access import users

    users.add_user(station, "omar", "Omar Diaz", "supervisor", "444444")
    approval = overrides.approve(station, sofia, "omar", "444444", "void")
    voids.void_sale(station, sofia, sale.receipt_no, "oops", approval)
    ev = _last_event(station, "void")
    assert (ev.actor, ev.approver) == ("sofia", "omar")


def test_supervisor_voids_a_cashiers_sale_directly(station, cashier, supervisor, drawer):
    sale = ring(station, cashier, drawer.session_id, 1_000, cash(1_000))
    result = voids.void_sale(station, supervisor, sale.receipt_no, "Customer left")
    assert result.receipt_no == sale.receipt_no
    ev = _last_event(station, "void")
    assert ev.actor == "sofia" and ev.details["cashier_id"] == cashier.user_id
