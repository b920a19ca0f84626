"""SB 998's low-income protections at the utility desk: the household's qualification on file
(who, when, audited), its late charge waived once in twelve months by the delinquency run
(services/utility/delinquency/late_fees.py), its reconnection fee capped (shutoff.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from counterpos.services.utility.billing.bills import account_bills
from counterpos.services.utility.delinquency.run import delinquency_run
from counterpos.services.utility.delinquency.shutoff import (
    disconnect,
    reconnect,
    record_protection,
)
from counterpos.services.utility.notices.record import notices_of
from counterpos.store.models import BillPenalty, LedgerEntry, ShutoffProtection, UtilityAccount
from tests.conftest import audit_events


def _qualify(station, supervisor, account_no, first):
    record_protection(
        station,
        supervisor,
        account_no,
        "low_income",
        first.bill_date,
        first.bill_date + timedelta(days=365),
        note="CalFresh card seen",
    )


def _penalties(station, account_no):
    with station.store.read() as s:
        acct = s.scalars(
            select(UtilityAccount.id).where(UtilityAccount.account_no == account_no)
        ).one()
        rows = s.scalars(
            select(BillPenalty)
            .where(BillPenalty.account_id == acct)
            .order_by(BillPenalty.applied_on)
        ).all()
        fees = s.scalars(
            select(LedgerEntry.amount_cents).where(
                LedgerEntry.account_id == acct, LedgerEntry.entry_type == "penalty"
            )
        ).all()
        return [(p.applied_on, p.cents, p.ledger_entry_id) for p in rows], list(fees)


def test_the_qualification_is_recorded_and_audited(station, supervisor, overdue):
    city, first = overdue
    _qualify(station, supervisor, city.accounts["MV-000001"], first)
    with station.store.read() as s:
        row = s.scalars(select(ShutoffProtection)).one()
    assert (row.condition, row.recorded_by, row.note) == (
        "low_income",
        "sofia",
        "CalFresh card seen",
    )
    event = audit_events(station, "shutoff_protection")[-1]
    assert event.actor == "sofia" and event.details["condition"] == "low_income"


def test_one_late_charge_waived_in_twelve_months(station, supervisor, overdue):
    city, first = overdue
    poor, other = city.accounts["MV-000001"], city.accounts["MV-000002"]
    _qualify(station, supervisor, poor, first)
    run = delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
    assert (run.late_fees, run.late_fees_waived) == (5, 1)
    assert audit_events(station, "delinquency_run")[-1].details["late_fees_waived"] == 1
    waived, charged = _penalties(station, poor)
    assert waived == [(first.due_date + timedelta(days=2), 0, None)] and charged == []
    assert _penalties(station, other)[1] != []  # not qualified: charged
    # the late notice still goes out: the waiver is of the charge, not of the notice
    assert notices_of(station, poor)[0].kind == "late"
    # the next bill's late fee, within twelve months, is charged
    second = account_bills(station, poor)[1]
    later = delinquency_run(station, supervisor, on=second.due_date + timedelta(days=1))
    assert later.late_fees_waived == 0 and later.late_fees > 0
    rows, charged = _penalties(station, poor)
    assert rows[0][1] == 0 and all(cents > 0 for _on, cents, _l in rows[1:])
    assert len(charged) == len(rows) - 1 > 0


def test_reconnection_capped_for_a_qualifying_household(station, supervisor, overdue):
    city, first = overdue
    delinquency_run(station, supervisor, on=first.due_date + timedelta(days=2))
    delinquency_run(station, supervisor, on=first.due_date + timedelta(days=46))
    fees = {}
    for serial, qualify in (("MV-000001", True), ("MV-000002", False)):
        account_no = city.accounts[serial]
        final = notices_of(station, account_no)[0]
        if qualify:
            _qualify(station, supervisor, account_no, first)
        disconnect(station, supervisor, account_no, final.shutoff_on)
        day = final.shutoff_on + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        fee = reconnect(
            station,
            supervisor,
            account_no,
            at=datetime.combine(day, datetime.min.time()).replace(hour=10),
        )
        fees[serial] = fee
        with station.store.read() as s:
            memo = s.scalars(
                select(LedgerEntry.memo)
                .join(UtilityAccount, UtilityAccount.id == LedgerEntry.account_id)
                .where(
                    UtilityAccount.account_no == account_no, LedgerEntry.memo.like("Reconnection%")
                )
            ).one()
        assert ("low-income" in memo) == qualify
    assert (fees["MV-000001"].cents, fees["MV-000001"].capped) == (5000, True)
    assert (fees["MV-000002"].cents, fees["MV-000002"].capped) == (7500, False)
    assert audit_events(station, "service_reconnected")[0].details["fee_cents"] == 5000
