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


def test_a_supervisors_pin_has_six_digits_or_what_the_setting_says(station, supervisor):
    from counterpos.services import settings

    with pytest.raises(InputError, match="supervisor's PIN is at least 6 digits") as err:
        users.add_user(station, "omar", "Omar Diaz", "supervisor", "4444", actor=supervisor)
    assert err.value.field == "pin"
    with pytest.raises(InputError, match="admin's PIN is at least 6 digits"):
        users.add_user(station, "ines", "Ines Roa", "admin", "12345", actor=supervisor)
    users.add_user(station, "omar", "Omar Diaz", "supervisor", "444444", actor=supervisor)
    users.add_user(station, "lee", "Lee Park", "cashier", "4444", actor=supervisor)  # 4 is fine
    with station.store.write() as s:
        settings.put(s, "auth.privileged_pin_digits", "8")
    with pytest.raises(InputError, match="at least 8 digits"):
        users.add_user(station, "ines", "Ines Roa", "admin", "1234567", actor=supervisor)
    with station.store.write() as s:
        settings.put(s, "auth.privileged_pin_digits", "2")  # never below 6
    with pytest.raises(InputError, match="at least 6 digits"):
        users.add_user(station, "ines", "Ines Roa", "admin", "12345", actor=supervisor)


def test_a_user_changes_their_own_pin_with_the_old_one(station):
    with pytest.raises(InputError, match="current PIN is wrong") as err:
        users.set_pin(station, "sofia", "765432", old_pin="000000")
    assert err.value.field == "old_pin"
    with pytest.raises(InputError, match="at least 6 digits"):
        users.set_pin(station, "sofia", "7654", old_pin="333333")
    users.set_pin(station, "sofia", "765432", old_pin="333333")
    assert login_ok(station, "sofia", "765432")
    from counterpos.services.access import auth
    from counterpos.services.errors import AuthError

    with pytest.raises(AuthError):
        auth.login(station, "sofia", "333333")


def test_only_a_user_manager_sets_someone_elses_pin(station, cashier, supervisor):
    with pytest.raises(PermissionDenied):
        users.set_pin(station, "james", "9876", actor=cashier)
    users.set_pin(station, "maria", "8765", actor=supervisor)
    assert login_ok(station, "maria", "8765")
