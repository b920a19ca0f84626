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


def test_pins_are_stored_only_as_argon2id_hashes(station):
    with station.store.read() as s:
        hashes = list(s.scalars(select(User.pin_hash)))
    assert hashes and all(h.startswith("$argon2id$v=19$m=65536,t=2,p=1$") for h in hashes)
    assert not any("1111" in h or "333333" in h for h in hashes)
    raw = station.store.path.read_bytes()
    assert b"$argon2id$" in raw


def _old_scrypt_hash(pin: str) -> str:
    """A hash as the station made them before argon2id (scrypt, N=2^14)."""
    import base64
    import hashlib
    import os

    salt = os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def _hash_of(station, username: str) -> str:
    with station.store.read() as s:
        return s.scalar(select(User.pin_hash).where(User.username == username))


def test_an_old_scrypt_hash_is_upgraded_at_the_next_good_sign_in(station):
    with station.store.write() as s:
        s.scalar(select(User).where(User.username == "maria")).pin_hash = _old_scrypt_hash("1111")
    with pytest.raises(AuthError):  # a wrong PIN upgrades nothing
        auth.login(station, "maria", "1112")
    assert _hash_of(station, "maria").startswith("scrypt$")
    auth.login(station, "maria", "1111")
    upgraded = _hash_of(station, "maria")
    assert upgraded.startswith("$argon2id$")
    assert auth.login(station, "maria", "1111").username == "maria"
    assert _hash_of(station, "maria") == upgraded  # a current hash is left alone
    with station.store.read() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "login").order_by(AuditEvent.seq)
        ).all()
    assert events[-2].details == {"pin_hash_upgraded": True} and events[-1].details == {}


def test_a_supervisor_signing_in_with_a_pin_below_the_policy_is_noted(station):
    with station.store.write() as s:
        s.scalar(select(User).where(User.username == "sofia")).pin_hash = _old_scrypt_hash("3333")
    auth.login(station, "sofia", "3333")
    with station.store.read() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
    assert event.details == {"pin_hash_upgraded": True, "pin_shorter_than_policy": True}
