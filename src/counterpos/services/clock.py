"""The time services use: UTC for storage, the station's local time for people."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def to_local(utc_naive: datetime) -> datetime:
    """A stored naive-UTC timestamp in the station's local time zone (naive)."""
    return utc_naive.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def local_today() -> date:
    return datetime.now().date()
