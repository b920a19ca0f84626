"""The account at the utility desk (services/utility/desk.py): everything the panel shows."""

from __future__ import annotations

from counterpos.services.utility.desk import account_desk
from counterpos.services.utility.meters.reads import enter_read
from counterpos.services.utility.meters.review import review_read


def test_one_call_gives_meters_reads_bills_notices_and_work_orders(
    station, supervisor, billed_year
):
    account_no = billed_year.accounts["MV-000001"]
    high = enter_read(station, supervisor, "MV-000001", billed_year.values["MV-000001"] + 50)
    review_read(station, supervisor, high.read_id, "accept")
    desk = account_desk(station, account_no)
    assert [m.serial for m in desk.meters] == ["MV-000001"]
    assert desk.reads[0].value == billed_year.values["MV-000001"] + 50
    assert len(desk.bills) == 12 and desk.bills[0].bill_date > desk.bills[-1].bill_date
    assert [n.kind for n in desk.notices] == ["usage"]
    assert [w.kind for w in desk.work_orders] == ["leak_check"]
    assert desk.arrangement is None
    assert len(desk.leak_bills) == 6 and desk.repaired_orders == ()
    assert desk.balance.cents > 0 and not desk.shutoff.eligible
