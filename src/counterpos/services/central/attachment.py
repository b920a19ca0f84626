"""Whether this station is attached to a centre, and whether anyone may sign in here yet.

Asked at every start of the till, before the sign-in: kept apart from `sync` (which loads the
push, the pull and their worker) so the start loads only this. `sync` re-exports all three.
"""

from __future__ import annotations

from sqlalchemy import func, select

from counterpos.services.station import Station
from counterpos.store.models import User


def central_url(station: Station) -> str:
    """The centre's address; none for a training store, which never syncs."""
    if station.setting("station.training") == "on":
        return ""
    return station.setting("central.url").strip()


def anyone_may_sign_in(station: Station) -> bool:
    """Whether an active user with a PIN is here. Users the centre does not allow at this
    station arrive inactive and without their PIN hash."""
    with station.store.read() as s:
        return bool(
            s.scalar(
                select(func.count())
                .select_from(User)
                .where(User.active.is_(True), User.pin_hash != "")
            )
        )


def needs_users_from_centre(station: Station) -> bool:
    """Attached to a centre and no one may sign in yet: a new station, configured by file."""
    return bool(central_url(station)) and not anyone_may_sign_in(station)
