"""Per-station settings kept at the centre, changed in one place and pulled by each station.

The administrator sets a value for one station or for every station (`counterpos central
setting set CH2 printer.url ...`); the change is checked like `config set`, kept with who and
when at the centre. Each station pulls its values with every sync, checks them again, and writes
the ones that changed into its own settings, each audited (actor "centre", with who changed it
there). station.code and central.url stay local: they say which station this is and which
centre it talks to (counterpos.toml or `config set`).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from sqlalchemy import Engine, select

from counterpos.services import audit, settings
from counterpos.services.errors import InputError
from counterpos.services.station import Station
from counterpos.services.station_config import Check, default_check
from counterpos.store.models import SyncStatus
from counterpos.sync import station_settings as central_settings
from counterpos.sync.station_settings import EVERY_STATION, CentralSetting

log = logging.getLogger(__name__)

LOCAL_ONLY = frozenset({"station.code", "central.url", "station.name"})
MANAGED = "central_settings_keys"  # sync_status key: the keys the centre sets here (JSON)
ACTOR = "centre"


def _target(code: str) -> str:
    code = code.strip().upper()
    return EVERY_STATION if code in ("ALL", "*") else code


def admin_set(
    url: str, code: str, key: str, value: str | None, check: Check | None = None
) -> str | None:
    """Set (value None: remove) one setting of one station, or of every station ("all").
    Refused with a plain message when the key, the value or the station is wrong."""
    from counterpos.services.central.admin import _engine

    if key in LOCAL_ONLY:
        raise InputError(
            "{key} is set at the station itself (counterpos.toml or `counterpos config set`): it "
            "says which station this is and which centre it talks to.",
            field=key,
            key=key,
        )
    if value is not None:
        (check or default_check(Path(".")))(key, value)
    elif key not in settings.BY_KEY:
        raise settings._unknown(key)
    target = _target(code)
    engine = _engine(url)
    try:
        if target != EVERY_STATION and not central_settings.registered(engine, target):
            raise InputError(
                "There is no station {target} at the centre (`counterpos central stations` lists them; "
                "`all` sets a value for every station).",
                field="station",
                target=target,
            )
        return central_settings.put(engine, target, key, value)
    finally:
        engine.dispose()


def admin_list(url: str, code: str | None = None) -> list[CentralSetting]:
    from counterpos.services.central.admin import _engine

    engine = _engine(url)
    try:
        return central_settings.listed(engine, _target(code) if code else None)
    finally:
        engine.dispose()


def pull(station: Station, engine: Engine, check: Check | None = None) -> list[str]:
    """Bring this station's centrally kept settings in; returns the keys that changed.

    A value this station refuses (a setting its version does not know, a printer it cannot
    use) is logged and left out; the others still apply."""
    try:
        rows = central_settings.for_this_station(engine)
    except Exception as exc:
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError) and "counterpos_station_settings" in str(exc.orig):
            log.warning("The central database keeps no station settings yet: %s", exc.orig)
            return []
        raise
    check = check or default_check(station.home)
    changed = []
    managed = []
    for row in rows:
        if row.key in LOCAL_ONLY:
            continue
        try:
            check(row.key, row.value)
        except (InputError, ValueError) as exc:
            log.error("Central setting %s = %r refused here: %s", row.key, row.value, exc)
            continue
        managed.append(row.key)
        with station.store.write() as s:
            old = settings.get(s, row.key)
            if old == row.value:
                continue
            settings.put(s, row.key, row.value)
            audit.record(
                s,
                station.code,
                "setting_change",
                actor=ACTOR,
                target=row.key,
                details={
                    "old": old,
                    "new": row.value,
                    "changed_by": row.changed_by,
                    "changed_at": row.changed_at.isoformat(),
                },
            )
        changed.append(row.key)
    with station.store.write() as s:
        value = json.dumps(sorted(managed))
        status = s.get(SyncStatus, MANAGED)
        if status is None:
            s.add(SyncStatus(key=MANAGED, value=value))
        else:
            status.value = value
    if changed:
        log.info("Settings from the centre: %s", ", ".join(changed))
    return changed


def managed_keys(station: Station) -> frozenset[str]:
    """The keys the centre set for this station at its last sync (counterpos.toml leaves them)."""
    with station.store.read() as s:
        value = s.scalar(select(SyncStatus.value).where(SyncStatus.key == MANAGED))
    try:
        return frozenset(json.loads(value)) if value else frozenset()
    except ValueError:
        return frozenset()
