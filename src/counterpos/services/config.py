"""Reading and changing settings through one door, so every change is checked and audited."""

from __future__ import annotations

from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
from counterpos.services.station import Station


def get_value(station: Station, key: str) -> str:
    if key not in settings.BY_KEY:
        raise settings._unknown(key)
    return station.setting(key)


def check(key: str, value: str) -> str:
    """The value `key` would keep (settings.check): InputError names what is allowed."""
    return settings.check(key, value)


def describe(station: Station) -> list[tuple[str, str, str]]:
    with station.store.read() as s:
        values = settings.all_values(s)
    return [(k.key, values[k.key], k.help) for k in settings.KNOWN]


def set_value(station: Station, key: str, value: str, actor: Actor | None) -> bool:
    """Change a setting, checked by the settings schema. Returns False when the setting
    already had that value (nothing is written or audited then).

    `actor` None is the station's own set-up code (tests, the demo city); the command line
    always signs a user in and passes them.
    """
    if actor is not None:
        actor.require("edit_settings", "change settings")
    if key in ("station.mode", "station.training"):
        raise InputError(
            "{key} changes only with `counterpos training on|off` (a supervisor, audited).",
            field=key,
            key=key,
        )
    kept = settings.check(key, value)
    if key == "central.url" and kept and station.setting("station.training") == "on":
        raise InputError("A training store never syncs: it takes no central database.", field=key)
    who = actor.username if actor else "admin"
    if key == "central.url" and kept:
        from counterpos.services.central.sync import connect  # keeps a password out of settings

        current = station.setting(key)
        connect(station, kept, actor_name=who)
        return station.setting(key) != current
    with station.store.write() as s:
        row_value = settings.get(s, key)
        if row_value == kept:
            return False
        if key == "station.code":
            # Refused once receipts were issued under the old code.
            station.set_code_in(s, kept)
        else:
            settings.put(s, key, kept)
        audit.record(
            s,
            station.code if key != "station.code" else kept,
            "setting_change",
            actor=who,
            target=key,
            details={"old": row_value, "new": kept},
        )
    if key == "station.code":
        station.forget_code()
    if key == "backup.folder":
        from counterpos.services import store_health

        store_health.remember_backup_folder(station)
    return True


__all__ = ["InputError", "check", "describe", "get_value", "set_value"]
