"""The settings schema (services/settings.py): one check per key, types and ranges, plain text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from counterpos.services import settings
from counterpos.services.access import auth
from counterpos.services.errors import AuthError, InputError
from tests.conftest import audit_events


def test_every_default_passes_its_own_check():
    for spec in settings.KNOWN:
        kept = settings.check(spec.key, spec.default)
        assert kept == spec.default or (spec.key == "printer.url" and kept == "preview:"), spec.key


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("auth.max_failures", "100000", "from 1 to 20"),
        ("auth.max_failures", "0", "from 1 to 20"),
        ("auth.lockout_minutes", "99999999999999", "of minutes from 1 to 1440"),
        ("auth.lockout_minutes", "0", "of minutes from 1 to 1440"),
        ("session.over_short_limit_cents", "99999999999", "of cents from 0 to 10000"),
        ("session.over_short_limit_cents", "-5", "of cents from 0 to 10000"),
        ("printer.timeout", "0", "of seconds from 1 to 120"),
        ("printer.timeout", "1.5", "of seconds from 1 to 120"),
        ("drawer.open_within", "600", "of seconds from 1 to 30"),
        ("drawer.baud", "9601", "one of 1200, 2400"),
        ("drawer.kick", "zz", "1 to 16 bytes in hex"),
        ("drawer.kick", "1b7", "1 to 16 bytes in hex"),
        ("drawer.kick", "00" * 17, "1 to 16 bytes in hex"),
        ("backup.interval_minutes", "1", "of minutes from 5 to 1440"),
        ("backup.keep", "1", "from 2 to 1000"),
        ("card.sale_timeout_seconds", "601", "of seconds from 1 to 600"),
        ("yard_sale.max_days", "99", "of days from 1 to 3"),
        ("yard_sale.max_days", "0", "of days from 1 to 3"),
        ("bus_pass.next_month_from_day", "32", "from 1 to 31"),
    ],
)
def test_a_value_out_of_range_is_refused_with_the_range(key, value, allowed):
    with pytest.raises(InputError, match=allowed) as refused:
        settings.check(key, value)
    assert refused.value.field == key and key in str(refused.value)


@pytest.mark.parametrize(
    ("key", "value", "why"),
    [
        ("printer.url", "tcp://[::1", "not one CounterPOS knows"),
        ("printer.url", "lpt1", "not one CounterPOS knows"),
        ("printer.url", "tcp://host:99999", "not one CounterPOS knows"),
        ("printer.profile", "tm-x999", "no printer profile 'tm-x999'; choose one of"),
        ("printer.profile", "x" * 10_000, "at most 60 characters"),
        ("central.url", "mysql://x@y/z", "postgresql"),
        ("central.url", "postgresql://[::1", "postgresql"),
        ("card.terminal", "tcp://host:0", "standalone"),
        ("card.terminal", "http://x", "standalone"),
        ("card.convenience_fee", "25%", "10"),
        ("backup.folder", "relative/folder", "a full folder path"),
        ("receipt.logo", "/no/such/logo.png", "there is no file"),
        ("station.code", "CH 1", "1 to 12 letters or digits"),
        ("city.name", "", "cannot be empty"),
        ("city.name", "x" * 81, "at most 80 characters"),
        ("city.name", "Mission\nVista", "one line of plain text"),
        ("city.name", "Vista \x00", "one line of plain text"),
        ("city.name", "\udcff", "not text"),
        ("city.name", "Pay 4111 1111 1111 1111", "card number"),
    ],
)
def test_a_value_of_the_wrong_form_is_refused_plainly(key, value, why):
    with pytest.raises(InputError, match=why):
        settings.check(key, value)


def test_values_are_kept_in_one_form():
    assert settings.check("auth.max_failures", " 07 ") == "7"
    assert settings.check("drawer.kick", "1B 70 00 19 FA") == "1b700019fa"
    assert settings.check("station.code", " ch2 ") == "CH2"
    assert settings.check("printer.url", "  ") == "preview:"
    assert settings.check("printer.url", "tcp://[::1]:9100") == "tcp://[::1]:9100"


def test_unknown_keys_are_named_shortly():
    with pytest.raises(InputError, match=r"Unknown setting 'no.such'"):
        settings.check("no.such", "1")
    with pytest.raises(InputError) as refused:
        settings.check("k" * 10_000, "1")
    assert len(str(refused.value)) < 200


@hsettings(max_examples=300, deadline=None)
@given(key=st.sampled_from([k.key for k in settings.KNOWN]), value=st.text(max_size=300))
def test_any_text_is_kept_or_refused_never_a_crash(key, value):
    try:
        kept = settings.check(key, value)
    except InputError as exc:
        assert str(exc) and exc.field in (key, None)
        return
    assert settings.check(key, kept) == kept  # what is kept passes again, unchanged


def test_a_stored_value_out_of_range_falls_back_to_the_default(station):
    """A store written before the schema (or edited by hand) never breaks sign-in: a lockout of
    99,999,999,999,999 minutes once ended in OverflowError; the default applies instead."""
    with station.store.write() as s:
        settings.put(s, "auth.max_failures", "100000")
        settings.put(s, "auth.lockout_minutes", "99999999999999")
    with station.store.read() as s:
        assert settings.get_int(s, "auth.max_failures") == 5
        assert settings.get_int(s, "auth.lockout_minutes") == 15
    for _ in range(4):
        with pytest.raises(AuthError, match="left before"):
            auth.login(station, "maria", "0000")
    with pytest.raises(AuthError, match="locked for 15 minutes"):
        auth.login(station, "maria", "0000")
    assert audit_events(station, "lockout")[-1].details == {"minutes": 15}
