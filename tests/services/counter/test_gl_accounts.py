"""The miscellaneous receipt's GL account list: kept by a supervisor, used by price_line."""

from __future__ import annotations

import pytest

from counterpos.services.counter import gl_accounts
from counterpos.services.errors import InputError, NotFound, PermissionDenied
from counterpos.services.sale import catalog


def misc(station, gl):
    return catalog.price_line(
        station, "misc_receipt", details={"gl_account": gl, "memo": "Copies"}, amount_text="3.00"
    )


def test_supervisor_keeps_the_list(station, supervisor, cashier):
    assert misc(station, "4810").gl_account == "4810"
    gl_accounts.set_misc_allowed(station, supervisor, "4810", False)
    with pytest.raises(InputError, match="not on the list"):
        misc(station, "4810")
    assert "4810" not in [c for c, _ in catalog.misc_gl_accounts(station)]
    gl_accounts.set_misc_allowed(station, supervisor, "4810", True)
    assert misc(station, "4810").amount.cents == 300
    with pytest.raises(PermissionDenied):
        gl_accounts.set_misc_allowed(station, cashier, "4830", False)


def test_service_accounts_and_unknown_codes_are_refused(station, supervisor):
    with pytest.raises(InputError, match="ring that service instead"):
        gl_accounts.set_misc_allowed(station, supervisor, "2200", True)
    with pytest.raises(NotFound):
        gl_accounts.set_misc_allowed(station, supervisor, "9999", True)
    with pytest.raises(InputError, match="not on the list"):
        misc(station, "2410")
