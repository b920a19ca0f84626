"""Logging in with username and PIN; repeated failures lock the user for a while.

The PIN is checked before the store's write lock is taken (an argon2id check takes a sixth of
a second); an older hash is replaced by today's after a good sign-in, and a supervisor's or
administrator's PIN shorter than `auth.privileged_pin_digits` is noted in the sign-in's event.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from sqlalchemy import select

from counterpos.services import audit, settings
from counterpos.services.access.pin import hash_pin, needs_rehash, verify_pin
from counterpos.services.actor import Actor
from counterpos.services.clock import to_local, utcnow
from counterpos.services.errors import AuthError
from counterpos.services.station import Station
from counterpos.store.models import RolePermission, User


def _actor(session, user: User) -> Actor:
    perms = frozenset(
        session.scalars(select(RolePermission.permission).where(RolePermission.role == user.role))
    )
    return Actor(user.id, user.username, user.full_name, user.role, perms, user.language or "")


@cache
def nobody_hash() -> str:
    """What an unknown username's PIN is checked against, so it costs a known user's time.
    Made once per run, when first asked (the till asks right after its store opens): a whole
    argon2 hash at every import was paid by every command and by the till's start."""
    return hash_pin("0000000000")


def login(station: Station, username: str, pin: str, *, action: str = "login") -> Actor:
    """Check a username and PIN. Wrong ones count toward a lockout; the message never says which."""
    username = username.strip().lower()
    failure: AuthError | None = None
    with station.store.read() as s:
        stored = s.scalar(select(User.pin_hash).where(User.username == username))
    # An unknown user costs the same time as a known one: the delay tells nothing.
    pin_ok = verify_pin(pin, stored if stored is not None else nobody_hash()) and stored is not None
    upgraded = hash_pin(pin) if pin_ok and stored is not None and needs_rehash(stored) else None
    with station.store.write() as s:
        user = s.scalar(select(User).where(User.username == username))
        now = utcnow()
        if user is not None and user.pin_hash != stored:  # changed meanwhile: check again
            pin_ok = verify_pin(pin, user.pin_hash)
            upgraded = None
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
                "This user is locked after too many wrong PINs; "
                "try again after {until} or ask a supervisor.",
                until=until,
            )
        elif not pin_ok:
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
                    "Wrong PIN {limit} times: {name} is locked for {minutes} minutes.",
                    limit=limit,
                    name=user.full_name,
                    minutes=minutes,
                )
            else:
                left = limit - user.failed_attempts
                failure = AuthError(
                    "Wrong username or PIN. 1 try left before the user is locked."
                    if left == 1
                    else "Wrong username or PIN. {left} tries left before the user is locked.",
                    left=left,
                )
        else:
            user.failed_attempts = 0
            user.locked_until = None
            details = {}
            if upgraded is not None:
                user.pin_hash = upgraded  # local only: the centre keeps the administrator's
                details["pin_hash_upgraded"] = True
            actor = _actor(s, user)
            if len(pin) < privileged_pin_digits(s, actor):
                details["pin_shorter_than_policy"] = True
            audit.record(s, station.code, action, actor=username, details=details or None)
            return actor
    raise failure


# Supervisors and administrators; and finance supervisors, who post the ledger and reverse
# customers' payments.
PRIVILEGED = frozenset({"manage_users", "edit_settings", "post_journal", "return_payment"})


def privileged_pin_digits(session, actor_or_perms) -> int:
    """The fewest digits this role's PIN may have: 4, or the setting for privileged roles."""
    perms = getattr(actor_or_perms, "permissions", actor_or_perms)
    if not PRIVILEGED & set(perms):
        return 4
    return min(12, max(6, settings.get_int(session, "auth.privileged_pin_digits")))


def role_pin_digits(session, role: str) -> int:
    perms = session.scalars(select(RolePermission.permission).where(RolePermission.role == role))
    return privileged_pin_digits(session, frozenset(perms))


def actor_for(station: Station, username: str) -> Actor:
    """The Actor of an existing user, without a PIN (for the CLI run by the station's admin)."""
    with station.store.read() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise AuthError("There is no user {username!r}.", username=username)
        return _actor(s, user)
