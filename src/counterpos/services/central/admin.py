"""Administering the central database: create or upgrade it, register stations."""

from __future__ import annotations

from dataclasses import dataclass

from counterpos.services.errors import CentralUnavailable, InputError
from counterpos.sync import central


def _engine(url: str):
    try:
        return central.make_central_engine(url)
    except ValueError as exc:
        raise InputError(exc, field="url") from exc


def init(url: str) -> tuple[str | None, str | None]:
    engine = _engine(url)
    try:
        return central.init(engine)
    except Exception as exc:
        if "connection" in type(exc).__name__.lower() or "Operational" in type(exc).__name__:
            raise CentralUnavailable("Cannot reach the central database: {exc}", exc=exc) from exc
        raise
    finally:
        engine.dispose()


def add_station(url: str, code: str, password: str | None = None) -> dict[str, str]:
    engine = _engine(url)
    try:
        return central.add_station(engine, code, password)
    except ValueError as exc:
        raise InputError(exc, field="station") from exc
    finally:
        engine.dispose()


def station_statuses(url: str):
    """Every registered station's version, last sync and newest error, and the approved
    version (`counterpos central stations`)."""
    from counterpos.sync.status_report import statuses

    engine = _engine(url)
    try:
        return statuses(engine)
    finally:
        engine.dispose()


@dataclass(frozen=True)
class HeldChange:
    """A change to reference data a station sent that only an administrator may make."""

    id: int
    station_code: str
    table_name: str
    record_id: str
    reason: str
    summary: str  # the record, shortened (never a PIN hash)
    sent_at: str


def _summary(payload: dict) -> str:
    shown = {k: v for k, v in payload.items() if k != "pin_hash"}
    text_ = ", ".join(f"{k}={v}" for k, v in shown.items())
    return text_ if len(text_) <= 160 else text_[:157] + "..."


def held_changes(url: str, station_code: str | None = None) -> list[HeldChange]:
    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return [
                HeldChange(
                    r.id,
                    r.station_code,
                    r.table_name,
                    r.record_id,
                    r.reason,
                    _summary(r.payload),
                    r.changed_at.strftime("%Y-%m-%d %H:%M"),
                )
                for r in central.held_changes(conn, station_code)
            ]
    finally:
        engine.dispose()


def approve_version(url: str, version: str) -> str | None:
    """The version every station should run; a station behind it says so. Kept with its
    history at the centre. Returns the version approved before."""
    from counterpos.domain.versions import release

    version = version.strip()
    if release(version) is None:
        raise InputError(
            "{version!r} is not a version like 1.4.2.", field="version", version=version
        )
    from counterpos.sync.status_report import set_approved_version

    engine = _engine(url)
    try:
        return set_approved_version(engine, version)
    finally:
        engine.dispose()


def decide_changes(
    url: str, ids: list[int] | None, *, apply: bool, station_code: str | None = None
) -> int:
    """Apply (or refuse) held changes as the administrator; returns how many."""
    engine = _engine(url)
    try:
        return central.decide_changes(engine, ids, apply=apply, station_code=station_code)
    except ValueError as exc:
        raise InputError(exc, field="id") from exc
    finally:
        engine.dispose()


def allow_user(url: str, username: str, stations: list[str]) -> list[str]:
    engine = _engine(url)
    try:
        return central.allow_user(engine, username, stations)
    except ValueError as exc:
        raise InputError(exc, field="stations") from exc
    finally:
        engine.dispose()


def allow_billing(url: str, code: str, allow: bool = True) -> bool:
    """Let a station send bills and late fees to the centre (or stop it)."""
    engine = _engine(url)
    try:
        return central.allow_billing(engine, code, allow)
    except ValueError as exc:
        raise InputError(exc, field="code") from exc
    finally:
        engine.dispose()
