"""Logging in: right PIN, wrong PIN, lockout after five failures, disabled users."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from counterpos.services import audit
from counterpos.services.access import auth, users
from counterpos.services.errors import AuthError
from counterpos.store.models import AuditEvent, User


def test_login_returns_the_users_role_and_permissions(station):
    actor = auth.login(station, "Maria ", "1111")
    assert actor.username == "maria"
    assert actor.role == "cashier"
    assert actor.can("sell") and not actor.can("void")


def test_wrong_pin_says_how_many_tries_are_left(station):
    with pytest.raises(AuthError, match="4 tries left"):
        auth.login(station, "maria", "0000")


def test_unknown_user_gets_the_same_message_as_a_wrong_pin(station):
    with pytest.raises(AuthError, match="^Wrong username or PIN.$"):
        auth.login(station, "nobody", "1111")


def test_five_failures_lock_the_user_even_with_the_right_pin(station):
    for _ in range(4):
        with pytest.raises(AuthError, match="left"):
            auth.login(station, "maria", "9876")
    with pytest.raises(AuthError, match="locked for 15 minutes"):
        auth.login(station, "maria", "9876")
    with pytest.raises(AuthError, match="locked"):
        auth.login(station, "maria", "1111")
    with station.store.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
        assert actions[-7:] == ["login_failed"] * 5 + ["lockout", "login_failed"]
        assert audit.verify(s).ok


def test_a_good_login_resets_the_failure_count(station):
    for _ in range(3):
        with pytest.raises(AuthError):
            auth.login(station, "maria", "9876")
    auth.login(station, "maria", "1111")
    with station.store.read() as s:
        assert s.scalar(select(User.failed_attempts).where(User.username == "maria")) == 0


def test_disabled_user_cannot_log_in(station):
    users.disable_user(station, "maria")
    with pytest.raises(AuthError, match="disabled"):
        auth.login(station, "maria", "1111")


def test_pins_are_stored_only_as_scrypt_hashes(station):
    with station.store.read() as s:
        hashes = list(s.scalars(select(User.pin_hash)))
    assert hashes and all(h.startswith("scrypt$") for h in hashes)
    assert not any("1111" in h or "3333" in h for h in hashes)
    raw = station.store.path.read_bytes()
    assert b"scrypt$" in raw
