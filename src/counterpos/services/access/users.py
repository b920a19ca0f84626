"""Adding, listing and disabling users; every change is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.services import audit
from counterpos.services.access.auth import role_pin_digits
from counterpos.services.access.pin import check_pin_format, hash_pin, verify_pin
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError, NotFound
from counterpos.services.station import Station
from counterpos.store.models import Role, User
from counterpos.store.outbox import enqueue


@dataclass(frozen=True)
class UserView:
    username: str
    full_name: str
    role: str
    active: bool
    locked: bool


def add_user(
    station: Station, username: str, full_name: str, role: str, pin: str, actor: Actor | None = None
) -> UserView:
    """Create a user. `actor` None means the station's own set-up (first init)."""
    if actor is not None:
        actor.require("manage_users", "manage users")
    username = username.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9._-]{1,39}", username):
        raise InputError(
            "A username is 2 to 40 letters, digits, '.', '_' or '-', starting with a letter.",
            field="username",
        )
    if not full_name.strip():
        raise InputError("Enter the person's full name.", field="full_name")
    if contains_card_number(username):
        raise InputError(refusal("The username"), field="username")
    if contains_card_number(full_name):
        raise InputError(refusal("The full name"), field="full_name")
    check_pin_format(pin)
    pin_hash = hash_pin(pin)  # a sixth of a second: before the store's write lock
    with station.store.write() as s:
        if s.get(Role, role) is None:
            roles = ", ".join(r.name for r in s.scalars(select(Role).order_by(Role.rank)))
            raise InputError(
                "Unknown role {role!r}; choose one of: {roles}.",
                field="role",
                role=role,
                roles=roles,
            )
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise InputError(
                "The username {username!r} is taken.", field="username", username=username
            )
        _check_role_pin(s, role, pin)
        user = User(username=username, full_name=full_name.strip(), role=role, pin_hash=pin_hash)
        s.add(user)
        s.flush()
        audit.record(
            s,
            station.code,
            "user_add",
            actor=actor.username if actor else "system",
            target=username,
            details={"role": role, "full_name": user.full_name},
        )
        return UserView(user.username, user.full_name, user.role, True, False)


def _check_role_pin(session, role: str, pin: str) -> None:
    digits = role_pin_digits(session, role)
    if len(pin) < digits:
        raise InputError(
            "A {role}'s PIN is at least {digits} digits.",
            field="pin",
            role=role.replace("_", " "),
            digits=digits,
        )


def set_pin(
    station: Station,
    username: str,
    new_pin: str,
    *,
    actor: Actor | None = None,
    old_pin: str | None = None,
) -> None:
    """Change a PIN: the user themselves with the old PIN, or a holder of `manage_users`.

    `actor` None with `old_pin` is the user at the command line. The new PIN must meet the
    policy of the user's role (a supervisor's at least `auth.privileged_pin_digits`).
    """
    username = username.strip().lower()
    if actor is None or actor.username != username:
        if actor is not None:
            actor.require("manage_users", "change another user's PIN")
        elif old_pin is None:
            raise InputError("Enter the current PIN.", field="old_pin")
    check_pin_format(new_pin)
    with station.store.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound("There is no user {username!r}.", username=username)
        stored = user.pin_hash
    if (actor is None or actor.username == username) and not verify_pin(old_pin or "", stored):
        raise InputError("The current PIN is wrong; nothing was changed.", field="old_pin")
    new_hash = hash_pin(new_pin)
    with station.store.write() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound("There is no user {username!r}.", username=username)
        _check_role_pin(s, user.role, new_pin)
        user.pin_hash = new_hash
        enqueue(s, user)  # held at the centre until an administrator applies it elsewhere
        audit.record(
            s,
            station.code,
            "pin_change",
            actor=actor.username if actor else username,
            target=username,
        )


def list_users(station: Station) -> list[UserView]:
    from counterpos.services.clock import utcnow

    now = utcnow()
    with station.store.read() as s:
        return [
            UserView(
                u.username,
                u.full_name,
                u.role,
                u.active,
                bool(u.locked_until and u.locked_until > now),
            )
            for u in s.scalars(select(User).order_by(User.username))
        ]


def disable_user(station: Station, username: str, actor: Actor | None = None) -> None:
    if actor is not None:
        actor.require("manage_users", "manage users")
    with station.store.write() as s:
        user = s.scalar(select(User).where(User.username == username.strip().lower()))
        if user is None:
            raise NotFound("There is no user {username!r}.", username=username)
        user.active = False
        enqueue(s, user)
        audit.record(
            s,
            station.code,
            "user_disable",
            actor=actor.username if actor else "system",
            target=user.username,
        )


def set_language(station: Station, actor: Actor, language: str) -> Actor:
    """Keep the screen language `actor` chose at sign-in; returns the actor carrying it."""
    from dataclasses import replace  # noqa: PLC0415

    from counterpos.services.language import LANGUAGES  # noqa: PLC0415

    if language not in LANGUAGES:
        raise InputError("Choose English or Spanish.", field="language")
    with station.store.write() as s:
        user = s.get(User, actor.user_id)
        if user is None:
            raise NotFound("There is no user {username}.", username=actor.username)
        if user.language != language:
            user.language = language
            audit.record(
                s,
                station.code,
                "user_language",
                actor=actor.username,
                target=actor.username,
                details={"language": language},
            )
    return replace(actor, language=language)


def screen_language(station: Station, actor: Actor | None) -> str:
    """The language `actor`'s screens show: theirs, else the station's `ui.language`."""
    from counterpos.services.language import checked  # noqa: PLC0415

    if actor is not None and actor.language:
        return checked(actor.language)
    return checked(station.setting("ui.language"))
