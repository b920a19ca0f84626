"""SB 998 at the utility desk (services/utility/delinquency/shutoff.py): why not, and when."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.errors import PermissionDenied, StateError
from counterpos.services.utility.delinquency.shutoff import (
    annual_counts,
    disconnect,
    reconnect,
    record_protection,
    shutoff_check,
    shutoff_list,
)
from counterpos.services.utility.notices.record import (
    leave_door_hanger,
    notice_returned,
    notices_of,
)
from tests.conftest import login
from tests.services.utility.desk_support import final_notices_sent


@pytest.fixture
def noticed(station, supervisor, overdue):
    city, first = overdue
    final_notices_sent(station, supervisor, first)
    final = notices_of(station, city.accounts["MV-000001"])[0]
    return city, first, final


def test_not_before_sixty_days_nor_seven_business_days_after_the_notice(station, noticed):
    city, first, final = noticed
    account_no = city.accounts["MV-000001"]
    closed = "the office is closed that day (weekend or holiday)"
    early = shutoff_check(station, account_no, first.due_date + timedelta(days=47))
    assert not early.eligible
    # The bills follow today's month, so day 47 may fall on a weekend: that reason may join.
    assert tuple(r for r in early.reasons if r != closed) == (
        "the oldest unpaid bill is not yet 60 days delinquent",
        "the final notice was given fewer than 7 business days ago",
    )
    ok = shutoff_check(station, account_no, final.shutoff_on)
    assert ok.eligible and ok.reasons == () and ok.final_notice_no == final.notice_no
    saturday = final.shutoff_on + timedelta(days=(5 - final.shutoff_on.weekday()) % 7)
    assert closed in shutoff_check(station, account_no, saturday).reasons
    assert account_no in [c.account_no for c in shutoff_list(station, final.shutoff_on)]


def test_disconnect_only_when_allowed_and_count_it(station, supervisor, noticed):
    city, first, final = noticed
    account_no = city.accounts["MV-000001"]
    with pytest.raises(PermissionDenied):
        disconnect(station, login(station, "james"), account_no, final.shutoff_on)
    with pytest.raises(StateError, match="may not be disconnected.*60 days"):
        disconnect(station, supervisor, account_no, first.due_date + timedelta(days=50))
    disconnect(station, supervisor, account_no, final.shutoff_on)
    with pytest.raises(StateError, match="already disconnected"):
        disconnect(station, supervisor, account_no, final.shutoff_on)
    reconnect(station, supervisor, account_no, final.shutoff_on + timedelta(days=1))
    counts = annual_counts(station, final.shutoff_on.year)
    assert (counts.disconnections, counts.disconnections_residential, counts.reconnections) == (
        1,
        1,
        1,
    )


def test_three_conditions_on_file_protect_the_home(station, supervisor, noticed):
    city, _first, final = noticed
    account_no = city.accounts["MV-000002"]
    on = final.shutoff_on
    for condition in ("medical", "cannot_pay"):
        record_protection(
            station,
            supervisor,
            account_no,
            condition,
            on - timedelta(days=5),
            on + timedelta(days=60),
        )
    assert shutoff_check(station, account_no, on).eligible  # two of three do not protect
    record_protection(
        station, supervisor, account_no, "willing", on - timedelta(days=5), on + timedelta(days=60)
    )
    check = shutoff_check(station, account_no, on)
    assert not check.eligible and "medical certification" in check.reasons[0]


def test_a_returned_notice_needs_one_left_at_the_home(station, supervisor, noticed):
    city, _first, _final = noticed
    account_no = city.accounts["MV-000003"]
    final = notices_of(station, account_no)[0]
    notice_returned(station, supervisor, final.notice_no, "no such address")
    assert (
        "a notice must be left at the home 48 hours ahead"
        in shutoff_check(station, account_no, final.shutoff_on).reasons[0]
    )
    hanger = leave_door_hanger(station, supervisor, final.notice_no)
    assert hanger.startswith("T1-N")
    reasons = shutoff_check(station, account_no, final.shutoff_on).reasons
    assert reasons == ("the notice left at the home is not yet 48 hours old",)
    with pytest.raises(StateError, match="never sent twice"):
        leave_door_hanger(station, supervisor, final.notice_no)
