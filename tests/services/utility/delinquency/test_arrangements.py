"""Payment arrangements (services/utility/delinquency/arrangements.py): instalments, no notice
while kept, broken after 60 days behind with a notice posted at the home."""

from __future__ import annotations

from datetime import timedelta

import pytest

from counterpos.services.clock import local_today
from counterpos.services.errors import InputError, PermissionDenied, StateError
from counterpos.services.utility.delinquency.arrangements import (
    arrangement_of,
    cancel_arrangement,
    start_arrangement,
)
from counterpos.services.utility.delinquency.run import delinquency_run
from counterpos.services.utility.delinquency.shutoff import shutoff_check
from counterpos.services.utility.notices.record import notices_of
from counterpos.store.balances import account_balance
from tests.conftest import login


def test_an_arrangement_in_instalments_is_kept_and_holds_off_notices(station, supervisor, overdue):
    city, _first = overdue
    account_no = city.accounts["MV-000001"]
    james = login(station, "james")
    today = local_today()
    view = start_arrangement(
        station, james, account_no, "amortization", 4, today + timedelta(days=10)
    )
    assert view.state == "kept" and len(view.instalments) == 4
    assert sum(i.cents for i in view.instalments) == view.arrears_cents
    with pytest.raises(StateError, match="already has arrangement"):
        start_arrangement(station, james, account_no, "amortization", 2, today)
    result = delinquency_run(station, supervisor)
    assert all(n.kind != "final" for n in notices_of(station, account_no))
    assert result.notices.get("final", 0) == 5  # the five accounts without one
    assert "the customer keeps a payment arrangement" in shutoff_check(station, account_no).reasons


def test_missed_instalments_break_the_arrangement_after_sixty_days(station, supervisor, overdue):
    city, first = overdue
    account_no = city.accounts["MV-000002"]
    today = local_today()
    start_arrangement(station, supervisor, account_no, "deferral", 1, today)
    assert arrangement_of(station, account_no, today + timedelta(days=6)).state == "missed"
    assert arrangement_of(station, account_no, today + timedelta(days=66)).state == "broken"


def test_a_reduction_needs_another_supervisor_and_forgives_by_adjustment(
    station, supervisor, overdue
):
    city, _first = overdue
    account_no = city.accounts["MV-000003"]
    james = login(station, "james")
    with pytest.raises(InputError, match="Another supervisor"):
        start_arrangement(
            station, james, account_no, "reduction", 3, local_today(), forgiven="20.00"
        )
    with pytest.raises(PermissionDenied):
        start_arrangement(
            station,
            supervisor,
            account_no,
            "reduction",
            3,
            local_today(),
            forgiven="20.00",
            approver=james,
        )
    with station.store.read() as s:
        from counterpos.services.utility.accounts import find_account

        before = account_balance(s, find_account(s, account_no).id).cents
    view = start_arrangement(
        station,
        james,
        account_no,
        "reduction",
        3,
        local_today(),
        forgiven="20.00",
        approver=supervisor,
    )
    assert sum(i.cents for i in view.instalments) == before - 2000
    with station.store.read() as s:
        assert account_balance(s, find_account(s, account_no).id).cents == before - 2000
    cancel_arrangement(station, james, account_no, "customer paid in full elsewhere")
    assert arrangement_of(station, account_no) is None


def test_arrangements_refused_plainly(station, overdue):
    city, _first = overdue
    account_no = city.accounts["MV-000004"]
    james = login(station, "james")
    with pytest.raises(PermissionDenied):
        start_arrangement(
            station, login(station, "maria"), account_no, "amortization", 2, local_today()
        )
    with pytest.raises(InputError, match="1 to 12"):
        start_arrangement(station, james, account_no, "amortization", 13, local_today())
    with pytest.raises(InputError, match="within 60 days"):
        start_arrangement(
            station, james, account_no, "amortization", 2, local_today() + timedelta(days=90)
        )
    with pytest.raises(InputError, match="deferral is one payment"):
        start_arrangement(station, james, account_no, "deferral", 2, local_today())
