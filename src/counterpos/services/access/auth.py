"""Logging in with username and PIN; repeated failures lock the user for a while."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from counterpos.services import audit, settings
from counterpos.services.access.pin import verify_pin
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import AuthError
from counterpos.services.station import Station
from counterpos.store.models import RolePermission, User


def _actor(session, user: User) -> Actor:
    perms = frozenset(
        session.scalars(select(RolePermission.permission).where(RolePermission.role == user.role))
    )
    return Actor(user.id, user.username, user.full_name, user.role, perms)


def login(station: Station, username: str, pin: str, *, action: str = "login") -> Actor:
    """Check a username and PIN. Wrong ones count toward a lockout; the message never says which."""
    username = username.strip().lower()
    failure: AuthError | None = None
    with station.store.write() as s:
        user = s.scalar(select(User).where(User.username == username))
        now = utcnow()
        if user is None:
            audit.record(
                s,
                station.code,
                "login_failed",
                actor=username,
                details={"reason": "unknown user", "for": action},
            )
            failure = AuthError("Wrong username or PIN.")
        elif not user.active:
            audit.record(
                s,
                station.code,
                "login_failed",
                actor=username,
                details={"reason": "disabled", "for": action},
            )
            failure = AuthError("This user is disabled; ask a supervisor.")
        elif user.locked_until and user.locked_until > now:
            audit.record(
                s,
                station.code,
                "login_failed",
                actor=username,
                details={"reason": "locked", "for": action},
            )
            until = to_local(user.locked_until).strftime("%H:%M")
            failure = AuthError(
                f"This user is locked after too many wrong PINs; try again after {until} or ask a supervisor."
            )
        elif not verify_pin(pin, user.pin_hash):
            user.failed_attempts += 1
            audit.record(
                s,
                station.code,
                "login_failed",
                actor=username,
                details={"reason": "wrong PIN", "attempt": user.failed_attempts, "for": action},
            )
            limit = settings.get_int(s, "auth.max_failures")
            if user.failed_attempts >= limit:
                minutes = settings.get_int(s, "auth.lockout_minutes")
                user.locked_until = now + timedelta(minutes=minutes)
                user.failed_attempts = 0
                audit.record(
                    s, station.code, "lockout", actor=username, details={"minutes": minutes}
                )
                failure = AuthError(
                    f"Wrong PIN {limit} times: {user.full_name} is locked for {minutes} minutes."
                )
            else:
                left = limit - user.failed_attempts
                failure = AuthError(
                    f"Wrong username or PIN. {left} {'try' if left == 1 else 'tries'} left before the user is locked."
                )
        else:
            user.failed_attempts = 0
            user.locked_until = None
            audit.record(s, station.code, action, actor=username)
            return _actor(s, user)
    raise failure


def actor_for(station: Station, username: str) -> Actor:
    """The Actor of an existing user, without a PIN (for the CLI run by the station's admin)."""
    with station.store.read() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise AuthError(f"There is no user {username!r}.")
        return _actor(s, user)
