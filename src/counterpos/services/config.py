"""Reading and changing settings through one door, so every change is checked and audited."""

from __future__ import annotations

from counterpos.domain.pan_guard import contains_card_number, refusal
from counterpos.services import audit, settings
from counterpos.services.actor import Actor
from counterpos.services.errors import InputError
from counterpos.services.station import Station


def get_value(station: Station, key: str) -> str:
    if key not in settings.BY_KEY:
        raise InputError(f"Unknown setting {key!r}; `counterpos config get` lists them.")
    return station.setting(key)


def describe(station: Station) -> list[tuple[str, str, str]]:
    with station.store.read() as s:
        values = settings.all_values(s)
    return [(k.key, values[k.key], k.help) for k in settings.KNOWN]


def set_value(station: Station, key: str, value: str, actor: Actor | None) -> None:
    """Change a setting. `actor` None is the station's administrator at the command line."""
    if actor is not None:
        actor.require("edit_settings", "change settings")
    if key not in settings.BY_KEY:
        raise InputError(f"Unknown setting {key!r}; `counterpos config get` lists them.")
    if key == "station.code":
        station.set_code(value)
        return
    if key == "central.url" and value.strip():
        from counterpos.services.central.sync import connect  # keeps a password out of settings

        connect(station, value, actor_name=actor.username if actor else "admin")
        return
    if (
        key.endswith("_cents")
        or key
        in (
            "auth.max_failures",
            "auth.lockout_minutes",
            "ui.idle_lock_minutes",
            "drawer.baud",
            "printer.timeout",
            "drawer.open_within",
            "yard_sale.max_per_year",
            "yard_sale.max_days",
        )
    ) and not value.isdigit():
        raise InputError(f"{key} takes a whole number.")
    try:
        settings.check_range(key, value)
    except ValueError as exc:
        raise InputError(str(exc), field=key) from exc
    if contains_card_number(value):
        raise InputError(refusal(key), field=key)
    if key.startswith("card."):
        from counterpos.services.card.settings import check_setting  # noqa: PLC0415

        check_setting(key, value)
    if key in ("printer.url", "printer.profile"):
        from counterpos.services.devices import (
            printing,  # printer settings are checked before saving
        )

        if key == "printer.url":
            printing.check_printer_url(value, station.home)
        else:
            printing.check_profile(value)
    with station.store.write() as s:
        old = settings.put(s, key, value)
        audit.record(
            s,
            station.code,
            "setting_change",
            actor=actor.username if actor else "admin",
            target=key,
            details={"old": old, "new": value},
        )
