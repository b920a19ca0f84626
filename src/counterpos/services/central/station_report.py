"""What the station tells the centre with every sync (its version, what waits, its newest
error) and what it learns back: the version the city approved, and whether it runs an older one."""

from __future__ import annotations

import logging
import platform
import socket

from sqlalchemy import Engine, select, text

from counterpos import faults
from counterpos.domain.versions import is_older
from counterpos.services.clock import utcnow
from counterpos.services.station import Station
from counterpos.store.models import SyncStatus
from counterpos.sync.status_report import ReportRefused, StationReport, report
from counterpos.version import version

log = logging.getLogger(__name__)

APPROVED = "approved_version"  # sync_status keys: what the centre answered, and when
APPROVED_AT = "approved_version_at"


def build(station: Station) -> StationReport:
    with station.store.read() as s:
        counts: dict[str, int] = {
            state: int(n)
            for state, n in s.execute(text("SELECT state, count(*) FROM outbox GROUP BY state"))
        }
    when, what = faults.last_error(station.home / "logs")
    return StationReport(
        version=version(),
        platform=f"{platform.system()} {platform.release()}".strip(),
        host=socket.gethostname(),
        pending=counts.get("pending", 0),
        failed=counts.get("failed", 0),
        last_error=what,
        last_error_at=when,
    )


def send(station: Station, engine: Engine) -> str | None:
    """Report to the centre and keep the approved version it answers; None when the centre
    could not take the report. Never fails the sync it rides on: a problem is logged."""
    try:
        approved = report(engine, build(station))
    except ReportRefused as exc:
        log.warning("The central database took no status report: %s", exc)
        return None
    except Exception:
        log.exception("The status report to the central database failed")
        return None
    with station.store.write() as s:
        for key, value in ((APPROVED, approved), (APPROVED_AT, utcnow().isoformat())):
            row = s.get(SyncStatus, key)
            if row is None:
                s.add(SyncStatus(key=key, value=value))
            else:
                row.value = value
    return approved


def approved_version(station: Station) -> str:
    """The version the city approved, as the centre last said ('' until it has said)."""
    with station.store.read() as s:
        return s.scalar(select(SyncStatus.value).where(SyncStatus.key == APPROVED)) or ""


def behind(station: Station) -> tuple[str, str] | None:
    """(running, approved) when this station runs an older version than the approved one."""
    approved = approved_version(station)
    running = version()
    return (running, approved) if is_older(running, approved) else None


def update_notice(station: Station) -> str | None:
    """A plain line when this station runs an older version than the approved one."""
    versions = behind(station)
    if versions is None:
        return None
    running, approved = versions
    return (
        f"This station runs CounterPOS {running}; the city has approved {approved}. "
        "Sales work as usual; ask IT to install the new version."
    )
