"""City-wide reconciliation (services/office/reconciliation.py) over real stations' pushed days."""

from __future__ import annotations

import pytest

from counterpos.domain.money import Money
from counterpos.domain.receipt_document import render_text
from counterpos.services.clock import local_today
from counterpos.services.errors import PermissionDenied
from counterpos.services.office import connection, reconciliation
from counterpos.services.office.connection import Office
from tests.conftest import login
from tests.sale_helpers import card, cash, check, ring
from tests.services.office.office_support import close_exactly, open_drawer, push

pytestmark = pytest.mark.pg


def test_the_day_shows_every_station_and_flags_the_one_not_heard_from(
    joined, second, clerk, approval
):
    maria = login(joined, "maria")
    d1 = open_drawer(joined, maria)
    ring(joined, maria, d1.session_id, 2_345, cash(5_000))
    sold = ring(joined, maria, d1.session_id, 4_000, check(4_000, "1043"))
    ring(joined, maria, d1.session_id, 1_500, card(1_500))
    close_exactly(joined, maria, d1.session_id, off_by=-7)
    push(joined)
    # T2 opens a drawer and rings a sale, but its close never reaches the centre.
    james = login(second, "james")
    d2 = open_drawer(second, james)
    ring(second, james, d2.session_id, 1_000, cash(1_000))
    push(second)
    close_exactly(second, james, d2.session_id)  # closed at the station, not pushed

    day = reconciliation.day(clerk, local_today())
    by_code = {st.code: st for st in day.stations}
    assert set(by_code) == {"T1", "T2"}
    t1 = by_code["T1"]
    assert not t1.missing
    (s1,) = t1.sessions
    assert s1.cashier == "Maria Lopez" and s1.status == "closed"
    assert s1.opening_float == Money(10_000)
    assert s1.expected == Money(10_000 + 2_345)
    assert s1.counted == Money(10_000 + 2_345 - 7)
    assert s1.over_short == Money(-7)
    assert s1.sales == 3 and s1.collected == Money(7_845)
    t2 = by_code["T2"]
    assert t2.missing and "open" in t2.reason
    assert t2.sessions[0].status == "open" and t2.sessions[0].expected is None
    assert not day.complete

    # Drill: the day -> the session -> its sales -> one receipt.
    sales = reconciliation.session_sales(clerk, s1.session_id)
    assert [s.receipt_no for s in sales] == ["T1-000001", "T1-000002", "T1-000003"]
    assert sales[1].tenders == "Check $40.00 #1043"
    doc = reconciliation.sale_receipt(clerk, sales[1].sale_id)
    assert doc.receipt_no == sold.receipt_no and doc.total == Money(4_000)
    assert any("No. 1043" in line for line in render_text(doc))

    push(second)  # the close arrives: T2 is no longer missing
    day = reconciliation.day(clerk, local_today())
    assert not day.missing and day.complete


def test_a_registered_station_with_nothing_for_the_day_is_flagged_not_absent(joined, second, clerk):
    day = reconciliation.day(clerk, local_today())
    assert {st.code for st in day.missing} == {"T1", "T2"}
    assert all("nothing received" in st.reason for st in day.missing)


def test_a_cashier_may_not_open_the_office(joined, centre):
    maria = login(joined, "maria")
    with pytest.raises(PermissionDenied, match="finance office"):
        connection.open_office(joined, maria)
    with pytest.raises(PermissionDenied):
        reconciliation.day(Office(None, maria), local_today())  # type: ignore[arg-type]
