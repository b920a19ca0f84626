"""Outbox rows: a copy of every synced record, queued for the central database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from counterpos.store.models.base import Base, utcnow


class OutboxRow(Base):
    __tablename__ = "outbox"
    # Only rows still to send, or set aside, are indexed (migration 0004). Ids are never
    # reused (AUTOINCREMENT, migration 0010): SQLite keeps the highest id ever given, so rows
    # removed from the end still leave a gap `audit verify` finds.
    __table_args__ = (
        Index("ix_outbox_pending", "id", sqlite_where=text("state = 'pending'")),
        Index("ix_outbox_failed", "id", sqlite_where=text("state = 'failed'")),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    record_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)  # JSON of the row's columns
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str] = mapped_column(Text, default="")
    # pending, sent, or failed (set aside with its error; see sync/push.py)
    state: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending")
