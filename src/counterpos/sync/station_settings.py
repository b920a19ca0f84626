"""Per-station settings at the centre (central migration c0007_i19): the administrator's
writes, each kept in station_setting_change, and a station's read of its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

EVERY_STATION = "*"


@dataclass(frozen=True)
class CentralSetting:
    station_code: str  # a station's code, or "*" for every station
    key: str
    value: str
    changed_at: datetime
    changed_by: str


def put(engine: Engine, station_code: str, key: str, value: str | None) -> str | None:
    """Set (or, with None, remove) one value; the change is kept. Returns the value before."""
    with engine.begin() as conn:
        old = conn.execute(
            text(
                "SELECT value FROM station_setting WHERE station_code = :c AND key = :k FOR UPDATE"
            ),
            {"c": station_code, "k": key},
        ).scalar()
        if value is None:
            conn.execute(
                text("DELETE FROM station_setting WHERE station_code = :c AND key = :k"),
                {"c": station_code, "k": key},
            )
        else:
            conn.execute(
                text(
                    "INSERT INTO station_setting (station_code, key, value) VALUES (:c, :k, :v) "
                    "ON CONFLICT (station_code, key) DO UPDATE SET value = EXCLUDED.value, "
                    "changed_at = now(), changed_by = session_user"
                ),
                {"c": station_code, "k": key, "v": value},
            )
        if old != value:
            conn.execute(
                text(
                    "INSERT INTO station_setting_change (station_code, key, old_value, new_value) "
                    "VALUES (:c, :k, :o, :v)"
                ),
                {"c": station_code, "k": key, "o": old, "v": value},
            )
    return old


def listed(engine: Engine, station_code: str | None = None) -> list[CentralSetting]:
    """What the centre sets: for one station (its own and every station's) or all of it."""
    where = "" if station_code is None else "WHERE station_code IN (:c, '*')"
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT station_code, key, value, changed_at, changed_by FROM station_setting "
                f"{where} ORDER BY station_code = '*' DESC, station_code, key"
            ),
            {"c": station_code},
        ).all()
    return [CentralSetting(*row) for row in rows]


def registered(engine: Engine, station_code: str) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT 1 FROM sync_station WHERE code = :c"), {"c": station_code}
            ).first()
        )


def for_this_station(engine: Engine) -> list[CentralSetting]:
    """The calling station's settings (its own value first, else every station's)."""
    with engine.begin() as conn:
        rows = conn.execute(
            text(
                "SELECT setting_key, setting_value, set_at, set_by FROM counterpos_station_settings()"
            )
        ).all()
    return [CentralSetting("", key, value, at, by) for key, value, at, by in rows]
