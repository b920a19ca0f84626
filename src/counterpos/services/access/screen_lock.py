"""Locking the idle till and unlocking it with the same cashier's PIN (both audited)."""

from __future__ import annotations

from counterpos.services import audit
from counterpos.services.access import auth
from counterpos.services.actor import Actor
from counterpos.services.errors import AuthError
from counterpos.services.station import Station


def idle_minutes(station: Station) -> int:
    try:
        return max(0, int(station.setting("ui.idle_lock_minutes")))
    except ValueError:
        return 5


def lock(station: Station, actor: Actor) -> None:
    with station.store.write() as s:
        audit.record(s, station.code, "screen_lock", actor=actor.username)


def unlock(station: Station, actor: Actor, pin: str) -> Actor:
    """Only the locked user's PIN unlocks; wrong PINs count toward their lockout."""
    if not pin:
        raise AuthError("Enter your PIN.")
    return auth.login(station, actor.username, pin, action="unlock")
