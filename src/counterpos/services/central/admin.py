"""Administering the central database: create or upgrade it, register stations."""

from __future__ import annotations

from counterpos.services.errors import CentralUnavailable, InputError
from counterpos.sync import central


def _engine(url: str):
    try:
        return central.make_central_engine(url)
    except ValueError as exc:
        raise InputError(str(exc), field="url") from exc


def init(url: str) -> tuple[str | None, str | None]:
    engine = _engine(url)
    try:
        return central.init(engine)
    except Exception as exc:
        if "connection" in type(exc).__name__.lower() or "Operational" in type(exc).__name__:
            raise CentralUnavailable(f"Cannot reach the central database: {exc}") from exc
        raise
    finally:
        engine.dispose()


def add_station(url: str, code: str, password: str | None = None) -> dict[str, str]:
    engine = _engine(url)
    try:
        return central.add_station(engine, code, password)
    except ValueError as exc:
        raise InputError(str(exc), field="station") from exc
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


def approve_version(url: str, version: str) -> str | None:
    """The version every station should run; a station behind it says so. Kept with its
    history at the centre. Returns the version approved before."""
    from counterpos.domain.versions import release

    version = version.strip()
    if release(version) is None:
        raise InputError(f"{version!r} is not a version like 1.4.2.", field="version")
    from counterpos.sync.status_report import set_approved_version

    engine = _engine(url)
    try:
        return set_approved_version(engine, version)
    finally:
        engine.dispose()
