"""Changing settings (services/config.py): one door, every change checked and audited."""

from __future__ import annotations

import pytest

from counterpos.services import config
from counterpos.services.errors import InputError, PermissionDenied
from tests.conftest import audit_events
from tests.services.pan_fields import FORMS


def test_a_change_is_kept_and_audited_with_the_old_value(station, supervisor):
    config.set_value(station, "yard_sale.max_per_year", "3", supervisor)
    config.set_value(station, "yard_sale.max_per_year", "4", supervisor)
    config.set_value(station, "receipt.footer_en", "Thank you", None)
    assert config.get_value(station, "yard_sale.max_per_year") == "4"
    _, changed, footer = audit_events(station, "setting_change")[-3:]
    assert (changed.actor, changed.target, changed.details) == (
        "sofia",
        "yard_sale.max_per_year",
        {"old": "3", "new": "4"},
    )
    assert (footer.actor, footer.target) == ("admin", "receipt.footer_en")  # the command line


def test_a_cashier_may_not_change_settings(station, cashier):
    with pytest.raises(PermissionDenied):
        config.set_value(station, "receipt.footer_en", "Hi", cashier)
    assert audit_events(station, "setting_change") == []


def test_unknown_settings_and_numbers_that_are_not_are_refused(station):
    with pytest.raises(InputError, match="Unknown setting 'no.such'"):
        config.set_value(station, "no.such", "1", None)
    with pytest.raises(InputError, match="Unknown setting 'no.such'"):
        config.get_value(station, "no.such")
    for key in ("yard_sale.max_per_year", "printer.timeout"):
        with pytest.raises(InputError, match=f"{key} takes a whole number"):
            config.set_value(station, key, "two", None)
    with pytest.raises(InputError, match="drawer.baud takes one of 1200, 2400"):
        config.set_value(station, "drawer.baud", "two", None)
    assert audit_events(station, "setting_change") == []


def test_the_same_value_again_is_not_a_change(station, supervisor):
    assert config.set_value(station, "auth.max_failures", "7", supervisor)
    assert not config.set_value(station, "auth.max_failures", " 07", supervisor)  # same number
    assert not config.set_value(station, "printer.profile", "generic-80mm", supervisor)  # default
    assert [e.details for e in audit_events(station, "setting_change")] == [
        {"old": "5", "new": "7"}
    ]


def test_a_change_from_the_default_records_the_default_as_old(station, supervisor):
    config.set_value(station, "receipt.footer_es", "Gracias.", supervisor)
    (event,) = audit_events(station, "setting_change")
    assert event.details == {
        "old": "Gracias. Guarde este recibo para sus registros.",
        "new": "Gracias.",
    }


def test_the_station_code_change_is_audited_and_refused_once_receipts_exist(
    empty_station, station, supervisor
):
    assert config.set_value(empty_station, "station.code", "ch9", None)
    assert empty_station.code == "CH9"
    (event,) = audit_events(empty_station, "setting_change")
    assert (event.target, event.details, event.station_code) == (
        "station.code",
        {"old": "CH1", "new": "CH9"},
        "CH9",
    )
    from counterpos.services import sessions
    from tests.sale_helpers import cash, ring

    drawer = sessions.open_session(station, supervisor, {"bill_20": 1})
    ring(station, supervisor, drawer.session_id, 500, cash(500))
    with pytest.raises(InputError, match="cannot change"):
        config.set_value(station, "station.code", "T2", supervisor)
    assert station.code == "T1"


def test_every_known_setting_is_described_with_its_value(station):
    described = {key: (value, help) for key, value, help in config.describe(station)}
    assert described["yard_sale.max_per_year"][0] == config.get_value(
        station, "yard_sale.max_per_year"
    )
    assert all(help for _, help in described.values())


def test_settings_refuse_a_card_number(station):
    with pytest.raises(InputError, match="card number"):
        config.set_value(station, "city.address", f"1 Main St {FORMS[2]}", None)


def test_the_theme_is_calm_or_high_contrast(station, supervisor):
    with pytest.raises(InputError, match="one of calm, high_contrast"):
        config.set_value(station, "ui.theme", "neon", supervisor)
    config.set_value(station, "ui.theme", "high_contrast", supervisor)
    assert station.setting("ui.theme") == "high_contrast"


def test_the_customer_display_is_on_or_off(station, supervisor):
    assert station.setting("ui.customer_display") == "off"
    with pytest.raises(InputError, match="one of on, off"):
        config.set_value(station, "ui.customer_display", "yes", supervisor)
    config.set_value(station, "ui.customer_display", "on", supervisor)
    assert station.setting("ui.customer_display") == "on"
