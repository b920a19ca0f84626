"""The demo city's meters, reads and bills (demo/utility.py), made through the utility desk."""

from __future__ import annotations

from sqlalchemy import func, select

from counterpos.demo.utility import add_demo_utility
from counterpos.services.utility.meters.review import held_reads
from counterpos.store.models import Bill, BillingRun, Meter, MeterRead, OutboxRow, UtilityAccount


def test_every_active_account_is_metered_read_and_billed(station):
    said = add_demo_utility(station, months=4)
    with station.store.read() as s:
        active = s.scalar(
            select(func.count())
            .select_from(UtilityAccount)
            .where(UtilityAccount.status == "active")
        )
        meters = s.scalar(select(func.count()).select_from(Meter))
        reads = s.scalar(select(func.count()).select_from(MeterRead))
        runs = s.scalar(select(func.count()).select_from(BillingRun))
        bills = s.scalar(select(func.count()).select_from(Bill))
        queued = s.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.table_name == "bill")
        )
    assert said == f"{active} meters read and billed for 4 months."
    assert meters == active
    assert reads == active * 5  # a first read and four months
    assert runs == 4
    assert 0 < bills <= active * 4  # reads held for review are not billed
    assert queued == bills  # every bill goes to the centre
    assert held_reads(station), "the last month's leaks wait at the desk"
