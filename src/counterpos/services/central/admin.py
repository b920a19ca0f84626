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
