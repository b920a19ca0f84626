"""Lines a supervisor approves on the spot (services/sale/approved_lines.py): a misc receipt
above its service's ceiling is confirmed with a reason, once, for that amount."""

from __future__ import annotations

import pytest

from counterpos.domain.cart import Cart
from counterpos.domain.money import Money
from counterpos.services.errors import InputError
from counterpos.services.sale import approved_lines, catalog
from tests.conftest import audit_events
from tests.sale_helpers import cash, ring


def misc(station, amount: str):
    details = {"gl_account": "4830", "memo": "Settlement"}
    return catalog.price_line(station, "misc_receipt", details=details, amount_text=amount)


def test_a_misc_receipt_above_the_ceiling_needs_a_supervisor(station, cashier, drawer, approval):
    big = misc(station, "999,999.00")
    with pytest.raises(InputError, match=r"above \$10,000.00: a supervisor confirms") as err:
        ring(station, cashier, drawer.session_id, Cart([big]), cash(99_999_900))
    assert err.value.field == "approval"
    ring(station, cashier, drawer.session_id, Cart([misc(station, "10,000.00")]), cash(1_000_000))
    with pytest.raises(InputError, match="reason"):
        approved_lines.confirm_amount(
            station, cashier, big, "ok", approval(cashier, "approve_line")
        )
    confirmed = approved_lines.confirm_amount(
        station, cashier, big, "Court-ordered restitution", approval(cashier, "approve_line")
    )
    done = ring(station, cashier, drawer.session_id, Cart([confirmed]), cash(99_999_900))
    assert done.total == Money(99_999_900)
    [event] = audit_events(station, "line_approved")
    assert (event.actor, event.approver) == ("maria", "sofia")
    assert event.details["reason"] == "Court-ordered restitution"
    with pytest.raises(InputError, match="used by another sale"):
        ring(station, cashier, drawer.session_id, Cart([confirmed]), cash(99_999_900))


def test_an_approval_holds_for_its_amount_only(station, cashier, drawer, approval):
    import dataclasses

    big = misc(station, "20,000.00")
    confirmed = approved_lines.confirm_amount(
        station, cashier, big, "Developer impact fee", approval(cashier, "approve_line")
    )
    bigger = dataclasses.replace(confirmed, amount=Money(9_000_000))
    with pytest.raises(InputError, match="needs a supervisor's approval with a reason"):
        ring(station, cashier, drawer.session_id, Cart([bigger]), cash(9_000_000))
    with pytest.raises(InputError, match="needs no confirmation"):
        approved_lines.confirm_amount(
            station, cashier, misc(station, "50.00"), "Small one", approval(cashier, "approve_line")
        )


def test_the_penalty_owed_is_named_for_the_till_to_offer(station, cashier, drawer):
    """penalty_owed: what the till offers on the spot when a form names a citation paid
    earlier without its late penalty; nothing when none is owed."""
    from datetime import timedelta

    from counterpos.store.models import Citation
    from tests.services.counter_visit import TODAY

    assert approved_lines.penalty_owed(station, "citation", "PC240001") is None  # unpaid
    (line,) = catalog.price_lines(station, "citation", details={"citation_no": "PC240001"})
    ring(station, cashier, drawer.session_id, Cart([line]), cash(line.amount.cents))
    assert approved_lines.penalty_owed(station, "citation", "PC240001") is None  # in time
    with station.store.write() as s:
        s.get_one(Citation, "PC240001").issued_on = TODAY - timedelta(days=40)
    owed = approved_lines.penalty_owed(station, "citation", "pc240001")
    assert owed is not None
    assert (owed.service_code, owed.amount, owed.details["citation_no"]) == (
        "citation_late_penalty",
        Money(2500),
        "PC240001",
    )
    assert "approval_ref" not in owed.details
    assert approved_lines.penalty_owed(station, "misc_receipt", "PC240001") is None
    assert approved_lines.penalty_owed(station, "citation", "PC999999") is None
