"""Sync bookkeeping of the station: pull watermarks, status, and the centre's ledger entries."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base


class SyncWatermark(Base):
    """The newest central `changed_at` pulled for one table (ISO text, the centre's clock)."""

    __tablename__ = "sync_watermark"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    changed_at: Mapped[str] = mapped_column(String(40))


class SyncStatus(Base):
    """last_success, last_attempt, last_error, offline_since: what the status bar shows."""

    __tablename__ = "sync_status"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CentralLedgerEntry(Base):
    """A ledger entry made elsewhere (another station, the billing system), pulled down."""

    __tablename__ = "central_ledger_entry"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(String(36), index=True)
    entry_type: Mapped[str] = mapped_column(String(20))
    amount_cents: Mapped[int] = mapped_column(Integer)
    station_code: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column()
