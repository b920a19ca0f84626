"""Thirty days of closed drawer sessions with sales, so reprint, reports and sync have data."""

from __future__ import annotations

from counterpos.services.station import Station


def add_demo_history(station: Station, days: int) -> str:
    """Placeholder until the demo history lands: adds nothing."""
    return ""
