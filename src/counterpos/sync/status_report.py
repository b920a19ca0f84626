"""The station's report to the centre: its version, how much waits, its newest error; the
centre answers with the version the city approved (counterpos_report_status, central c0006)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text


@dataclass(frozen=True)
class StationReport:
    version: str
    platform: str
    host: str
    pending: int
    failed: int
    last_error: str
    last_error_at: datetime | None


class ReportRefused(Exception):
    """The centre cannot take the report (a schema from before it, or not a station's role)."""


def report(engine: Engine, r: StationReport) -> str:
    """Send one report in its own transaction; returns the approved version ('' for none)."""
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.begin() as conn:
            approved = conn.execute(
                text(
                    "SELECT counterpos_report_status(:version, :platform, :host, :pending, "
                    ":failed, :last_error, :last_error_at)"
                ),
                {
                    "version": r.version,
                    "platform": r.platform,
                    "host": r.host,
                    "pending": r.pending,
                    "failed": r.failed,
                    "last_error": r.last_error,
                    "last_error_at": r.last_error_at,
                },
            ).scalar_one()
    except DBAPIError as exc:
        import psycopg

        if isinstance(
            exc.orig, psycopg.errors.UndefinedFunction | psycopg.errors.InsufficientPrivilege
        ):
            first = str(exc.orig).strip().splitlines()[0]
            raise ReportRefused(first) from exc
        raise
    return str(approved or "")


@dataclass(frozen=True)
class StationStatus:
    """One registered station as the centre last heard from it (never: version '')."""

    code: str
    version: str
    platform: str
    host: str
    pending: int
    failed: int
    last_error: str
    last_error_at: datetime | None
    last_sync_at: datetime | None


def statuses(engine: Engine) -> tuple[list[StationStatus], str]:
    """Every registered station with its last report, and the approved version (admin)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT s.code, coalesce(t.version, ''), coalesce(t.platform, ''), "
                "coalesce(t.host, ''), coalesce(t.pending, 0), coalesce(t.failed, 0), "
                "coalesce(t.last_error, ''), t.last_error_at, t.last_sync_at "
                "FROM sync_station s LEFT JOIN station_status t ON t.station_code = s.code "
                "ORDER BY s.code"
            )
        ).all()
        approved = conn.execute(
            text("SELECT value FROM central_setting WHERE key = 'approved_version'")
        ).scalar()
    return [StationStatus(*row) for row in rows], str(approved or "")


def set_approved_version(engine: Engine, version: str) -> str | None:
    """Approve a version for every station; the change is kept. Returns the one before."""
    with engine.begin() as conn:
        old = conn.execute(
            text("SELECT value FROM central_setting WHERE key = 'approved_version' FOR UPDATE")
        ).scalar()
        conn.execute(
            text(
                "INSERT INTO central_setting (key, value) VALUES ('approved_version', :v) "
                "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, changed_at = now(), "
                "changed_by = session_user"
            ),
            {"v": version},
        )
        conn.execute(
            text(
                "INSERT INTO central_setting_change (key, old_value, new_value) "
                "VALUES ('approved_version', :old, :new)"
            ),
            {"old": old, "new": version},
        )
    return old
