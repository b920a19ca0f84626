"""Fee schedule editing: effective-dated new rows, never an update; supervisor only; audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from counterpos.services import audit
from counterpos.services.counter import fee_schedule
from counterpos.services.errors import InputError, NotFound, PermissionDenied
from counterpos.services.sale import catalog
from counterpos.store.models import AuditEvent, FeeSchedule
from tests.services.counter_visit import TODAY


def test_new_fee_takes_effect_on_its_date_and_old_one_stays(station, supervisor):
    rule = fee_schedule.parse_rule("25.00")
    fee_schedule.add_schedule(
        station, supervisor, "yard_sale_permit", rule, TODAY + timedelta(days=10)
    )
    details = {
        "address": "9 Oak Ln",
        "start_date": (TODAY + timedelta(days=12)).isoformat(),
        "days": "1",
    }
    assert catalog.price_line(station, "yard_sale_permit", details=details).amount.cents == 2000
    later = catalog.price_line(
        station, "yard_sale_permit", details=details, on=TODAY + timedelta(days=10)
    )
    assert later.amount.cents == 2500
    rows = fee_schedule.history(station, "yard_sale_permit")
    assert [r.summary for r in rows] == ["$25.00", "$20.00"]
    assert [r.in_effect for r in rows] == [False, True]
    with station.store.read() as s:
        assert (
            len(
                s.scalars(
                    select(FeeSchedule).where(FeeSchedule.service_code == "yard_sale_permit")
                ).all()
            )
            == 2
        )
        ev = s.scalar(select(AuditEvent).where(AuditEvent.action == "fee_schedule_added"))
        assert ev.actor == "sofia" and ev.details["replaces"] == {"kind": "fixed", "cents": 2000}
        assert audit.verify(s).ok


def test_json_rule_with_a_table(station, supervisor):
    rule = fee_schedule.parse_rule(
        '{"kind": "table", "keys": ["pass_type"], "rows": {"adult_monthly": 4500, '
        '"senior_monthly": 2000, "student_monthly": 2500, "day_pass": 300, "ride_10": 1200}}'
    )
    fee_schedule.add_schedule(station, supervisor, "bus_pass", rule, TODAY)
    line = catalog.price_line(
        station,
        "bus_pass",
        details={"pass_type": "adult_monthly", "card_no": "12345678", "card_action": "reload"},
    )
    assert line.amount.cents == 4500


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter the new fee"),
        ("abc", "not an amount"),
        ("{oops", "not valid JSON"),
        ("[1]", "not an amount"),
    ],
)
def test_bad_rules(text, message):
    with pytest.raises(InputError, match=message):
        fee_schedule.parse_rule(text)


def test_refusals(station, supervisor, cashier):
    rule = {"kind": "fixed", "cents": 100}
    with pytest.raises(PermissionDenied):
        fee_schedule.add_schedule(station, cashier, "yard_sale_permit", rule, TODAY)
    with pytest.raises(InputError, match="in the past"):
        fee_schedule.add_schedule(
            station, supervisor, "yard_sale_permit", rule, TODAY - timedelta(days=1)
        )
    with pytest.raises(InputError, match="two years"):
        fee_schedule.add_schedule(
            station, supervisor, "yard_sale_permit", rule, TODAY + timedelta(days=1000)
        )
    with pytest.raises(InputError, match="between"):
        fee_schedule.add_schedule(
            station, supervisor, "yard_sale_permit", {"kind": "fixed", "cents": -5}, TODAY
        )
    with pytest.raises(InputError, match="Unknown"):
        fee_schedule.add_schedule(station, supervisor, "yard_sale_permit", {"kind": "magic"}, TODAY)
    with pytest.raises(NotFound):
        fee_schedule.add_schedule(station, supervisor, "no_such", rule, TODAY)
