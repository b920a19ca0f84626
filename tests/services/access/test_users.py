"""Adding, listing and disabling users (services/access/users.py)."""

from __future__ import annotations

import pytest

from counterpos.services.access import users
from counterpos.services.errors import InputError, PermissionDenied
from tests.conftest import login
from tests.services.pan_fields import PAN


def test_supervisor_adds_a_cashier_who_can_then_log_in(station, supervisor):
    users.add_user(station, "lee", "Lee Park", "cashier", "4321", actor=supervisor)
    assert login_ok(station, "lee", "4321")
    assert [u.username for u in users.list_users(station)].count("lee") == 1


def login_ok(station, username, pin):
    from counterpos.services.access import auth

    return auth.login(station, username, pin).username == username


def test_cashier_may_not_manage_users(station, cashier):
    with pytest.raises(PermissionDenied):
        users.add_user(station, "lee", "Lee Park", "cashier", "4321", actor=cashier)


@pytest.mark.parametrize(
    ("username", "name", "role", "pin", "field"),
    [
        ("maria", "Another Maria", "cashier", "1234", "username"),
        ("x", "Short", "cashier", "1234", "username"),
        ("lee", "", "cashier", "1234", "full_name"),
        ("lee", "Lee Park", "cashier", "12", "pin"),
        ("lee", "Lee Park", "cashier", "12ab", "pin"),
        ("lee", "Lee Park", "boss", "1234", "role"),
    ],
)
def test_bad_user_input_is_refused_with_the_field_named(station, username, name, role, pin, field):
    before = users.list_users(station)
    with pytest.raises(InputError) as err:
        users.add_user(station, username, name, role, pin, actor=login(station, "sofia"))
    assert err.value.field == field
    assert users.list_users(station) == before


def test_user_names_refuse_a_card_number(station):
    with pytest.raises(InputError, match="card number"):
        users.add_user(station, "newbie", f"Pat {PAN}", "cashier", "4567")
    with pytest.raises(InputError, match="card number"):
        users.add_user(station, f"a{PAN}", "Pat Lee", "cashier", "4567")
